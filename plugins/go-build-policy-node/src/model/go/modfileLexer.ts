import { GoFileProblem } from './types';

/*
 * A lexer for go.mod and go.work, written for this project: npm has no maintained parser
 * of these files that keeps line positions and tolerates errors (the packages there wrap
 * `go mod edit -json`, need a Go toolchain, or drop lines), and the rules need both.
 * It follows golang.org/x/mod/modfile's lexical rules: `//` comments, "interpreted" and
 * `raw` strings, the punctuation `( ) [ ] { } ,`, and `verb ( … )` blocks whose `)` stands
 * on its own line. It scans each line once, character by character (no backtracking).
 */

/** One token; `quoted` tells a string literal from a bare word (so `"=>"` is no arrow). */
export interface ModToken {
  text: string;
  quoted: boolean;
}

/** One directive line: `require x v1` alone or inside a `require ( … )` block. */
export interface ModStatement {
  verb: string;
  args: ModToken[];
  line: number;
  /** The text of a trailing `//` comment, without the slashes. */
  comment?: string;
}

export interface LexedModFile {
  statements: ModStatement[];
  problems: GoFileProblem[];
  lineCount: number;
}

const PUNCTUATION = new Set(['(', ')', '[', ']', '{', '}', ',']);

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\r' || c === '\v' || c === '\f';
}

/** Decodes a Go interpreted string body; undefined when an escape is invalid. */
function unquote(body: string): string | undefined {
  if (!body.includes('\\')) return body;
  try {
    const decoded: unknown = JSON.parse(
      `"${body.replace(/\\x([0-9a-fA-F]{2})/g, '\\u00$1')}"`,
    );
    return typeof decoded === 'string' ? decoded : undefined;
  } catch {
    return undefined;
  }
}

interface LexedLine {
  tokens: ModToken[];
  comment?: string;
  problem?: string;
}

function lexLine(text: string): LexedLine {
  const tokens: ModToken[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (isSpace(c)) {
      i++;
    } else if (c === '/' && text[i + 1] === '/') {
      return { tokens, comment: text.slice(i + 2) };
    } else if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      if (j >= text.length)
        return { tokens, problem: 'unterminated quoted string' };
      const value = unquote(text.slice(i + 1, j));
      if (value === undefined)
        return { tokens, problem: 'invalid quoted string' };
      tokens.push({ text: value, quoted: true });
      i = j + 1;
    } else if (c === '`') {
      const end = text.indexOf('`', i + 1);
      if (end === -1) return { tokens, problem: 'unterminated raw string' };
      tokens.push({ text: text.slice(i + 1, end), quoted: true });
      i = end + 1;
    } else if (PUNCTUATION.has(c)) {
      tokens.push({ text: c, quoted: false });
      i++;
    } else {
      let j = i;
      while (
        j < text.length &&
        !isSpace(text[j]) &&
        !PUNCTUATION.has(text[j])
      ) {
        // `v1.2.3//indirect`: a comment may follow a word without a space.
        if (text[j] === '/' && text[j + 1] === '/') break;
        j++;
      }
      tokens.push({ text: text.slice(i, j), quoted: false });
      i = j;
    }
  }
  return { tokens };
}

function isBare(token: ModToken | undefined, text: string): boolean {
  return !!token && !token.quoted && token.text === text;
}

/** Splits a go.mod/go.work text into directive statements, with problems by line. */
export function lexModFile(text: string): LexedModFile {
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  const statements: ModStatement[] = [];
  const problems: GoFileProblem[] = [];
  let block: { verb: string; line: number } | undefined;

  lines.forEach((raw, index) => {
    const line = index + 1;
    const lexed = lexLine(raw);
    if (lexed.problem) problems.push({ line, message: lexed.problem });
    const { tokens } = lexed;
    if (tokens.length === 0) return;
    if (block) {
      if (tokens.length === 1 && isBare(tokens[0], ')')) {
        block = undefined;
        return;
      }
      if (tokens.some(t => isBare(t, '(') || isBare(t, ')'))) {
        problems.push({
          line,
          message: `unexpected parenthesis inside the ${block.verb} block`,
        });
        return;
      }
      statements.push({
        verb: block.verb,
        args: tokens,
        line,
        comment: lexed.comment,
      });
      return;
    }
    const [verb, ...args] = tokens;
    if (verb.quoted || PUNCTUATION.has(verb.text)) {
      problems.push({
        line,
        message: `unexpected input "${verb.text.slice(0, 40)}"`,
      });
      return;
    }
    if (args.length === 1 && isBare(args[0], '(')) {
      block = { verb: verb.text, line };
      return;
    }
    if (args.length === 2 && isBare(args[0], '(') && isBare(args[1], ')'))
      return;
    if (isBare(args[0], '(')) {
      problems.push({
        line,
        message: `a ${verb.text} block must start with "(" at the end of its line`,
      });
      return;
    }
    statements.push({ verb: verb.text, args, line, comment: lexed.comment });
  });

  if (block) {
    problems.push({
      line: block.line,
      message: `the ${block.verb} block opened here is never closed with ")"`,
    });
  }
  return { statements, problems, lineCount: lines.length };
}
