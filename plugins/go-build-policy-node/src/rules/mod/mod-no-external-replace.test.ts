import { RuleContext } from '../../engine/RuleContext';
import {
  snapshotFromFiles,
  SnapshotFile,
} from '../../snapshot/RepositorySnapshot';
import { modNoExternalReplaceRule } from './mod-no-external-replace';

function evaluate(files: Record<string, string | SnapshotFile>) {
  const snapshot = snapshotFromFiles(files);
  return modNoExternalReplaceRule.evaluate(
    new RuleContext(snapshot, { privateModules: [] }),
  );
}

const LIB = { 'lib/go.mod': 'module example.com/lib\n' };

describe('mod-no-external-replace', () => {
  it('passes a replace to a module directory of the repository', () => {
    const result = evaluate({
      'go.mod': 'module example.com/app\n\nreplace example.com/lib => ./lib\n',
      ...LIB,
    });
    expect(result.status).toBe('pass');
    expect(result.locations).toEqual([
      { path: 'go.mod', startLine: 3, endLine: 3 },
    ]);
    expect(result.message).toContain('./lib (lib)');
  });

  it('passes a sibling replace between modules of a monorepo', () => {
    const result = evaluate({
      'services/api/go.mod':
        'module example.com/api\nreplace example.com/lib => ../../lib\n',
      ...LIB,
    });
    expect(result.status).toBe('pass');
  });

  it('fails a replace to ../other-repo and names the line', () => {
    const result = evaluate({
      'go.mod':
        'module example.com/app\n\nrequire example.com/x v1.0.0\n\nreplace example.com/x => ../other-repo\n',
    });
    expect(result.status).toBe('fail');
    expect(result.message).toBe(
      '`replace example.com/x => ../other-repo` in go.mod points outside the repository.',
    );
    expect(result.locations).toEqual([
      { path: 'go.mod', startLine: 5, endLine: 5 },
    ]);
    expect(result.remediation).toContain(
      'go mod edit -dropreplace=example.com/x',
    );
  });

  it('fails absolute and Windows drive paths', () => {
    const result = evaluate({
      'go.mod':
        'module m\nreplace (\n\ta.com/x => /home/dev/x\n\ta.com/y => C:\\dev\\y\n)\n',
    });
    expect(result.status).toBe('fail');
    expect(result.locations?.map(l => l.startLine)).toEqual([3, 4]);
    expect(result.message).toContain('is an absolute path');
  });

  it('fails a replace to a directory without go.mod', () => {
    const result = evaluate({
      'go.mod': 'module m\nreplace a.com/docs => ./docs\n',
      'docs/README.md': '# docs',
    });
    expect(result.status).toBe('fail');
    expect(result.message).toContain('points to docs, which holds no go.mod');
  });

  it('fails a replace to a directory that is not in the tree', () => {
    const result = evaluate({
      'go.mod': 'module m\nreplace a.com/gen => ./generated\n',
    });
    expect(result.status).toBe('fail');
    expect(result.message).toContain('not in the repository');
  });

  it('fails a backslash relative path that Go rejects on Linux', () => {
    const result = evaluate({
      'go.mod': 'module m\nreplace a.com/lib => .\\lib\n',
      ...LIB,
    });
    expect(result.status).toBe('fail');
    expect(result.message).toContain('backslashes');
  });

  it('checks replaces in go.work too, and drops them with go work edit', () => {
    const result = evaluate({
      'go.work': 'go 1.23\nuse ./lib\nreplace a.com/z => ../z\n',
      ...LIB,
    });
    expect(result.status).toBe('fail');
    expect(result.locations).toEqual([
      { path: 'go.work', startLine: 3, endLine: 3 },
    ]);
    expect(result.remediation).toContain('go work edit -dropreplace=a.com/z');
  });

  it('does not count a commented-out replace', () => {
    const result = evaluate({
      'go.mod': 'module m\n// replace a.com/x => ../x\n',
    });
    expect(result.status).toBe('not-applicable');
  });

  it('is not applicable when replaces point to other modules only', () => {
    const result = evaluate({
      'go.mod': 'module m\nreplace a.com/x => b.com/x v1.2.3\n',
    });
    expect(result.status).toBe('not-applicable');
  });

  it('is not applicable without go.mod', () => {
    const result = evaluate({ 'README.md': '# docs' });
    expect(result).toMatchObject({
      status: 'not-applicable',
      message: 'The repository has no go.mod or go.work.',
    });
  });

  it('reports an unreadable go.mod as an error when no replace could be seen', () => {
    const result = evaluate({ 'go.mod': { kind: 'binary' } });
    expect(result.status).toBe('error');
    expect(result.message).toContain('go.mod is a binary file');
  });

  it('still fails a bad replace in a file with an unrelated problem, with a note', () => {
    const result = evaluate({
      'go.mod': 'module m\nfrobnicate\nreplace a.com/x => ../x\n',
    });
    expect(result.status).toBe('fail');
    expect(result.notes?.[0]).toContain('unknown directive: frobnicate');
  });
});
