import { combinedPatch, diffStats, parseUnifiedDiff } from './diff';

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
