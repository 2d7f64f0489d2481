/*
 * A small, linear-time reader of POSIX-shell scripts (workflow `run:` steps, Dockerfile
 * RUN commands, Makefile recipes). It only splits simple commands into words, with
 * quotes removed, and keeps redirections and here-documents: enough to see `go env -w`,
 * `export`, `VAR=x cmd`, `$GITHUB_ENV` writes, `git config` and `.netrc` writes. It never
 * throws: whatever it cannot read stays text in a word.
 */

/** One word of a command, after quote removal. */
export interface ShellWord {
  text: string;
  /** Holds an expansion the scan cannot know (`$VAR`, `$(…)`, backquotes, `${{ … }}`). */
  dynamic: boolean;
}

export interface ShellRedirect {
  /** `>`, `>>`, `<`, `>|`, `&>`, `<<<`. */
  op: string;
  target: ShellWord;
}

export interface ShellHeredoc {
  delimiter: string;
  body: string;
}

/** A simple command, with the script lines (0-based) it spans. */
export interface ShellCommand {
  words: ShellWord[];
  redirects: ShellRedirect[];
  heredocs: ShellHeredoc[];
  line: number;
  endLine: number;
  /** The command before `|`, when this one reads from a pipe. */
  pipedFrom?: ShellCommand;
}

/** Scripts beyond this size are read up to it: the rest is ignored, not a hang. */
export const MAX_SCRIPT_CHARS = 256 * 1024;

const OPERATOR_CHARS = new Set([';', '&', '|', '(', ')']);
function codes(chars: string): Uint8Array {
  const table = new Uint8Array(128);
  for (const c of chars) table[c.charCodeAt(0)] = 1;
  return table;
}
/** Characters that end a run of ordinary word characters outside quotes. */
const SPECIAL = codes(' \t\r\n\\\'"$`<>&;|()#');
/** Characters that end a run of ordinary characters inside double quotes. */
const IN_QUOTES_SPECIAL = codes('"\\$`\n');

/** Index just after the `}}` closing a GitHub expression that starts at `start`. */
function skipExpression(script: string, start: number): number {
  const end = script.indexOf('}}', start + 3);
  return end === -1 ? script.length : end + 2;
}

/** Index just after a `$(…)`, `${…}` or backquoted expansion starting at `start`. */
function skipExpansion(script: string, start: number): number {
  const open = script[start + 1];
  if (script[start] === '`') {
    const end = script.indexOf('`', start + 1);
    return end === -1 ? script.length : end + 1;
  }
  const close = open === '(' ? ')' : '}';
  let depth = 0;
  for (let i = start + 1; i < script.length; i++) {
    if (script[i] === open) depth++;
    else if (script[i] === close && --depth === 0) return i + 1;
  }
  return script.length;
}

