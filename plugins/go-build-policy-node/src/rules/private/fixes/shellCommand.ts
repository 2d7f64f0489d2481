/*
 * Removing one shell command from a script line: `go env -w GOSUMDB=off`, an `export` or a
 * `$GITHUB_ENV` write that sets only what a fix removes. Commands chained with `&&`, `||`
 * or `;` lose one separator with them; a line that holds only the command goes away.
 */

/** What a line holds once the command is gone; `remove-line` when nothing is left. */
export type CommandRemoval =
  | { kind: 'line'; text: string }
  | { kind: 'remove-line' }
  | { kind: 'unsupported' };

/** Separators outside quotes, as [start, end) ranges including their spaces. */
function separators(text: string): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      continue;
    }
    const two = text.slice(i, i + 2);
    let width = 0;
    if (two === '&&' || two === '||') width = 2;
    else if (c === ';') width = 1;
    if (!width) continue;
    let start = i;
    while (start > 0 && /\s/.test(text[start - 1])) start--;
    let end = i + width;
    while (end < text.length && /\s/.test(text[end])) end++;
    found.push([start, end]);
    i += width - 1;
  }
  return found;
}

/**
 * The line without the command that contains column `at`. `continues`: the previous line
 * ends with a continuation, so this line may not simply disappear when it ends the command.
 */
export function removeCommandAt(
  line: string,
  at: number,
  continues: boolean,
): CommandRemoval {
  const prefix = /^(\s*(?:RUN(?:\s+--\S+)*\s+)?)/i.exec(line)![1];
  const suffix = /(\s*\\)?$/.exec(line.slice(prefix.length))![1] ?? '';
  const body = line.slice(prefix.length, line.length - suffix.length);
  const column = at - prefix.length;
  if (column < 0 || column > body.length) return { kind: 'unsupported' };
  const seps = separators(body);
  const next = seps.find(([start]) => start >= column);
  const previous = [...seps].reverse().find(([, end]) => end <= column);
  let rest: string;
  if (next) {
    const start = previous ? previous[1] : 0;
    rest = body.slice(0, start) + body.slice(next[1]);
  } else if (previous) {
    rest = body.slice(0, previous[0]);
  } else {
    rest = '';
  }
  if (rest.trim() !== '') return { kind: 'line', text: prefix + rest + suffix };
  const isInstruction = prefix.trim() !== '';
  if (isInstruction) {
    // `RUN go env -w X=y` alone: the caller removes the instruction; `RUN cmd && \` keeps going.
    return suffix
      ? { kind: 'line', text: prefix.trimEnd() + suffix }
      : { kind: 'remove-line' };
  }
  if (suffix || !continues) return { kind: 'remove-line' };
  // The last line of a continued command: removing it would leave a dangling `&& \`.
  return { kind: 'unsupported' };
}
