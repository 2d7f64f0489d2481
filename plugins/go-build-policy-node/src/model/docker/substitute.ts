/** Variables known at one point of a Dockerfile: name → value (undefined: declared, no value). */
export type VariableScope = ReadonlyMap<string, string | undefined>;

/** A word after Dockerfile variable substitution. */
export interface Substituted {
  value: string;
  /** Some variable had no known value (no default, or not declared). */
  unresolved: boolean;
}

const MAX_NESTING = 8;
const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;

function readName(text: string, from: number): number {
  let end = from;
  if (end < text.length && NAME_START.test(text[end])) {
    end++;
    while (end < text.length && NAME_CHAR.test(text[end])) end++;
  }
  return end;
}

/** Finds the `}` closing a `${` at `from`, allowing nested `${…}` in modifiers. */
function closingBrace(text: string, from: number): number {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    if (text[i] === '$' && text[i + 1] === '{') {
      depth++;
      i++;
    } else if (text[i] === '}' && --depth === 0) {
      return i;
    }
  }
  return -1;
}

/**
 * Substitutes `$NAME`, `${NAME}`, `${NAME:-word}` and `${NAME:+word}` the way the Dockerfile
 * frontend does for ARG/ENV/FROM/COPY words. One left-to-right pass, recursing only into
 * modifier words and at most MAX_NESTING levels deep, so the cost stays linear.
 */
export function substitute(
  text: string,
  scope: VariableScope,
  escapeChar = '\\',
  depth = 0,
): Substituted {
  // Real files nest `${A:-${B}}` a level or two; deeper nesting is left as written.
  if (depth > MAX_NESTING) return { value: text, unresolved: true };
  let value = '';
  let unresolved = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === escapeChar && text[i + 1] === '$') {
      value += '$';
      i++;
      continue;
    }
    if (ch !== '$') {
      value += ch;
      continue;
    }
    if (text[i + 1] === '{') {
      const close = closingBrace(text, i + 2);
      if (close === -1) {
        value += text.slice(i);
        unresolved = true;
        break;
      }
      const inner = text.slice(i + 2, close);
      const nameEnd = readName(inner, 0);
      const name = inner.slice(0, nameEnd);
      const modifier = inner.slice(nameEnd);
      const known = scope.get(name);
      if (modifier.startsWith(':-') || modifier.startsWith('-')) {
        const word = modifier.slice(modifier.startsWith(':-') ? 2 : 1);
        const useDefault = modifier.startsWith(':-')
          ? !known
          : known === undefined;
        if (useDefault) {
          const fallback = substitute(word, scope, escapeChar, depth + 1);
          value += fallback.value;
          unresolved ||= fallback.unresolved;
        } else {
          value += known ?? '';
        }
      } else if (modifier.startsWith(':+') || modifier.startsWith('+')) {
        const word = modifier.slice(modifier.startsWith(':+') ? 2 : 1);
        const set = modifier.startsWith(':+') ? !!known : scope.has(name);
        if (set) {
          const alternative = substitute(word, scope, escapeChar, depth + 1);
          value += alternative.value;
          unresolved ||= alternative.unresolved;
        }
        if (!scope.has(name)) unresolved = true;
      } else {
        if (known === undefined) unresolved = true;
        value += known ?? '';
      }
      i = close;
      continue;
    }
    const nameEnd = readName(text, i + 1);
    if (nameEnd === i + 1) {
      value += '$';
      continue;
    }
    const known = scope.get(text.slice(i + 1, nameEnd));
    if (known === undefined) unresolved = true;
    value += known ?? '';
    i = nameEnd - 1;
  }
  return { value, unresolved };
}

/** Names referenced as `$NAME` or `${NAME…}` in a text (for tracing where an ARG is used). */
export function referencedNames(text: string): Set<string> {
  const names = new Set<string>();
  for (let i = text.indexOf('$'); i !== -1; i = text.indexOf('$', i + 1)) {
    const start = text[i + 1] === '{' ? i + 2 : i + 1;
    const end = readName(text, start);
    if (end > start) names.add(text.slice(start, end));
  }
  return names;
}
