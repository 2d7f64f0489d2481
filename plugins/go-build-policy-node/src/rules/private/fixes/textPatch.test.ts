import { snapshotFromFiles } from '../../../snapshot/RepositorySnapshot';
import { FilePatches, TextPatch } from './textPatch';

describe('TextPatch', () => {
  it('applies edits by scanned line numbers, whatever their order', () => {
    const patch = new TextPatch('a\nb\nc\n');
    patch.insertAfter(1, ['after a']);
    patch.removeLines(2);
    patch.editLine(3, line => `${line}!`);
    patch.editLine(3, line => `${line}?`);
    patch.insertAfter(0, ['top']);
    expect(patch.text()).toBe('top\na\nafter a\nc!?\n');
  });

  it('keeps CRLF line ends, on inserted lines too', () => {
    const patch = new TextPatch('a\r\nb\r\n');
    patch.insertAfter(1, ['x']);
    expect(patch.text()).toBe('a\r\nx\r\nb\r\n');
  });
});

describe('FilePatches', () => {
  it('returns whole-file edits of changed files only, and none when a transform fails', () => {
    const snapshot = snapshotFromFiles({ a: 'one\n', b: 'two\n' });
    const patches = new FilePatches(snapshot);
    patches.patch('a')!.editLine(1, () => 'ONE');
    patches.patch('b');
    expect(patches.edits()).toEqual([
      { path: 'a', before: 'one\n', after: 'ONE\n' },
    ]);
    expect(patches.patch('missing')).toBeUndefined();
    patches.transformText('b', () => undefined);
    expect(patches.edits()).toBeUndefined();
  });
});
