import {
  combinedPatch,
  diffStats,
  numberDiffLines,
  parseUnifiedDiff,
} from './diff';

const DIFF = [
  '--- a/build/Dockerfile',
  '+++ b/build/Dockerfile',
  '@@ -5,3 +5,4 @@ FROM golang:1.22',
  ' WORKDIR /src',
  '--- a comment that was removed',
  '+++ counter',
  '+COPY go.mod go.sum ./',
  '\\ No newline at end of file',
].join('\n');

describe('parseUnifiedDiff', () => {
  it('tells headers, hunks, added, removed and context lines apart', () => {
    expect(parseUnifiedDiff(DIFF).map(l => l.kind)).toEqual([
      'meta',
      'meta',
      'hunk',
      'context',
      'remove',
      'add',
      'add',
      'meta',
    ]);
  });

  it('counts added and removed lines', () => {
    expect(diffStats(parseUnifiedDiff(DIFF))).toEqual({ added: 2, removed: 1 });
  });
});

describe('combinedPatch', () => {
  it('joins file diffs, each ending with a newline', () => {
    expect(
      combinedPatch([
        { path: 'a', diff: '--- a/a\n+++ b/a' },
        { path: 'b', diff: '--- /dev/null\n+++ b/b\n', created: true },
      ]),
    ).toBe('--- a/a\n+++ b/a\n--- /dev/null\n+++ b/b\n');
  });
});

describe('numberDiffLines', () => {
  it('numbers context in both files, removals in the old, additions in the new', () => {
    const numbered = numberDiffLines(
      parseUnifiedDiff(
        [
          '--- a/ci.yml',
          '+++ b/ci.yml',
          '@@ -15,3 +15,4 @@ jobs:',
          '   with:',
          '-    go-version: 1.21',
          '+    go-version: "1.22"',
          '+    cache-dependency-path: go.sum',
          '   steps:',
          '@@ -40 +41,0 @@',
          '-  old',
          '\\ No newline at end of file',
        ].join('\n'),
      ),
    );
    expect(numbered.map(l => [l.kind, l.oldLine, l.newLine])).toEqual([
      ['hunk', undefined, undefined],
      ['context', 15, 15],
      ['remove', 16, undefined],
      ['add', undefined, 16],
      ['add', undefined, 17],
      ['context', 17, 18],
      ['hunk', undefined, undefined],
      ['remove', 40, undefined],
      ['meta', undefined, undefined],
    ]);
  });

  it('leaves out the file header and keeps unnumbered lines under an unreadable hunk header', () => {
    const numbered = numberDiffLines(
      parseUnifiedDiff('--- /dev/null\n+++ b/x\n@@ garbled @@\n+a\n'),
    );
    expect(numbered).toEqual([
      { kind: 'hunk', text: '@@ garbled @@' },
      { kind: 'add', text: '+a' },
    ]);
  });
});
