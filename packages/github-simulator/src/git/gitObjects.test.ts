import { hashBlob, hashCommit, hashTree, sortTreeEntries } from './gitObjects';

describe('git object ids', () => {
  it('hashes blobs as git hash-object does', () => {
    expect(hashBlob(Buffer.from(''))).toBe(
      'e69de29bb2d1d6434b8b29ae775ad8c2e48c5391',
    );
    expect(hashBlob(Buffer.from('hello\n'))).toBe(
      'ce013625030ba8dba906f756967f9e9ca394464a',
    );
  });

  it('hashes the empty tree as git does', () => {
    expect(hashTree([])).toBe('4b825dc642cb6eb9a060e54bf8d69288fbee4904');
  });

  it('matches git write-tree for a nested tree', () => {
    // `git write-tree` over go.mod ("module github.com/acme/demo\ngo 1.23\n")
    // and .github/workflows/ci.yml ("name: ci\n").
    const workflows = hashTree([
      {
        name: 'ci.yml',
        mode: '100644',
        type: 'blob',
        sha: hashBlob(Buffer.from('name: ci\n')),
      },
    ]);
    const dotGithub = hashTree([
      { name: 'workflows', mode: '040000', type: 'tree', sha: workflows },
    ]);
    const root = hashTree([
      {
        name: 'go.mod',
        mode: '100644',
        type: 'blob',
        sha: hashBlob(Buffer.from('module github.com/acme/demo\ngo 1.23\n')),
      },
      { name: '.github', mode: '040000', type: 'tree', sha: dotGithub },
    ]);
    expect(root).toBe('37474bf661f8505b5dcd99538743694bb1261db1');
  });

  it('sorts a folder as if its name ended with a slash', () => {
    const sha = hashBlob(Buffer.from(''));
    const sorted = sortTreeEntries([
      { name: 'a', mode: '040000', type: 'tree', sha },
      { name: 'a.go', mode: '100644', type: 'blob', sha },
      { name: 'a-b', mode: '100644', type: 'blob', sha },
    ]);
    expect(sorted.map(entry => entry.name)).toEqual(['a-b', 'a.go', 'a']);
  });

  it('gives a commit a new id when its parent, tree or time changes', () => {
    const base = {
      tree: '4b825dc642cb6eb9a060e54bf8d69288fbee4904',
      parents: [],
      author: { name: 'A', email: 'a@example.com', timestamp: 1 },
      committer: { name: 'A', email: 'a@example.com', timestamp: 1 },
      message: 'first',
    };
    const id = hashCommit(base);
    expect(hashCommit({ ...base })).toBe(id);
    expect(hashCommit({ ...base, parents: [id] })).not.toBe(id);
    expect(
      hashCommit({ ...base, author: { ...base.author, timestamp: 2 } }),
    ).not.toBe(id);
  });
});
