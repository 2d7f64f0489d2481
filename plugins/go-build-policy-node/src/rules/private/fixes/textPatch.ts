/*
 * Line edits of the files a fix writes, collected first and applied together: every edit
 * names lines of the scanned text, so edits planned for different settings never shift
 * each other's line numbers. Whole-text transforms (YAML edits that find their own place)
 * run after the line edits.
 */
import { FileEdit } from '../../../fixes/types';
import { RepositorySnapshot } from '../../../snapshot/RepositorySnapshot';

type LineTransform = (line: string) => string | undefined;

/** Line edits of one text file; lines are 1-based, as in findings. */
export class TextPatch {
  readonly lines: readonly string[];
  private readonly transforms = new Map<number, LineTransform[]>();
  private readonly inserts = new Map<number, string[]>();
  /** `\r` when the file ends its lines with CRLF: inserted lines follow suit. */
  readonly eol: string;

  constructor(readonly original: string) {
    this.lines = original.split('\n');
    this.eol =
      this.lines.length > 1 && this.lines[0].endsWith('\r') ? '\r' : '';
  }

  /** The scanned text of line `n` (without `\r`), or undefined past the end. */
  line(n: number): string | undefined {
    const text = this.lines[n - 1];
    return text?.replace(/\r$/, '');
  }

  /** Rewrites line `n`; undefined from the transform removes it. Transforms compose. */
  editLine(n: number, transform: LineTransform) {
    const list = this.transforms.get(n) ?? [];
    list.push(transform);
    this.transforms.set(n, list);
  }

  removeLines(start: number, end: number = start) {
    for (let n = start; n <= end; n++) this.editLine(n, () => undefined);
  }

  /** Adds lines after line `n` (0: at the top), after those added there before. */
  insertAfter(n: number, lines: string[]) {
    this.inserts.set(n, [...(this.inserts.get(n) ?? []), ...lines]);
  }

  text(): string {
    const out: string[] = [...(this.inserts.get(0) ?? [])].map(
      l => l + this.eol,
    );
    this.lines.forEach((raw, i) => {
      const n = i + 1;
      const cr = raw.endsWith('\r') ? '\r' : '';
      let current: string | undefined = raw.replace(/\r$/, '');
      for (const transform of this.transforms.get(n) ?? []) {
        if (current === undefined) break;
        current = transform(current);
      }
      if (current !== undefined) out.push(current + cr);
      for (const added of this.inserts.get(n) ?? []) out.push(added + this.eol);
    });
    return out.join('\n');
  }
}

/** The patches of every file a fix touches, turned into whole-file edits at the end. */
export class FilePatches {
  private readonly patches = new Map<string, TextPatch>();
  private readonly textTransforms = new Map<
    string,
    Array<(text: string) => string | undefined>
  >();

  constructor(private readonly snapshot: RepositorySnapshot) {}

  /** The patch of a text file of the snapshot; undefined for a missing or binary file. */
  patch(path: string): TextPatch | undefined {
    const known = this.patches.get(path);
    if (known) return known;
    const file = this.snapshot.file(path);
    if (file?.kind !== 'text') return undefined;
    const created = new TextPatch(file.text);
    this.patches.set(path, created);
    return created;
  }

  /** A whole-text edit applied after the line edits; undefined from it abandons the fix. */
  transformText(path: string, transform: (text: string) => string | undefined) {
    if (!this.patch(path)) return false;
    this.textTransforms.set(path, [
      ...(this.textTransforms.get(path) ?? []),
      transform,
    ]);
    return true;
  }

  /** The edits, in path order; undefined when a text transform could not apply. */
  edits(): FileEdit[] | undefined {
    const edits: FileEdit[] = [];
    for (const path of [...this.patches.keys()].sort()) {
      const patch = this.patches.get(path)!;
      let text: string | undefined = patch.text();
      for (const transform of this.textTransforms.get(path) ?? []) {
        text = transform(text);
        if (text === undefined) return undefined;
      }
      if (text !== patch.original)
        edits.push({ path, before: patch.original, after: text });
    }
    return edits;
  }
}