/** Parses a script into simple commands. Linear in the script's length. */
export function parseShellScript(input: string): ShellCommand[] {
  const script =
    input.length > MAX_SCRIPT_CHARS ? input.slice(0, MAX_SCRIPT_CHARS) : input;
  const commands: ShellCommand[] = [];
  let line = 0;
  let command: ShellCommand = newCommand(0);
  let word = '';
  let wordStarted = false;
  let dynamic = false;
  let pendingRedirect: string | undefined;
  let pendingHeredocs: Array<{
    delimiter: string;
    strip: boolean;
    owner: ShellCommand;
  }> = [];
  let wordLine = 0;

  function newCommand(at: number): ShellCommand {
    return { words: [], redirects: [], heredocs: [], line: at, endLine: at };
  }
  function finishWord() {
    if (!wordStarted) return;
    const finished: ShellWord = { text: word, dynamic };
    if (pendingRedirect?.startsWith('<<') && pendingRedirect !== '<<<') {
      pendingHeredocs.push({
        delimiter: word,
        strip: pendingRedirect === '<<-',
        owner: command,
      });
    } else if (pendingRedirect) {
      command.redirects.push({ op: pendingRedirect, target: finished });
    } else {
      if (command.words.length === 0 && command.redirects.length === 0)
        command.line = wordLine;
      command.words.push(finished);
    }
    pendingRedirect = undefined;
    word = '';
    wordStarted = false;
    dynamic = false;
  }
  function finishCommand(piped: boolean) {
    finishWord();
    if (
      command.words.length ||
      command.redirects.length ||
      command.heredocs.length
    ) {
      command.endLine = Math.max(command.line, line);
      commands.push(command);
      const previous = command;
      command = newCommand(line);
      if (piped) command.pipedFrom = previous;
    } else {
      command = newCommand(line);
    }
  }
  function begin() {
    if (!wordStarted) wordLine = line;
    wordStarted = true;
  }
  function readHeredocBodies(from: number): number {
    let i = from;
    for (const heredoc of pendingHeredocs) {
      const body: string[] = [];
      while (i < script.length) {
        const end = script.indexOf('\n', i);
        const text = script.slice(i, end === -1 ? script.length : end);
        i = end === -1 ? script.length : end + 1;
        line++;
        const candidate = heredoc.strip ? text.replace(/^\t+/, '') : text;
        if (candidate.trim() === heredoc.delimiter) break;
        body.push(text);
      }
      heredoc.owner.heredocs.push({
        delimiter: heredoc.delimiter,
        body: body.join('\n'),
      });
      heredoc.owner.endLine = Math.max(heredoc.owner.endLine, line);
    }
    pendingHeredocs = [];
    return i;
  }

  let i = 0;
  while (i < script.length) {
    const c = script[i];
    if (c === '\n') {
      finishCommand(false);
      line++;
      i++;
      if (pendingHeredocs.length) i = readHeredocBodies(i);
      command.line = line;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      finishWord();
      i++;
      continue;
    }
    if (c === '\\') {
      if (script[i + 1] === '\n') {
        line++;
        i += 2;
        continue;
      }
      word += script[i + 1] ?? '';
      begin();
      i += 2;
      continue;
    }
    if (c === '#' && !wordStarted) {
      const end = script.indexOf('\n', i);
      i = end === -1 ? script.length : end;
      continue;
    }
    if (c === "'") {
      const end = script.indexOf("'", i + 1);
      const stop = end === -1 ? script.length : end;
      const text = script.slice(i + 1, stop);
      begin();
      // GitHub substitutes `${{ … }}` before the shell runs, even inside single quotes.
      if (text.includes('${{')) dynamic = true;
      line += countNewlines(text);
      word += text;
      i = stop + 1;
      continue;
    }
    if (c === '"') {
      i++;
      begin();
      while (i < script.length && script[i] !== '"') {
        const d = script[i];
        if (
          d === '\\' &&
          i + 1 < script.length &&
          '"\\$`\n'.includes(script[i + 1])
        ) {
          if (script[i + 1] === '\n') line++;
          else word += script[i + 1];
          i += 2;
        } else if (d === '$' || d === '`') {
          const stop = expansionEnd(script, i);
          if (stop > i + 1) dynamic = true;
          const text = script.slice(i, stop);
          line += countNewlines(text);
          word += text;
          i = stop;
        } else {
          let j = i;
          while (
            j < script.length &&
            IN_QUOTES_SPECIAL[script.charCodeAt(j)] !== 1
          )
            j++;
          if (j === i) {
            line++; // a newline inside quotes
            j++;
          }
          word += script.slice(i, j);
          i = j;
        }
      }
      i++;
      continue;
    }
    if (c === '$' || c === '`') {
      const stop = expansionEnd(script, i);
      if (stop > i + 1) dynamic = true;
      const text = script.slice(i, stop);
      begin();
      line += countNewlines(text);
      word += text;
      i = stop;
      continue;
    }
    if (c === '>' || c === '<' || (c === '&' && script[i + 1] === '>')) {
      if (/^\d+$/.test(word) && !dynamic) {
        word = '';
        wordStarted = false;
      }
      finishWord();
      const op = /^(?:<<<|<<-|<<|>>|>\||>&|&>>|&>|>|<)/.exec(
        script.slice(i, i + 3),
      )![0];
      pendingRedirect = op === '>&' ? '>' : op;
      i += op.length;
      continue;
    }
    if (OPERATOR_CHARS.has(c)) {
      const piped = c === '|' && script[i + 1] !== '|';
      finishCommand(piped);
      i += script[i + 1] === c ? 2 : 1;
      continue;
    }
    // Take the whole run of ordinary characters at once: far fewer string allocations.
    let j = i + 1;
    while (j < script.length && SPECIAL[script.charCodeAt(j)] !== 1) j++;
    word += script.slice(i, j);
    begin();
    i = j;
  }
  finishCommand(false);
  if (pendingHeredocs.length) readHeredocBodies(script.length);
  return commands;
}

function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** End of the expansion (`$NAME`, `${…}`, `$(…)`, `${{ … }}`, backquotes) at `start`. */
function expansionEnd(script: string, start: number): number {
  if (script[start] === '`') return skipExpansion(script, start);
  const next = script[start + 1];
  if (next === '{' && script[start + 2] === '{')
    return skipExpression(script, start);
  if (next === '{' || next === '(') return skipExpansion(script, start);
  let i = start + 1;
  while (i < script.length && /[A-Za-z0-9_]/.test(script[i])) i++;
  if (i === start + 1 && i < script.length && /[@*#?$!0-9-]/.test(script[i]))
    i++;
  return i;
}
