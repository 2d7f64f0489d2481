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
