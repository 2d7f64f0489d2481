/**
 * Unified diffs of whole files, as `git diff` prints them (3 lines of context). Fixes
 * change a few lines of a file: the common head and tail are trimmed first, and the
 * middle is compared line by line with a longest-common-subsequence table, which stays
 * small after trimming.
 */

const CONTEXT = 3;
/** Above this many middle cells, the middle is shown as one replaced block. */
const MAX_TABLE_CELLS = 4_000_000;

type Op = { kind: ' ' | '-' | '+'; line: string };

/**
 * Marks a last line that has no line break: it differs from the same text with one (a
 * fix that appends to such a file changes that line), and git prints a marker after it.
 */
const NO_EOL = '\u0000no-eol';
const NO_EOL_MARKER = '\\ No newline at end of file';

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  else lines[lines.length - 1] += NO_EOL;
  return lines;
}

function printed(op: Op): string[] {
  return op.line.endsWith(NO_EOL)
    ? [`${op.kind}${op.line.slice(0, -NO_EOL.length)}`, NO_EOL_MARKER]
    : [`${op.kind}${op.line}`];
}

function middleOps(a: string[], b: string[]): Op[] {
  if (a.length * b.length > MAX_TABLE_CELLS) {
    return [
      ...a.map(line => ({ kind: '-' as const, line })),
      ...b.map(line => ({ kind: '+' as const, line })),
    ];
  }
  const width = b.length + 1;
  const table = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i * width + j] =
        a[i] === b[j]
          ? table[(i + 1) * width + j + 1] + 1
          : Math.max(table[(i + 1) * width + j], table[i * width + j + 1]);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      ops.push({ kind: ' ', line: a[i] });
      i++;
      j++;
    } else if (table[(i + 1) * width + j] >= table[i * width + j + 1]) {
      ops.push({ kind: '-', line: a[i++] });
    } else {
      ops.push({ kind: '+', line: b[j++] });
    }
  }
  while (i < a.length) ops.push({ kind: '-', line: a[i++] });
  while (j < b.length) ops.push({ kind: '+', line: b[j++] });
  return ops;
}

function lineOps(a: string[], b: string[]): Op[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  ) {
    tail++;
  }
  return [
    ...a.slice(0, head).map(line => ({ kind: ' ' as const, line })),
    ...middleOps(
      a.slice(head, a.length - tail),
      b.slice(head, b.length - tail),
    ),
    ...a.slice(a.length - tail).map(line => ({ kind: ' ' as const, line })),
  ];
}

function range(start: number, count: number): string {
  // An empty side is written as the line before it, as diff(1) does.
  if (count === 0) return `${start - 1},0`;
  return count === 1 ? `${start}` : `${start},${count}`;
}

/**
 * The unified diff that turns `before` into `after` for `path`; `before` undefined means
 * a new file. Empty string when nothing changes.
 */
export function unifiedDiff(
  path: string,
  before: string | undefined,
  after: string,
): string {
  if (before === after) return '';
  const a = splitLines(before ?? '');
  const b = splitLines(after);
  const ops = lineOps(a, b);
  const header = [
    before === undefined ? '--- /dev/null' : `--- a/${path}`,
    `+++ b/${path}`,
  ];
  const hunks: string[] = [];
  let index = 0;
  while (index < ops.length) {
    while (index < ops.length && ops[index].kind === ' ') index++;
    if (index >= ops.length) break;
    let start = Math.max(0, index - CONTEXT);
    let end = index;
    // Extend over changes separated by at most 2 × CONTEXT unchanged lines.
    for (;;) {
      while (end < ops.length && ops[end].kind !== ' ') end++;
      let gap = end;
      while (gap < ops.length && ops[gap].kind === ' ') gap++;
      if (gap < ops.length && gap - end <= 2 * CONTEXT) {
        end = gap;
        continue;
      }
      end = Math.min(ops.length, end + CONTEXT);
      break;
    }
    let oldStart = 1;
    let newStart = 1;
    for (let k = 0; k < start; k++) {
      if (ops[k].kind !== '+') oldStart++;
      if (ops[k].kind !== '-') newStart++;
    }
    const slice = ops.slice(start, end);
    const oldCount = slice.filter(op => op.kind !== '+').length;
    const newCount = slice.filter(op => op.kind !== '-').length;
    hunks.push(
      `@@ -${range(oldStart, oldCount)} +${range(newStart, newCount)} @@`,
      ...slice.flatMap(printed),
    );
    index = end;
    start = end;
  }
  return `${[...header, ...hunks].join('\n')}\n`;
}
