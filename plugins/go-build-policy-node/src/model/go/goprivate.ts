/*
 * The GOPRIVATE / GONOPROXY / GONOSUMDB / GOINSECURE pattern language, with Go's semantics
 * (golang.org/x/mod/module.MatchPrefixPatterns and path.Match): a comma-separated list of
 * globs; a glob with N slashes is matched against the first N+1 elements of the module
 * path, so `github.com/acme` matches `github.com/acme/x/y`; empty and malformed globs
 * match nothing; a trailing slash is ignored.
 */

/** One path.Match chunk: leading stars, then literal/class text up to the next star. */
interface Chunk {
  star: boolean;
  text: string;
  rest: string;
}

function scanChunk(pattern: string): Chunk {
  let star = false;
  let rest = pattern;
  while (rest.startsWith('*')) {
    rest = rest.slice(1);
    star = true;
  }
  let inRange = false;
  let i = 0;
  for (; i < rest.length; i++) {
    const c = rest[i];
    if (c === '\\') i++;
    else if (c === '[') inRange = true;
    else if (c === ']') inRange = false;
    else if (c === '*' && !inRange) break;
  }
  return { star, text: rest.slice(0, i), rest: rest.slice(i) };
}

/** Reads one (possibly escaped) character of a class; undefined when the pattern is malformed. */
function classChar(
  chunk: string,
  at: number,
): { char: string; next: number } | undefined {
  if (at >= chunk.length || chunk[at] === '-' || chunk[at] === ']')
    return undefined;
  let i = at;
  if (chunk[i] === '\\') i++;
  if (i >= chunk.length) return undefined;
  const char = String.fromCodePoint(chunk.codePointAt(i)!);
  return { char, next: i + char.length };
}

type ChunkMatch = { ok: true; rest: string } | { ok: false; bad: boolean };

/** Matches a chunk against the start of `name`; `bad` reports a malformed pattern. */
function matchChunk(chunk: string, name: string): ChunkMatch {
  let s = name;
  let i = 0;
  let failed = false;
  while (i < chunk.length) {
    const c = chunk[i];
    if (c === '[') {
      const r = s.length ? String.fromCodePoint(s.codePointAt(0)!) : '';
      if (r) s = s.slice(r.length);
      else failed = true;
      i++;
      const negated = chunk[i] === '^';
      if (negated) i++;
      let matched = false;
      let count = 0;
      for (;;) {
        if (i < chunk.length && chunk[i] === ']' && count > 0) {
          i++;
          break;
        }
        const lo = classChar(chunk, i);
        if (!lo) return { ok: false, bad: true };
        i = lo.next;
        let hi = lo;
        if (chunk[i] === '-') {
          const upper = classChar(chunk, i + 1);
          if (!upper) return { ok: false, bad: true };
          hi = upper;
          i = upper.next;
        }
        if (r && lo.char <= r && r <= hi.char) matched = true;
        count++;
      }
      if (matched === negated) failed = true;
    } else if (c === '?') {
      if (!s.length || s[0] === '/') failed = true;
      else s = s.slice(String.fromCodePoint(s.codePointAt(0)!).length);
      i++;
    } else {
      let literal = c;
      if (c === '\\') {
        i++;
        if (i >= chunk.length) return { ok: false, bad: true };
        literal = chunk[i];
      }
      if (!s.startsWith(literal)) failed = true;
      else s = s.slice(1);
      i++;
    }
  }
  return failed ? { ok: false, bad: false } : { ok: true, rest: s };
}

/** Whether the remaining chunks of a pattern are well formed (Go reports bad patterns late). */
function restIsWellFormed(pattern: string): boolean {
  let rest = pattern;
  while (rest.length) {
    const chunk = scanChunk(rest);
    rest = chunk.rest;
    const result = matchChunk(chunk.text, '');
    if (!result.ok && result.bad) return false;
  }
  return true;
}

/**
 * Go's path.Match: `*` is any run of non-slash characters, `?` one non-slash character,
 * `[a-z]`/`[^a-z]` classes, `\` escapes. False for a malformed pattern.
 */
