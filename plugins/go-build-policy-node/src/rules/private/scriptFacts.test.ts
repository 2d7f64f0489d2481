import { analyseScript, hostOf, referencesIn } from './scriptFacts';
import { parseShellScript } from './shellCommands';

describe('parseShellScript', () => {
  it('splits commands on operators and keeps their lines', () => {
    const commands = parseShellScript('a && b\n# note\nc | d; e \\\n  f');
    expect(
      commands.map(c => [c.words.map(w => w.text).join(' '), c.line]),
    ).toEqual([
      ['a', 0],
      ['b', 0],
      ['c', 2],
      ['d', 2],
      ['e f', 2],
    ]);
    expect(commands[3].pipedFrom?.words[0].text).toBe('c');
  });

  it('removes quotes and marks expansions as dynamic', () => {
    const [command] = parseShellScript(
      `echo 'a b' "c $HOME" '\${{ secrets.T }}' plain`,
    );
    expect(command.words.map(w => [w.text, w.dynamic])).toEqual([
      ['echo', false],
      ['a b', false],
      ['c $HOME', true],
      ['${{ secrets.T }}', true],
      ['plain', false],
    ]);
  });

  it('reads here-documents as bodies, not commands', () => {
    const commands = parseShellScript(
      'cat <<EOF > ~/.netrc\nmachine github.com\nEOF\ngo build',
    );
    expect(commands).toHaveLength(2);
    expect(commands[0].heredocs[0].body).toBe('machine github.com');
    expect(commands[0].redirects[0].target.text).toBe('~/.netrc');
    expect(commands[1].line).toBe(3);
  });

  it('never hangs on unterminated quotes and expansions', () => {
    for (const script of [
      '"abc',
      "'abc",
      '$(abc',
      '${{ abc',
      'a <<',
      '`x',
      '\\',
    ]) {
      expect(() => parseShellScript(script)).not.toThrow();
    }
    const big = 'echo "x'.repeat(100_000);
    const start = Date.now();
    parseShellScript(big);
    expect(Date.now() - start).toBeLessThan(1000);
  });
});

describe('analyseScript', () => {
  it('finds go env -w, export, prefix and $GITHUB_ENV settings', () => {
    const facts = analyseScript(
      [
        'go env -w GOPRIVATE=github.com/acme/* GOFLAGS=-mod=mod',
        'export GONOSUMDB="github.com/acme"',
        'GOSUMDB=off go mod download',
        'echo "GOINSECURE=example.com" >> "$GITHUB_ENV"',
        'X=1',
      ].join('\n'),
    );
    expect(
      facts.assignments.map(a => [a.name, a.value, a.kind, a.line]),
    ).toEqual([
      ['GOPRIVATE', 'github.com/acme/*', 'go env -w', 0],
      ['GOFLAGS', '-mod=mod', 'go env -w', 0],
      ['GONOSUMDB', 'github.com/acme', 'export', 1],
      ['GOSUMDB', 'off', 'prefix', 2],
      ['GOINSECURE', 'example.com', '$GITHUB_ENV', 3],
    ]);
    expect(facts.goRuns.map(r => r.subcommand)).toEqual(['mod download']);
  });

  it('exports a variable assigned on an earlier line', () => {
    const facts = analyseScript('GOPRIVATE=go.acme.dev\nexport GOPRIVATE');
    expect(facts.assignments).toEqual([
      expect.objectContaining({
        name: 'GOPRIVATE',
        value: 'go.acme.dev',
        kind: 'export',
        line: 1,
      }),
    ]);
  });

  it('treats go env -u as clearing the setting', () => {
    const facts = analyseScript('go env -u GOPRIVATE');
    expect(facts.assignments[0]).toMatchObject({
      name: 'GOPRIVATE',
      value: '',
    });
  });

  it('sees go behind sudo and env, but not go version', () => {
    const facts = analyseScript(
      'go version\nsudo -E go test ./...\nenv GOFLAGS=-mod=mod go build .\nmake build',
    );
    expect(facts.goRuns.map(r => `${r.tool} ${r.subcommand}`)).toEqual([
      'go test',
      'go build',
      'make build',
    ]);
  });

  it('finds a token insteadOf built from a secret', () => {
    const facts = analyseScript(
      'git config --global url."https://x-access-token:${{ secrets.GO_MODULES_TOKEN }}@github.com/acme/".insteadOf "https://github.com/acme/"',
    );
    expect(facts.credentials).toEqual([
      expect.objectContaining({
        kind: 'git-insteadof-token',
        host: 'github.com',
        secrets: ['GO_MODULES_TOKEN'],
      }),
    ]);
  });

  it('finds an ssh insteadOf, a .netrc written from a variable and gh auth setup-git', () => {
    const facts = analyseScript(
      [
        'git config --global url."git@github.com:".insteadOf "https://github.com/"',
        'echo "machine go.acme.dev login ci password $NETRC_TOKEN" > $HOME/.netrc',
        'gh auth setup-git',
      ].join('\n'),
    );
    expect(facts.credentials.map(c => [c.kind, c.host, c.variables])).toEqual([
      ['git-insteadof-ssh', 'github.com', []],
      ['netrc', 'go.acme.dev', ['NETRC_TOKEN']],
      ['gh-setup-git', 'github.com', ['GH_TOKEN', 'GITHUB_TOKEN']],
    ]);
  });

  it('does not take a plain insteadOf without userinfo for a credential', () => {
    const facts = analyseScript(
      'git config --global url."https://github.com/".insteadOf "git@github.com:"',
    );
    expect(facts.credentials).toEqual([]);
  });
});

describe('helpers', () => {
  it('reads hosts from URLs and scp-like addresses', () => {
    expect(hostOf('https://u:p@GitHub.com/acme/')).toBe('github.com');
    expect(hostOf('git@github.com:acme/')).toBe('github.com');
    expect(hostOf('ssh://git@gitlab.acme.dev:2222/x')).toBe('gitlab.acme.dev');
  });

  it('lists secrets and variables a text refers to', () => {
    expect(
      referencesIn(
        '${{ secrets.A }} $B ${C} ${{ env.D }} ${{ github.token }} ${{ steps.app.outputs.token }}',
      ),
    ).toEqual({
      secrets: ['A', 'GITHUB_TOKEN'],
      variables: ['D', 'B', 'C'],
      stepOutputs: ['app'],
    });
  });
});

describe('analyseScript on PowerShell steps', () => {
  it('reads $env: assignments as settings for later commands', () => {
    const facts = analyseScript(
      '$env:GOPRIVATE = "github.com/acme/*"\n$env:GOSUMDB="off"\ngo build ./...',
    );
    expect(facts.assignments.map(a => [a.name, a.value, a.kind])).toEqual([
      ['GOPRIVATE', 'github.com/acme/*', 'export'],
      ['GOSUMDB', 'off', 'export'],
    ]);
  });
});
