import { parseGoWork } from './parseGoWork';
import { LocalPathTarget } from './types';

const resolve = (written: string): LocalPathTarget => ({
  written,
  kind: 'relative',
  repoDir: written.replace(/^\.\/?/, ''),
  insideRepo: true,
  existsInTree: true,
  hasGoMod: true,
});

describe('parseGoWork', () => {
  it('reads go, toolchain, godebug, use and replace with lines', () => {
    const file = parseGoWork(
      'go.work',
      [
        'go 1.23.0',
        'toolchain go1.23.4',
        'godebug asynctimerchan=1',
        'use (',
        '\t.',
        '\t"./services/api"',
        '\t./tools // generators',
        ')',
        'replace example.com/x v1.0.0 => ./x',
      ].join('\n'),
      resolve,
    );
    expect(file.problems).toEqual([]);
    expect(file.go).toEqual({ value: '1.23.0', line: 1 });
    expect(file.toolchain).toEqual({ value: 'go1.23.4', line: 2 });
    expect(file.godebug).toEqual([
      { key: 'asynctimerchan', value: '1', line: 3 },
    ]);
    expect(file.uses.map(u => [u.target.written, u.line])).toEqual([
      ['.', 5],
      ['./services/api', 6],
      ['./tools', 7],
    ]);
    expect(file.replaces[0]).toMatchObject({
      old: { path: 'example.com/x', version: 'v1.0.0' },
      new: { path: './x' },
      line: 9,
      local: { repoDir: 'x' },
    });
  });

  it('accepts an empty go.work but rejects module directives in it', () => {
    expect(parseGoWork('go.work', '', resolve).problems).toEqual([]);
    const file = parseGoWork(
      'go.work',
      'go 1.23\nrequire a.com/b v1.0.0\n',
      resolve,
    );
    expect(file.problems).toEqual([
      { line: 2, message: 'unknown directive: require' },
    ]);
  });

  it('reports a use with two paths and an invalid toolchain', () => {
    const file = parseGoWork(
      'go.work',
      'use ./a ./b\ntoolchain 1.23\n',
      resolve,
    );
    expect(file.problems.map(p => p.line)).toEqual([1, 2]);
  });
});
