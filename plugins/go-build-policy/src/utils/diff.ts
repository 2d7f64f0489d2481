import { FixFileChange } from '@go-build-policy/plugin-go-build-policy-common';

export type DiffLineKind = 'meta' | 'hunk' | 'add' | 'remove' | 'context';

export interface DiffLine {
  kind: DiffLineKind;
  text: string;
}

const META_PREFIXES = ['diff ', 'index ', 'new file mode', 'deleted file mode'];

/**
 * Classifies the lines of a unified diff. `---`/`+++` are file headers only before the
 * first hunk: inside a hunk they are a removed `--` or an added `++` line.
 */
export function parseUnifiedDiff(diff: string): DiffLine[] {
  const lines = diff.replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n');
  let inHunk = false;
  return lines.map(text => {
    if (text.startsWith('@@')) {
      inHunk = true;
      return { kind: 'hunk', text };
    }
    if (!inHunk) {
      const header =
        text.startsWith('--- ') ||
        text.startsWith('+++ ') ||
        META_PREFIXES.some(prefix => text.startsWith(prefix));
      if (header) return { kind: 'meta', text };
    }
    if (text.startsWith('+')) return { kind: 'add', text };
    if (text.startsWith('-')) return { kind: 'remove', text };
    // "\ No newline at end of file" describes the line above it.
    if (text.startsWith('\\')) return { kind: 'meta', text };
    return { kind: 'context', text };
  });
}

/** Lines added and removed, for the file header ("+3 −1"). */
export function diffStats(lines: DiffLine[]): {
  added: number;
  removed: number;
} {
  return {
    added: lines.filter(l => l.kind === 'add').length,
    removed: lines.filter(l => l.kind === 'remove').length,
  };
}

/** One patch of every file, as `git apply` takes it. */
export function combinedPatch(files: FixFileChange[]): string {
  return files
    .map(file => (file.diff.endsWith('\n') ? file.diff : `${file.diff}\n`))
    .join('');
}

/** A diff line with its numbers in the old and the new file (where it has one). */
export interface NumberedDiffLine extends DiffLine {
  oldLine?: number;
  newLine?: number;
}

const HUNK_HEADER = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@/;

/**
 * The lines of the hunks, numbered as GitHub shows them: removed lines in the old file,
 * added ones in the new, context in both. The file header before the first hunk is left
 * out (the viewer names the file already); lines under a hunk header that does not
 * parse are kept, without numbers.
 */
export function numberDiffLines(lines: DiffLine[]): NumberedDiffLine[] {
  const numbered: NumberedDiffLine[] = [];
  let inHunk = false;
  let next: { old: number; new: number } | undefined;
  for (const line of lines) {
    if (line.kind === 'hunk') {
      inHunk = true;
      const match = HUNK_HEADER.exec(line.text);
      next = match
        ? { old: Number(match[1]), new: Number(match[2]) }
        : undefined;
      numbered.push(line);
    } else if (!inHunk) {
      continue;
    } else if (next && line.kind === 'add') {
      numbered.push({ ...line, newLine: next.new++ });
    } else if (next && line.kind === 'remove') {
      numbered.push({ ...line, oldLine: next.old++ });
    } else if (next && line.kind === 'context') {
      numbered.push({ ...line, oldLine: next.old++, newLine: next.new++ });
    } else {
      numbered.push(line);
    }
  }
  return numbered;
}
