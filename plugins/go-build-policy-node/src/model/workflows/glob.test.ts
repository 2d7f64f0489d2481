import { matchGlobs, patternFileName } from './glob';

const TREE = [
  'go.sum',
  'svc/a/go.sum',
  'svc/b/go.sum',
  'svc/b/testdata/go.sum',
  'tools/not-go.sum',
  'tools/go.sum.bak',
  'cache/go.sum/entry',
  'main.go',
];

describe('matchGlobs', () => {
  it('matches a file name at any depth with **/', () => {
    expect(matchGlobs(['**/go.sum'], TREE)).toEqual([
      'go.sum',
      'svc/a/go.sum',
      'svc/b/go.sum',
      'svc/b/testdata/go.sum',
      'cache/go.sum/entry',
    ]);
  });

  it('does not take a longer name that ends or starts like the pattern', () => {
    const matched = matchGlobs(['**/go.sum'], TREE) ?? [];
    expect(matched).not.toContain('tools/not-go.sum');
    expect(matched).not.toContain('tools/go.sum.bak');
  });

  it('matches every file below a directory the pattern names', () => {
    expect(matchGlobs(['cache/go.sum'], TREE)).toEqual(['cache/go.sum/entry']);
  });

  it('lets a later !pattern exclude paths', () => {
    expect(matchGlobs(['**/go.sum', '!**/testdata/**'], TREE)).toEqual([
      'go.sum',
      'svc/a/go.sum',
      'svc/b/go.sum',
      'cache/go.sum/entry',
    ]);
  });

  it('matches wildcard last segments without a literal name', () => {
    expect(matchGlobs(['svc/*/go.*'], TREE)).toEqual([
      'svc/a/go.sum',
      'svc/b/go.sum',
    ]);
  });

  it('strips ./ and the workspace prefix', () => {
    expect(matchGlobs(['./go.sum'], TREE)).toEqual(['go.sum']);
    expect(matchGlobs(['${{ github.workspace }}/svc/a/go.sum'], TREE)).toEqual([
      'svc/a/go.sum',
    ]);
  });

  it('refuses patterns with too many globstars', () => {
    expect(matchGlobs(['**/a/**/b/**/c/**/d/**/e'], TREE)).toBeUndefined();
  });

  it('gives the same answer when asked again in the same scan', () => {
    const first = matchGlobs(['**/go.sum'], TREE);
    expect(matchGlobs(['**/go.sum'], TREE)).toBe(first);
    expect(matchGlobs(['**/go.mod'], TREE)).toEqual([]);
  });

  it('answers for each tree on its own', () => {
    expect(matchGlobs(['**/go.sum'], ['x/go.sum'])).toEqual(['x/go.sum']);
    expect(matchGlobs(['**/go.sum'], ['y/go.sum'])).toEqual(['y/go.sum']);
  });
});

describe('patternFileName', () => {
  it('names the literal last segment of a pattern', () => {
    expect(patternFileName('**/go.sum')).toBe('go.sum');
    expect(patternFileName('svc/*/go.*')).toBeUndefined();
  });
});
