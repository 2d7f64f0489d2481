import { privateNoChecksumBypassRule } from './private-no-checksum-bypass';
import { evaluate, GO_MOD, workflow } from './__testUtils__/fixtures';

const run = (files: Record<string, string>) =>
  evaluate(privateNoChecksumBypassRule, files);

describe('private-no-checksum-bypass', () => {
  it('passes when nothing turns checksum verification off, citing the scoped GOPRIVATE', () => {
    const result = run({
      'go.mod': GO_MOD,
      '.github/workflows/ci.yml': workflow({
        env: '  GOPRIVATE: github.com/acme/*',
      }),
    });
    expect(result.status).toBe('pass');
    expect(result.message).toContain('1 workflow');
    expect(result.locations).toEqual([
      { path: '.github/workflows/ci.yml', startLine: 4, endLine: 4 },
    ]);
  });

  it('passes a repository with no CI and no Dockerfile', () => {
    expect(run({ 'go.mod': GO_MOD }).status).toBe('pass');
  });

  it('fails on GOSUMDB=off in a Dockerfile', () => {
    const result = run({
      'go.mod': GO_MOD,
      Dockerfile: 'FROM golang:1.23\nENV GOSUMDB=off\nRUN go mod download\n',
    });
    expect(result.status).toBe('fail');
    expect(result.message).toContain(
      'GOSUMDB=`off` (Dockerfile ENV, Dockerfile:2)',
    );
    expect(result.locations).toEqual([
      { path: 'Dockerfile', startLine: 2, endLine: 2 },
    ]);
    expect(result.remediation).toContain('GONOSUMDB=github.com/acme/*');
  });

  it('fails on GOPRIVATE=* and on GONOSUMDB=* written with go env -w', () => {
    const result = run({
      'go.mod': GO_MOD,
      '.github/workflows/ci.yml': workflow({
        env: '  GOPRIVATE: "*"',
        steps:
          '      - run: go env -w GONOSUMDB=*\n      - run: go build ./...',
      }),
    });
    expect(result.status).toBe('fail');
    expect(result.message).toContain('matches every module');
    expect(result.locations).toHaveLength(2);
  });

  it('fails on GOFLAGS=-insecure', () => {
    const result = run({
      'go.mod': GO_MOD,
      '.github/workflows/ci.yml': workflow({
        jobEnv: '      GOFLAGS: -mod=mod -insecure',
      }),
    });
    expect(result.status).toBe('fail');
    expect(result.message).toContain('insecure');
  });

  it('fails on GOINSECURE set by a $GITHUB_ENV write', () => {
    const result = run({
      'go.mod': GO_MOD,
      '.github/workflows/ci.yml': workflow({
        steps:
          '      - run: echo "GOINSECURE=go.acme.dev" >> "$GITHUB_ENV"\n      - run: go build ./...',
      }),
    });
    expect(result.status).toBe('fail');
    expect(result.locations).toEqual([
      { path: '.github/workflows/ci.yml', startLine: 11, endLine: 11 },
    ]);
  });

  it('fails on GOSUMDB=off exported by the Makefile', () => {
    const result = run({
      'go.mod': GO_MOD,
      Makefile: 'export GOSUMDB := off\n\nbuild:\n\tgo build ./...\n',
    });
    expect(result.status).toBe('fail');
    expect(result.locations).toEqual([
      { path: 'Makefile', startLine: 1, endLine: 1 },
    ]);
  });

  it('warns when GONOSUMDB covers a whole public host', () => {
    const result = run({
      'go.mod': GO_MOD,
      '.github/workflows/ci.yml': workflow({ env: '  GONOSUMDB: github.com' }),
    });
    expect(result.status).toBe('warn');
    expect(result.message).toContain('every module on github.com');
  });

  it('does not take GOSUMDB pointing at another database for a bypass', () => {
    const result = run({
      'go.mod': GO_MOD,
      Dockerfile:
        'FROM golang:1.23\nENV GOSUMDB=sum.golang.google.cn\nRUN go build ./...\n',
    });
    expect(result.status).toBe('pass');
  });

  it('notes values it cannot see instead of guessing', () => {
    const result = run({
      'go.mod': GO_MOD,
      '.github/workflows/ci.yml': workflow({
        env: '  GOSUMDB: ${{ vars.SUMDB }}',
      }),
    });
    expect(result.status).toBe('pass');
    expect(result.notes?.join(' ')).toContain('GOSUMDB');
  });

  it('notes a workflow it cannot parse, and still decides from the rest', () => {
    const result = run({
      'go.mod': GO_MOD,
      '.github/workflows/broken.yml': 'jobs: [unclosed\n  - :',
      Dockerfile: 'FROM golang:1.23\nARG GOSUMDB=off\nRUN go build ./...\n',
    });
    expect(result.status).toBe('fail');
    expect(result.notes?.join(' ')).toContain('broken.yml');
  });
});
