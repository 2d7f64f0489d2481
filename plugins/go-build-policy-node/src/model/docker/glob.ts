/**
 * Matches one path segment against a glob segment (`*`, `?`, `[abc]`, `[a-z]`, `[!x]`), as
 * Go's filepath.Match does for a segment. Iterative with one backtrack point for the last
 * `*`, so the cost is bounded by pattern length × text length, never exponential.
 */
export function matchSegment(pattern: string, text: string): boolean {
  let p = 0;
  let t = 0;
  let starP = -1;
  let starT = 0;
  while (t < text.length) {
    if (p < pattern.length && pattern[p] === '*') {
      starP = p++;
      starT = t;
      continue;
    }
    const step = p < pattern.length ? matchOne(pattern, p, text[t]) : -1;
    if (step > 0) {
      p += step;
      t++;
    } else if (starP !== -1) {
      p = starP + 1;
      t = ++starT;
    } else {
      return false;
    }
  }
  while (p < pattern.length && pattern[p] === '*') p++;
  return p === pattern.length;
}

/** Length of the pattern element at `p` if it matches `ch`, else -1. */
function matchOne(pattern: string, p: number, ch: string): number {
  const c = pattern[p];
  if (c === '?') return 1;
  if (c === '\\' && p + 1 < pattern.length)
    return pattern[p + 1] === ch ? 2 : -1;
  if (c !== '[') return c === ch ? 1 : -1;
  const close = pattern.indexOf(']', p + 2);
  if (close === -1) return ch === '[' ? 1 : -1;
  let i = p + 1;
  const negated = pattern[i] === '!' || pattern[i] === '^';
  if (negated) i++;
  let matched = false;
  for (; i < close; i++) {
    if (pattern[i + 1] === '-' && i + 2 < close) {
      if (ch >= pattern[i] && ch <= pattern[i + 2]) matched = true;
      i += 2;
    } else if (pattern[i] === ch) {
      matched = true;
    }
  }
  return matched !== negated ? close - p + 1 : -1;
}

/** Whether a text contains glob metacharacters. */
export function hasGlob(text: string): boolean {
  return /[*?[]/.test(text);
}
