/**
 * Line-level edits of a Dockerfile (or any line-oriented file) that keep everything they
 * do not touch byte for byte: line endings (CRLF stays CRLF), comments, indentation,
 * continuations and heredoc bodies. Lines are 1-based, as in the model.
 */

/** A line's content and its terminator (`\n`, `\r\n`, or '' for a last line without one). */
interface SourceLine {
  content: string;
  eol: string;
}

function splitSourceLines(text: string): SourceLine[] {
  const pieces = text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  return pieces.map(piece => {
    let eol = '';
    if (piece.endsWith('\r\n')) eol = '\r\n';
    else if (piece.endsWith('\n')) eol = '\n';
    return { content: piece.slice(0, piece.length - eol.length), eol };
  });
}

function join(lines: SourceLine[]): string {
  return lines.map(line => line.content + line.eol).join('');
}

/** The file's line ending: CRLF when its first terminated line uses it. */
export function lineEnding(text: string): '\n' | '\r\n' {
  const first = text.indexOf('\n');
  return first > 0 && text[first - 1] === '\r' ? '\r\n' : '\n';
}

// Fixes read many lines of the same text in a row: the last split is kept.
let lastSplit: { text: string; lines: SourceLine[] } | undefined;

/** The content of line `line` (without its terminator), or undefined past the end. */
export function lineAt(text: string, line: number): string | undefined {
  if (lastSplit?.text !== text)
    lastSplit = { text, lines: splitSourceLines(text) };
  return lastSplit.lines[line - 1]?.content;
}

/** Leading whitespace of a line. */
export function indentationOf(line: string): string {
  return /^[ \t]*/.exec(line)![0];
}

function checkRange(count: number, startLine: number, endLine: number) {
  if (
    !Number.isInteger(startLine) ||
    !Number.isInteger(endLine) ||
    startLine < 1 ||
    endLine < startLine ||
    endLine > count
  ) {
    throw new RangeError(
      `Lines ${startLine}-${endLine} are not in a file of ${count} lines`,
    );
  }
}

/**
 * Replaces lines `startLine`..`endLine` with `replacement` (contents without terminators;
 * empty to delete). The new lines take the file's line ending; the last one keeps the
 * terminator of the last replaced line, so a file without a final newline stays so.
 */
export function replaceLines(
  text: string,
  range: { startLine: number; endLine: number },
  replacement: readonly string[],
): string {
  const lines = splitSourceLines(text);
  replaceIn(lines, lineEnding(text), range, replacement);
  return join(lines);
}

function replaceIn(
  lines: SourceLine[],
  eol: string,
  range: { startLine: number; endLine: number },
  replacement: readonly string[],
): void {
  checkRange(lines.length, range.startLine, range.endLine);
  const lastEol = lines[range.endLine - 1].eol;
  const added = replacement.map((content, i) => ({
    content,
    eol: i === replacement.length - 1 ? lastEol : eol,
  }));
  // Deleting the last line of a file without a final newline: the new last line loses its.
  if (!replacement.length && !lastEol && range.startLine > 1) {
    lines[range.startLine - 2] = { ...lines[range.startLine - 2], eol: '' };
  }
  lines.splice(
    range.startLine - 1,
    range.endLine - range.startLine + 1,
    ...added,
  );
}

/**
 * Inserts `inserted` before line `line`, each indented like that line (instructions of a
 * Dockerfile may be indented; new ones line up with their neighbours).
 */
export function insertLinesBefore(
  text: string,
  line: number,
  inserted: readonly string[],
): string {
  const lines = splitSourceLines(text);
  insertIn(lines, lineEnding(text), line, inserted);
  return join(lines);
}

function insertIn(
  lines: SourceLine[],
  eol: string,
  line: number,
  inserted: readonly string[],
): void {
  checkRange(lines.length, line, line);
  const indent = indentationOf(lines[line - 1].content);
  lines.splice(
    line - 1,
    0,
    ...inserted.map(content => ({ content: indent + content, eol })),
  );
}

/** Appends lines at the end, adding a terminator to an unterminated last line first. */
export function appendLines(text: string, appended: readonly string[]): string {
  const eol = lineEnding(text);
  const lines = splitSourceLines(text);
  if (lines.length && !lines[lines.length - 1].eol)
    lines[lines.length - 1].eol = eol;
  lines.push(...appended.map(content => ({ content, eol })));
  return join(lines);
}

