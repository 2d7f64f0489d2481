import { snapshotFromFiles } from '../../snapshot/RepositorySnapshot';
import { buildGoModel } from './buildGoModel';

const GO_MOD =
  'module example.com/root\n\ngo 1.23\n\nrequire golang.org/x/sync v0.8.0\n';

describe('buildGoModel', () => {
  it('finds every module, root first, and skips vendor/ and testdata/ trees', () => {
    const go = buildGoModel(
      snapshotFromFiles({
        'go.mod': GO_MOD,
        'services/b/go.mod': 'module example.com/b\n',
        'services/a/go.mod': 'module example.com/a\n',
        'vendor/github.com/x/y/go.mod': 'module github.com/x/y\n',
        'pkg/testdata/mod/go.mod': 'module example.com/fixture\n',
      }),
    );
    expect(go.modules.map(m => m.goModPath)).toEqual([
      'go.mod',
      'services/a/go.mod',
      'services/b/go.mod',
    ]);
    expect(go.rootModule?.file.module?.value).toBe('example.com/root');
    expect(go.rootModule?.requiredPaths).toEqual(['golang.org/x/sync']);
  });

  it('notes go.sum and vendor/modules.txt from the tree listing alone', () => {
    const go = buildGoModel(
      snapshotFromFiles(
        { 'go.mod': GO_MOD, 'tools/go.mod': 'module example.com/tools\n' },
        { extraPaths: ['go.sum', 'tools/vendor/modules.txt'] },
      ),
    );
    expect(go.rootModule?.goSumPath).toBe('go.sum');
    expect(go.rootModule?.vendorModulesTxtPath).toBeUndefined();
    expect(go.modules[1].goSumPath).toBeUndefined();
    expect(go.modules[1].vendorModulesTxtPath).toBe('tools/vendor/modules.txt');
  });

  it('links modules to the go.work that uses them, with go.work.sum', () => {
    const go = buildGoModel(
      snapshotFromFiles(
        {
          'go.work': 'go 1.23\n\nuse (\n\t./api\n\tlib\n\t../outside\n)\n',
          'api/go.mod': 'module example.com/api\n',
          'lib/go.mod': 'module example.com/lib\n',
        },
        { extraPaths: ['go.work.sum'] },
      ),
    );
    const [workspace] = go.workspaces;
    expect(workspace.sumPath).toBe('go.work.sum');
    expect(
      workspace.uses.map(u => [u.target.written, u.target.repoDir, u.line]),
    ).toEqual([
      ['./api', 'api', 4],
      ['lib', 'lib', 5],
      ['../outside', undefined, 6],
    ]);
    expect(go.modules.map(m => m.workspace?.path)).toEqual([
      'go.work',
      'go.work',
    ]);
  });

  it('resolves local replaces against the tree', () => {
    const go = buildGoModel(
      snapshotFromFiles({
        'svc/go.mod': [
          'module example.com/svc',
          'replace example.com/lib => ../lib',
          'replace example.com/docs => ../docs',
          'replace example.com/gone => ../gone',
          'replace example.com/other => ../../other-repo',
          'replace example.com/abs => /home/me/lib',
          'replace example.com/win => C:\\src\\lib',
        ].join('\n'),
        'lib/go.mod': 'module example.com/lib\n',
        'docs/README.md': '# docs',
      }),
    );
    const targets = go.modules
      .find(m => m.dir === 'svc')!
      .file.replaces.map(r => r.local);
    expect(
      targets.map(t => [
        t?.kind,
        t?.repoDir,
        t?.insideRepo,
        t?.existsInTree,
        t?.hasGoMod,
      ]),
    ).toEqual([
      ['relative', 'lib', true, true, true],
      ['relative', 'docs', true, true, false],
      ['relative', 'gone', true, false, false],
      ['relative', undefined, false, false, false],
      ['absolute', undefined, false, false, false],
      ['windows-absolute', undefined, false, false, false],
    ]);
  });

  it('turns unreadable files into problems instead of throwing', () => {
    const go = buildGoModel(
      snapshotFromFiles({
        'go.mod': { kind: 'binary' },
        'a/go.mod': { kind: 'too-large', size: 50_000_000 },
        'b/go.mod': { kind: 'unavailable', reason: 'GitHub answered 502' },
        'c/go.mod': 'module c\n\u0000\u0001',
        'go.work': { kind: 'binary' },
      }),
    );
    expect(go.modules.map(m => m.file.unreadable)).toEqual([
      'go.mod is a binary file',
      'a/go.mod is too large to parse (50000000 bytes)',
      'b/go.mod could not be read: GitHub answered 502',
      'c/go.mod is a binary file',
    ]);
    expect(go.workspaces[0].problems).toHaveLength(1);
  });

  it('refuses a go.mod text over the parse limit without reading it', () => {
    const huge = `module m\n${'// padding\n'.repeat(120_000)}`;
    const go = buildGoModel(snapshotFromFiles({ 'go.mod': huge }));
    expect(go.rootModule?.file.unreadable).toContain('larger than');
  });

  it('reads adversarial Renovate and Dependabot files without hanging', () => {
    const started = performance.now();
    const go = buildGoModel(
      snapshotFromFiles({
        'go.mod': 'module m\n',
        'renovate.json': `{"a": "${'\\'.repeat(200_000)}`,
        '.github/dependabot.yml': `a: &a [${'x,'.repeat(
          1000,
        )}]\nb: [${'*a,'.repeat(1000)}]\nupdates: []\n`,
      }),
    );
    expect(go.updateBots.renovate[0].problem?.message).toContain(
      'unterminated string',
    );
    expect(go.updateBots.dependabot?.gomodEntries).toEqual([]);
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('finds the module that owns a directory', () => {
    const go = buildGoModel(
      snapshotFromFiles({
        'go.mod': GO_MOD,
        'tools/go.mod': 'module example.com/tools\n',
      }),
    );
    expect(go.moduleForDir('tools/cmd/x')?.dir).toBe('tools');
    expect(go.moduleForDir('cmd/api')?.dir).toBe('');
    expect(go.hasDirectory('tools')).toBe(true);
    expect(go.hasDirectory('nope')).toBe(false);
    expect(go.hasFile('tools/go.mod')).toBe(true);
  });

  it('reads .go-version and the golang entry of .tool-versions with lines', () => {
    const go = buildGoModel(
      snapshotFromFiles({
        'go.mod': GO_MOD,
        '.go-version': '# pinned\n1.23.4\n',
        '.tool-versions': 'nodejs 22.1.0\ngolang 1.23.2 1.22.0\n',
      }),
    );
    expect(go.versionFiles).toEqual([
      { path: '.go-version', version: '1.23.4', line: 2 },
      { path: '.tool-versions', version: '1.23.2', line: 2 },
    ]);
  });

  it('ignores a .tool-versions without Go and reports an empty .go-version', () => {
    const go = buildGoModel(
      snapshotFromFiles({
        '.go-version': '\n',
        '.tool-versions': 'nodejs 22\n',
      }),
    );
    expect(go.versionFiles).toEqual([
      { path: '.go-version', line: 1, problem: '.go-version is empty' },
    ]);
  });
});
