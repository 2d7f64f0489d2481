/*
 * A small JSON5 reader with line positions, for Renovate configs (renovate.json5, and the
 * comments and trailing commas people put in renovate.json). The `json5` package is only a
 * transitive dependency here and keeps no positions; this reader handles what Renovate
 * configs use: comments, trailing commas, single-quoted strings, unquoted keys, and
 * JSON5 numbers. It is iterative over characters, depth-limited, and never throws.
 */

export type Json5Node =
  | { kind: 'object'; line: number; entries: Json5Entry[] }
  | { kind: 'array'; line: number; items: Json5Node[] }
  | { kind: 'scalar'; line: number; value: string | number | boolean | null };

export interface Json5Entry {
  key: string;
  line: number;
  value: Json5Node;
}

export type Json5Result =
  | { ok: true; value: Json5Node }
  | { ok: false; line: number; message: string };

const MAX_DEPTH = 64;

class Json5Error extends Error {
  constructor(readonly line: number, message: string) {
    super(message);
  }
}

class Reader {
  private pos = 0;
  private line = 1;

  constructor(private readonly text: string) {}

  fail(message: string): never {
    throw new Json5Error(this.line, message);
  }

  private advance(): string {
    const c = this.text[this.pos++];
    if (c === '\n') this.line++;
    return c;
  }

  skipSpace(): void {
    while (this.pos < this.text.length) {
      const c = this.text[this.pos];
      if (c === '/' && this.text[this.pos + 1] === '/') {
        while (this.pos < this.text.length && this.text[this.pos] !== '\n')
          this.pos++;
      } else if (c === '/' && this.text[this.pos + 1] === '*') {
        const end = this.text.indexOf('*/', this.pos + 2);
        if (end === -1) this.fail('unterminated comment');
        while (this.pos < end + 2) this.advance();
      } else if (/\s|\uFEFF/.test(c)) {
        this.advance();
      } else {
        return;
      }
    }
  }

  peek(): string | undefined {
    return this.text[this.pos];
  }

  atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  value(depth: number): Json5Node {
    if (depth > MAX_DEPTH) this.fail('nesting is too deep');
    this.skipSpace();
    const line = this.line;
    const c = this.peek();
    if (c === '{') return this.object(depth, line);
    if (c === '[') return this.array(depth, line);
    if (c === '"' || c === "'")
      return { kind: 'scalar', line, value: this.string() };
    const word = this.word();
    if (word === 'true' || word === 'false')
      return { kind: 'scalar', line, value: word === 'true' };
    if (word === 'null') return { kind: 'scalar', line, value: null };
    // Number() reads hex and Infinity but not a signed hex literal: apply the sign apart.
    const unsigned = Number(word.replace(/^[+-]/, ''));
    if (/\d|Infinity|NaN/.test(word) && !Number.isNaN(unsigned)) {
      const value = word.startsWith('-') ? -unsigned : unsigned;
      return { kind: 'scalar', line, value };
    }
    return this.fail(
      word ? `unexpected "${word.slice(0, 20)}"` : 'unexpected end of input',
    );
  }

  private word(): string {
    const start = this.pos;
    while (this.pos < this.text.length && /[\w$+\-.]/.test(this.text[this.pos]))
      this.pos++;
    return this.text.slice(start, this.pos);
  }

  private string(): string {
    const quote = this.advance();
    let out = '';
    for (;;) {
      if (this.atEnd()) this.fail('unterminated string');
      const c = this.advance();
      if (c === quote) return out;
      if (c === '\n') this.fail('unterminated string');
      if (c !== '\\') {
        out += c;
        continue;
      }
      const e = this.advance();
      const simple: Record<string, string> = {
        n: '\n',
        t: '\t',
        r: '\r',
        b: '\b',
        f: '\f',
        v: '\v',
        '0': '\0',
      };
      if (e === 'u' || e === 'x') {
        const size = e === 'u' ? 4 : 2;
        const hex = this.text.slice(this.pos, this.pos + size);
        if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== size)
          this.fail('invalid escape');
        out += String.fromCharCode(parseInt(hex, 16));
        this.pos += size;
      } else if (e === '\n') {
        // A line continuation adds nothing.
      } else {
        out += simple[e] ?? e;
      }
    }
  }

  private key(): string {
    const c = this.peek();
    if (c === '"' || c === "'") return this.string();
    const start = this.pos;
    while (this.pos < this.text.length && /[\w$]/.test(this.text[this.pos]))
      this.pos++;
    if (start === this.pos) this.fail('expected a property name');
    return this.text.slice(start, this.pos);
  }

  private object(depth: number, line: number): Json5Node {
    this.advance();
    const entries: Json5Entry[] = [];
    for (;;) {
      this.skipSpace();
      if (this.peek() === '}') {
        this.advance();
        return { kind: 'object', line, entries };
      }
      const keyLine = this.line;
      const key = this.key();
      this.skipSpace();
      if (this.peek() !== ':')
        this.fail(`expected ":" after "${key.slice(0, 40)}"`);
      this.advance();
      entries.push({ key, line: keyLine, value: this.value(depth + 1) });
      this.skipSpace();
      if (this.peek() === ',') this.advance();
      else if (this.peek() !== '}') this.fail('expected "," or "}"');
    }
  }

  private array(depth: number, line: number): Json5Node {
    this.advance();
    const items: Json5Node[] = [];
    for (;;) {
      this.skipSpace();
      if (this.peek() === ']') {
        this.advance();
        return { kind: 'array', line, items };
      }
      items.push(this.value(depth + 1));
      this.skipSpace();
      if (this.peek() === ',') this.advance();
      else if (this.peek() !== ']') this.fail('expected "," or "]"');
    }
  }
}

/** Parses JSON or JSON5 text; errors come back with their line. */
export function parseJson5(text: string): Json5Result {
  const reader = new Reader(text);
  try {
    const value = reader.value(0);
    reader.skipSpace();
    if (!reader.atEnd())
      reader.fail('unexpected text after the end of the value');
    return { ok: true, value };
  } catch (e) {
    if (e instanceof Json5Error)
      return { ok: false, line: e.line, message: e.message };
    return {
      ok: false,
      line: 1,
      message: e instanceof Error ? e.message : String(e),
    };
  }
}

/** The entry of an object node under `key`. */
export function json5Entry(
  node: Json5Node | undefined,
  key: string,
): Json5Entry | undefined {
  return node?.kind === 'object'
    ? node.entries.find(e => e.key === key)
    : undefined;
}

/** The string items of an array node (other items are skipped). */
export function json5Strings(node: Json5Node | undefined): string[] {
  if (node?.kind !== 'array') return [];
  return node.items.flatMap(item =>
    item.kind === 'scalar' && typeof item.value === 'string'
      ? [item.value]
      : [],
  );
}