const INSTRUCTION_START = /^([ \t]*)([A-Za-z]+)([ \t]+|$)/;

/**
 * Adds flags (`--mount=type=cache,target=/go/pkg/mod`) to the instruction starting at
 * `line`, each on its own continued line before the existing arguments:
 *
 *     RUN --mount=a \
 *         --mount=b \
 *         go build .
 *
 * Only the first line changes, so continuations, comments inside the instruction and
 * heredoc bodies below it are untouched (BuildKit looks for a heredoc marker in the whole
 * continued instruction, so `<<EOF` may move to a continuation line). `escape` is the
 * file's escape character.
 */
export function addInstructionFlags(
  text: string,
  line: number,
  flags: readonly string[],
  escape = '\\',
): string {
  const lines = splitSourceLines(text);
  flagsIn(lines, lineEnding(text), line, flags, escape);
  return join(lines);
}

function flagsIn(
  lines: SourceLine[],
  eol: string,
  line: number,
  flags: readonly string[],
  escape: string,
): void {
  if (!flags.length) return;
  const content = lines[line - 1]?.content;
  const match = content === undefined ? null : INSTRUCTION_START.exec(content);
  if (!content || !match) {
    throw new Error(`Line ${line} does not start an instruction`);
  }
  const [head, indent, keyword] = match;
  const rest = content.slice(head.length);
  const continuation = `${indent}${' '.repeat(keyword.length + 1)}`;
  const [first, ...others] = flags;
  const flagLines = [
    `${indent}${keyword} ${first}`,
    ...others.map(flag => `${continuation}${flag}`),
  ];
  const range = { startLine: line, endLine: line };
  // `RUN \` already continues: the last flag line takes over its escape.
  if (rest.trim() === escape || rest.trim() === '') {
    flagLines[flagLines.length - 1] += rest.trim() ? ` ${escape}` : '';
    replaceIn(lines, eol, range, [
      ...flagLines.slice(0, -1).map(l => `${l} ${escape}`),
      flagLines[flagLines.length - 1],
    ]);
    return;
  }
  replaceIn(lines, eol, range, [
    ...flagLines.map(l => `${l} ${escape}`),
    `${continuation}${rest}`,
  ]);
}

/** One edit of a file's lines; a batch is applied bottom-up so line numbers stay valid. */
export type LineEdit =
  | { kind: 'insert-before'; line: number; lines: string[] }
  | { kind: 'replace'; startLine: number; endLine: number; lines: string[] }
  | { kind: 'add-flags'; line: number; flags: string[] };

function startOf(edit: LineEdit): number {
  return edit.kind === 'replace' ? edit.startLine : edit.line;
}

/**
 * Applies edits given against the original line numbers. Edits must not overlap; an
 * insertion before a line that is also replaced or flagged goes above it.
 */
export function applyLineEdits(
  text: string,
  edits: readonly LineEdit[],
  escape = '\\',
): string {
  if (!edits.length) return text;
  const ordered = [...edits].sort((a, b) => {
    const byLine = startOf(b) - startOf(a);
    if (byLine) return byLine;
    // Same line: change the line first, then insert above it.
    return (
      (a.kind === 'insert-before' ? 1 : 0) -
      (b.kind === 'insert-before' ? 1 : 0)
    );
  });
  // One split and one join for the whole batch: a Dockerfile with thousands of RUNs
  // would otherwise be split again for each of them.
  const lines = splitSourceLines(text);
  const eol = lineEnding(text);
  for (const edit of ordered) {
    if (edit.kind === 'insert-before')
      insertIn(lines, eol, edit.line, edit.lines);
    else if (edit.kind === 'replace') replaceIn(lines, eol, edit, edit.lines);
    else flagsIn(lines, eol, edit.line, edit.flags, escape);
  }
  return join(lines);
}

/** The escape character of a parsed Dockerfile (`# escape=` directive, else backslash). */
export function escapeOf(file: {
  directives: Array<{ name: string; value: string }>;
}): string {
  const directive = file.directives.find(d => d.name === 'escape');
  return directive?.value === '`' ? '`' : '\\';
}
