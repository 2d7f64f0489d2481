import { GoInvocation } from './types';

/** A word of a RUN command with the Dockerfile line it is on. */
export interface ShellWord {
  text: string;
  line: number;
}

type Piece =
  | { word: string; line: number }
  | { operator: string; line: number };

const OPERATORS = ['&&', '||', '$(', ';', '|', '(', ')', '`', '&', '{', '}'];
/** First characters of the operators: any other character cannot start one. */
const OPERATOR_STARTS = new Set(OPERATORS.map(op => op[0]));
// Words after which the next word is a command again.
const COMMAND_PREFIXES = new Set([
  'then',
  'do',
  'else',
  'elif',
  'if',
  'while',
  'until',
  '!',
  'time',
  'exec',
  'sudo',
  'env',
  'nice',
  'nohup',
  'xargs',
  'command',
  'set',
  '-x',
  '-e',
  '-ex',
  '-eux',
  '-c',
]);
const GO_SUBCOMMANDS_WITH_VERB = new Set(['mod', 'work']);
const SHELLS = new Set([
  'sh',
  'bash',
  'ash',
  'dash',
  'zsh',
  '/bin/sh',
  '/bin/bash',
]);

function stripQuotes(word: string): string {
  return word.replace(/^["']+/, '').replace(/["']+$/, '');
}

/** Splits words further at shell operators glued to them (`a&&go`, `./...;go`). */
function toPieces(words: readonly ShellWord[]): Piece[] {
  const pieces: Piece[] = [];
  for (const { text, line } of words) {
    let current = '';
    for (let i = 0; i < text.length; ) {
      const operator = OPERATOR_STARTS.has(text[i])
        ? OPERATORS.find(op => text.startsWith(op, i))
        : undefined;
      if (operator) {
        if (current) pieces.push({ word: current, line });
        current = '';
        pieces.push({ operator, line });
        i += operator.length;
      } else {
        current += text[i];
        i++;
      }
    }
    if (current) pieces.push({ word: current, line });
  }
  return pieces;
}

function isGoBinary(word: string): boolean {
  return word === 'go' || word.endsWith('/go');
}

function isAssignment(word: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*=/.test(word);
}

/** The words of one simple command, from `start` up to the next operator. */
function commandWords(pieces: Piece[], start: number): string[] {
  const words: string[] = [];
  for (let i = start; i < pieces.length; i++) {
    const piece = pieces[i];
    if ('operator' in piece) break;
    words.push(stripQuotes(piece.word));
  }
  return words;
}

/**
 * Finds `go` invocations (and `make` / `goreleaser`, which run it) in a shell command given
 * as words. A word is a command when it starts the script, follows an operator or a prefix
 * such as `sudo` or `sh -c`, or follows `VAR=value` assignments. Linear in the input.
 */
export function findGoInvocations(words: readonly ShellWord[]): GoInvocation[] {
  const pieces = toPieces(words);
  const found: GoInvocation[] = [];
  let atCommand = true;
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i];
    if ('operator' in piece) {
      atCommand = true;
      continue;
    }
    const word = stripQuotes(piece.word);
    if (!atCommand) continue;
    if (isAssignment(word) || COMMAND_PREFIXES.has(word) || SHELLS.has(word))
      continue;
    atCommand = false;
    let rest = commandWords(pieces, i + 1);
    // `go -C dir build`: the flag that changes directory comes before the subcommand.
    if (isGoBinary(word) && rest[0] === '-C') rest = rest.slice(2);
    if (isGoBinary(word) && rest.length > 0) {
      const withVerb = GO_SUBCOMMANDS_WITH_VERB.has(rest[0]) && rest.length > 1;
      found.push({
        subcommand: withVerb ? `${rest[0]} ${rest[1]}` : rest[0],
        args: rest.slice(withVerb ? 2 : 1),
        line: piece.line,
      });
    } else if (word === 'make' || word === 'gmake') {
      found.push({
        subcommand: 'build',
        args: rest,
        line: piece.line,
        via: 'make',
      });
    } else if (
      word === 'goreleaser' &&
      (rest.includes('build') || rest.includes('release'))
    ) {
      found.push({
        subcommand: 'build',
        args: rest,
        line: piece.line,
        via: 'goreleaser',
      });
    }
  }
  return found;
}

/** `go env -w NAME=value …` settings among invocations. */
export function goEnvWrites(
  invocations: readonly GoInvocation[],
): Array<{ name: string; value: string; line: number }> {
  const writes: Array<{ name: string; value: string; line: number }> = [];
  for (const invocation of invocations) {
    if (invocation.subcommand !== 'env' || !invocation.args.includes('-w'))
      continue;
    for (const arg of invocation.args) {
      const eq = arg.indexOf('=');
      if (eq > 0 && isAssignment(arg)) {
        writes.push({
          name: arg.slice(0, eq),
          value: arg.slice(eq + 1),
          line: invocation.line,
        });
      }
    }
  }
  return writes;
}

/** Whether go flags select vendored modules (`-mod=vendor`, `-mod vendor`). */
export function selectsVendor(args: readonly string[]): boolean {
  return args.some(
    (arg, i) =>
      arg === '-mod=vendor' ||
      arg === '--mod=vendor' ||
      ((arg === '-mod' || arg === '--mod') && args[i + 1] === 'vendor'),
  );
}

/**
 * Splits a script (a heredoc body) into words with their lines. A line end separates
 * commands, as `;` does, unless the line continues with `\`.
 */
export function wordsOfLines(text: string, firstLine: number): ShellWord[] {
  const words: ShellWord[] = [];
  text.split('\n').forEach((lineText, offset) => {
    if (lineText.trimStart().startsWith('#')) return;
    const line = firstLine + offset;
    for (const word of lineText.split(/[ \t]+/)) {
      if (word && word !== '\\') words.push({ text: word, line });
    }
    if (!lineText.trimEnd().endsWith('\\')) words.push({ text: ';', line });
  });
  return words;
}
