import { unifiedDiff } from './unifiedDiff';

describe('unifiedDiff', () => {
  it('prints a hunk with three lines of context', () => {
    const before = 'a\nb\nc\nd\ne\nf\ng\n';
    const after = 'a\nb\nc\nD\ne\nf\ng\n';
    expect(unifiedDiff('x.txt', before, after)).toBe(
      [
        '--- a/x.txt',
        '+++ b/x.txt',
        '@@ -1,7 +1,7 @@',
        ' a',
        ' b',
        ' c',
        '-d',
        '+D',
        ' e',
        ' f',
        ' g',
        '',
      ].join('\n'),
    );
  });

  it('marks an unchanged last line without a line break, as git does', () => {
    expect(unifiedDiff('x.txt', 'a\nb\nc', 'A\nb\nc')).toBe(
      [
        '--- a/x.txt',
        '+++ b/x.txt',
        '@@ -1,3 +1,3 @@',
        '-a',
        '+A',
        ' b',
        ' c',
        '\\ No newline at end of file',
        '',
      ].join('\n'),
    );
  });

  it('shows a line break added after the last line as a changed line', () => {
    expect(unifiedDiff('x.txt', 'a\nb', 'a\nb\nc\n')).toBe(
      [
        '--- a/x.txt',
        '+++ b/x.txt',
        '@@ -1,2 +1,3 @@',
        ' a',
        '-b',
        '\\ No newline at end of file',
        '+b',
        '+c',
        '',
      ].join('\n'),
    );
  });

  it('diffs a created file against /dev/null', () => {
    expect(unifiedDiff('.dockerignore', undefined, '.git\n')).toBe(
      '--- /dev/null\n+++ b/.dockerignore\n@@ -0,0 +1 @@\n+.git\n',
    );
  });
});