export function pathMatch(pattern: string, name: string): boolean {
  let rest = pattern;
  let subject: string | undefined = name;
  while (rest.length) {
    const chunk = scanChunk(rest);
    rest = chunk.rest;
    if (chunk.star && chunk.text === '') {
      return !subject.includes('/') && restIsWellFormed(rest);
    }
    subject = matchAfterStar(chunk, subject, rest.length === 0);
    if (subject === undefined) return false;
  }
  return subject.length === 0;
}

/**
 * Matches one chunk at the start of `subject`, or, after a star, a little further on: the
 * star swallows one more character at a time, never a slash. Returns what is left of the
 * subject, or undefined when the chunk cannot match (or the pattern is malformed).
 */
function matchAfterStar(
  chunk: Chunk,
  subject: string,
  lastChunk: boolean,
): string | undefined {
  const direct = matchChunk(chunk.text, subject);
  if (direct.ok && (direct.rest.length === 0 || !lastChunk)) return direct.rest;
  if (!direct.ok && direct.bad) return undefined;
  if (!chunk.star) return undefined;
  for (let i = 0; i < subject.length && subject[i] !== '/'; i++) {
    const attempt = matchChunk(chunk.text, subject.slice(i + 1));
    if (attempt.ok && !(lastChunk && attempt.rest.length > 0))
      return attempt.rest;
    if (!attempt.ok && attempt.bad) return undefined;
  }
  return undefined;
}

/** Splits a GOPRIVATE-style list into its globs, as Go reads it (empty entries dropped). */
export function splitModulePatterns(list: string): string[] {
  return list
    .split(',')
    .map(glob => glob.replace(/\/$/, ''))
    .filter(glob => glob !== '');
}

/** Whether one glob matches a leading path-element prefix of the module path. */
export function globMatchesModule(glob: string, modulePath: string): boolean {
  return compileModuleGlob(glob)(modulePath);
}

/**
 * {@link globMatchesModule} for one glob, with the glob read once: the returned test
 * takes the glob's element count of leading path elements and matches them.
 */
export function compileModuleGlob(
  glob: string,
): (modulePath: string) => boolean {
  const pattern = glob.replace(/\/$/, '');
  if (!pattern) return () => false;
  const patternSlashes = pattern.split('/').length - 1;
  return modulePath => {
    let slashes = patternSlashes;
    let prefix = modulePath;
    for (let i = 0; i < modulePath.length; i++) {
      if (modulePath[i] !== '/') continue;
      if (slashes === 0) {
        prefix = modulePath.slice(0, i);
        break;
      }
      slashes--;
    }
    if (slashes > 0) return false;
    return pathMatch(pattern, prefix);
  };
}

/**
 * Go's MatchPrefixPatterns: whether a module path is matched by a comma-separated list
 * (a GOPRIVATE value) or by a list of such values (app-config's `privateModules`).
 */
export function matchesModulePatterns(
  patterns: string | readonly string[],
  modulePath: string,
): boolean {
  return compileModulePatterns(patterns)(modulePath);
}

/**
 * {@link matchesModulePatterns} with the lists split once, for matching many module paths
 * against the same patterns.
 */
export function compileModulePatterns(
  patterns: string | readonly string[],
): (modulePath: string) => boolean {
  const lists = typeof patterns === 'string' ? [patterns] : patterns;
  const globs = lists.flatMap(splitModulePatterns).map(compileModuleGlob);
  return modulePath => globs.some(matches => matches(modulePath));
}

/**
 * The globs of a list that match every module path: a single path element made of stars
 * only (`*`, `**`). Such a GONOSUMDB/GOPRIVATE turns checksum verification off everywhere.
 */
export function globsMatchingEverything(
  patterns: string | readonly string[],
): string[] {
  const lists = typeof patterns === 'string' ? [patterns] : patterns;
  return lists.flatMap(list =>
    splitModulePatterns(list).filter(glob => /^\*+$/.test(glob)),
  );
}

/** Whether a list matches every module path (see {@link globsMatchingEverything}). */
export function matchesEveryModule(
  patterns: string | readonly string[],
): boolean {
  return globsMatchingEverything(patterns).length > 0;
}
