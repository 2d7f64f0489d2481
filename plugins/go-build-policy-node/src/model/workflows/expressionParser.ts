/**
 * A parser for the body of a GitHub Actions `${{ }}` expression. It covers the grammar
 * GitHub documents (literals, context access with `.`/`[]`, function calls, `!`, comparison,
 * `&&`, `||`, parentheses); anything else yields undefined so callers keep the text as unknown.
 * Linear in the input: one token pass, recursion bounded by nesting depth.
 */

export type Expr =
  | { type: 'string'; value: string }
  | { type: 'number'; value: number }
  | { type: 'boolean'; value: boolean }
  | { type: 'null' }
  | { type: 'ref'; path: string[] }
  | { type: 'call'; name: string; args: Expr[] }
  | { type: 'not'; operand: Expr }
  | { type: 'binary'; op: string; left: Expr; right: Expr };

type Token =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'ident'; value: string }
  | { kind: 'punct'; value: string };

const MAX_DEPTH = 32;
const IDENT = /[A-Za-z0-9_-]/;

function tokenize(text: string): Token[] | undefined {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === "'") {
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length) return undefined;
        if (text[i] === "'") {
          if (text[i + 1] === "'") {
            value += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += text[i++];
      }
      tokens.push({ kind: 'string', value });
    } else if (
      /[0-9]/.test(c) ||
      (c === '-' && /[0-9]/.test(text[i + 1] ?? ''))
    ) {
      let j = i + 1;
      while (j < text.length && /[0-9a-fA-FxX.]/.test(text[j])) j++;
      const value = Number(text.slice(i, j));
      if (Number.isNaN(value)) return undefined;
      tokens.push({ kind: 'number', value });
      i = j;
    } else if (/[A-Za-z_]/.test(c)) {
      let j = i + 1;
      while (j < text.length && IDENT.test(text[j])) j++;
      tokens.push({ kind: 'ident', value: text.slice(i, j) });
      i = j;
    } else {
      const two = text.slice(i, i + 2);
      if (['==', '!=', '<=', '>=', '&&', '||'].includes(two)) {
        tokens.push({ kind: 'punct', value: two });
        i += 2;
      } else if ('()[].,!<>*'.includes(c)) {
        tokens.push({ kind: 'punct', value: c });
        i++;
      } else {
        return undefined;
      }
    }
  }
  return tokens;
}

class Parser {
  private position = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): Expr | undefined {
    const expr = this.or(0);
    return expr && this.position === this.tokens.length ? expr : undefined;
  }

  private peek(value: string): boolean {
    const token = this.tokens[this.position];
    return token?.kind === 'punct' && token.value === value;
  }

  private take(value: string): boolean {
    if (!this.peek(value)) return false;
    this.position++;
    return true;
  }

  private binary(
    depth: number,
    ops: string[],
    next: (depth: number) => Expr | undefined,
  ): Expr | undefined {
    let left = next(depth);
    while (left) {
      const op = ops.find(o => this.peek(o));
      if (!op) break;
      this.position++;
      const right = next(depth);
      if (!right) return undefined;
      left = { type: 'binary', op, left, right };
    }
    return left;
  }

  private or = (depth: number): Expr | undefined =>
    this.binary(depth, ['||'], d => this.and(d));
  private and = (depth: number): Expr | undefined =>
    this.binary(depth, ['&&'], d => this.compare(d));
  private compare = (depth: number): Expr | undefined =>
    this.binary(depth, ['==', '!=', '<=', '>=', '<', '>'], d => this.unary(d));

  private unary(depth: number): Expr | undefined {
    if (depth > MAX_DEPTH) return undefined;
    if (this.take('!')) {
      const operand = this.unary(depth + 1);
      return operand && { type: 'not', operand };
    }
    return this.primary(depth + 1);
  }

  private primary(depth: number): Expr | undefined {
    const token = this.tokens[this.position];
    if (!token) return undefined;
    if (this.take('(')) {
      const inner = this.or(depth + 1);
      return inner && this.take(')') ? inner : undefined;
    }
    this.position++;
    if (token.kind === 'string') return { type: 'string', value: token.value };
    if (token.kind === 'number') return { type: 'number', value: token.value };
    if (token.kind !== 'ident') return undefined;
    const lower = token.value.toLowerCase();
    if (lower === 'true' || lower === 'false')
      return { type: 'boolean', value: lower === 'true' };
    if (lower === 'null') return { type: 'null' };
    if (this.take('(')) return this.call(token.value, depth);
    return this.reference(token.value, depth);
  }

  private call(name: string, depth: number): Expr | undefined {
    const args: Expr[] = [];
    if (!this.take(')')) {
      for (;;) {
        const arg = this.or(depth + 1);
        if (!arg) return undefined;
        args.push(arg);
        if (this.take(')')) break;
        if (!this.take(',')) return undefined;
      }
    }
    return { type: 'call', name: name.toLowerCase(), args };
  }

  private reference(head: string, depth: number): Expr | undefined {
    const path = [head];
    for (;;) {
      if (this.take('.')) {
        const next = this.tokens[this.position];
        if (next?.kind === 'ident') path.push(next.value);
        else if (next?.kind === 'punct' && next.value === '*') path.push('*');
        else return undefined;
        this.position++;
      } else if (this.take('[')) {
        const index = this.or(depth + 1);
        if (!index || !this.take(']')) return undefined;
        if (index.type === 'string') path.push(index.value);
        else if (index.type === 'number') path.push(String(index.value));
        else return undefined;
      } else {
        return { type: 'ref', path };
      }
    }
  }
}

/** Parses an expression body (the text between `${{` and `}}`). */
export function parseExpression(text: string): Expr | undefined {
  const tokens = tokenize(text);
  return tokens ? new Parser(tokens).parse() : undefined;
}

/** A piece of a template: literal text, or the body of one `${{ }}`. */
export type TemplatePiece =
  | { kind: 'text'; text: string }
  | { kind: 'expression'; body: string };

/** Splits a string into literal text and `${{ }}` bodies (quotes inside expressions respected). */
export function splitTemplate(text: string): TemplatePiece[] {
  const pieces: TemplatePiece[] = [];
  let cursor = 0;
  while (cursor < text.length) {
    const open = text.indexOf('${{', cursor);
    if (open === -1) break;
    let i = open + 3;
    let inString = false;
    let close = -1;
    for (; i < text.length; i++) {
      if (text[i] === "'") inString = !inString;
      else if (!inString && text[i] === '}' && text[i + 1] === '}') {
        close = i;
        break;
      }
    }
    if (close === -1) break;
    if (open > cursor)
      pieces.push({ kind: 'text', text: text.slice(cursor, open) });
    pieces.push({
      kind: 'expression',
      body: text.slice(open + 3, close).trim(),
    });
    cursor = close + 2;
  }
  if (cursor < text.length)
    pieces.push({ kind: 'text', text: text.slice(cursor) });
  return pieces;
}
