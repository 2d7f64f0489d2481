import { RepoRegistry } from './RepoRegistry';

describe('RepoRegistry', () => {
  const files = {
    'go.mod': 'module github.com/acme/x\n\ngo 1.24\n',
    'cmd/x/main.go': 'package main\n',
  };

  it('gives equal content equal ids, across registries', () => {
    const one = new RepoRegistry().add({ owner: 'acme', name: 'x', files });
    const two = new RepoRegistry().add({ owner: 'acme', name: 'x', files });
    expect(two.headCommit!.sha).toBe(one.headCommit!.sha);
    expect(two.id).toBe(one.id);
  });

  it('finds repositories case-insensitively, like GitHub', () => {
    const registry = new RepoRegistry();
    registry.add({ owner: 'Acme', name: 'X', files });
    expect(registry.lookup('acme', 'x').kind).toBe('found');
  });

  it('keeps old commits reachable after an edit', () => {
    const registry = new RepoRegistry();
    const repo = registry.add({ owner: 'acme', name: 'x', files });
    const first = repo.headCommit!;
    const second = registry.editFiles('acme', 'x', {
      'cmd/x/main.go': null,
      'README.md': '# x\n',
    });
    expect(repo.resolveCommit(first.sha)).toBe(first);
    expect(repo.resolveCommit(first.sha.slice(0, 7))).toBe(first);
    expect(repo.headCommit!.sha).toBe(second);
    expect(repo.headCommit!.parents).toEqual([first.sha]);
    expect(
      repo.lookupPath(repo.headCommit!.tree, 'cmd/x/main.go'),
    ).toBeUndefined();
    expect(repo.lookupPath(first.tree, 'cmd/x/main.go')?.object.kind).toBe(
      'blob',
    );
  });

  it('redirects an old name after a rename, until the repository is deleted', () => {
    const registry = new RepoRegistry();
    registry.add({ owner: 'acme', name: 'old', files });
    registry.rename('acme', 'old', 'acme/new');
    expect(registry.lookup('acme', 'old')).toMatchObject({ kind: 'moved' });
    expect(registry.get('acme', 'new')?.fullName).toBe('acme/new');
    registry.remove('acme', 'new');
    expect(registry.lookup('acme', 'old').kind).toBe('missing');
  });

  it('serves a fixture marked renamedTo under its new name', () => {
    const registry = new RepoRegistry();
    const repo = registry.add({
      owner: 'acme',
      name: 'invoices',
      files,
      settings: { renamedTo: 'acme/invoicing' },
    });
    expect(repo.fullName).toBe('acme/invoicing');
    expect(registry.lookup('acme', 'invoices')).toMatchObject({
      kind: 'moved',
      repo,
    });
  });

  it('refuses a rename onto an existing repository', () => {
    const registry = new RepoRegistry();
    registry.add({ owner: 'acme', name: 'a', files });
    registry.add({ owner: 'acme', name: 'b', files });
    expect(() => registry.rename('acme', 'a', 'acme/b')).toThrow(
      /already exists/,
    );
  });

  it('rejects file paths that climb out of the repository', () => {
    const registry = new RepoRegistry();
    registry.add({ owner: 'acme', name: 'x', files });
    expect(() =>
      registry.editFiles('acme', 'x', { '../etc/passwd': 'x' }),
    ).toThrow(/Invalid file path/);
  });

  it('empties a repository so it has no head', () => {
    const registry = new RepoRegistry();
    const repo = registry.add({ owner: 'acme', name: 'x', files });
    registry.empty('acme', 'x');
    expect(repo.isEmpty).toBe(true);
    expect(repo.resolveCommit('HEAD')).toBeUndefined();
  });
});
