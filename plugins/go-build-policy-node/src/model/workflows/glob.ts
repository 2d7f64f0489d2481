/**
 * Glob matching for `hashFiles()` and `cache-dependency-path` patterns against repository
 * paths (@actions/glob semantics: `*`, `?`, `[...]`, `**` across directories, `!` excludes).
 * Patterns with many `**` are refused rather than risk slow matching on long paths.
 */

const MAX_GLOBSTARS = 4;

function toRegExp(pattern: string): RegExp | undefined {
  let clean = pattern
    .trim()
    .replace(/^\.\//, '')
    .replace(/^\$\{\{\s*github\.workspace\s*\}\}\//, '');
  clean = clean.replace(/(\*\*\/)+/g, '**/');
  if ((clean.match(/\*\*/g) ?? []).length > MAX_GLOBSTARS) return undefined;
  let source = '';
  for (let i = 0; i < clean.length; i++) {
    const c = clean[i];
    if (c === '*' && clean[i + 1] === '*') {
      const slash = clean[i + 2] === '/';
      source += slash ? '(?:[^/]*/)*' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') {
      source += '[^/]*';
    } else if (c === '?') {
      source += '[^/]';
    } else if (c === '[') {
      const end = clean.indexOf(']', i + 1);
      if (end === -1) source += '\\[';
      else {
        source += `[${clean
          .slice(i + 1, end)
          .replace(/\\/g, '\\\\')
          .replace(/^!/, '^')}]`;
        i = end;
      }
    } else {
      source += c.replace(/[.+^${}()|\\]/g, '\\$&');
    }
  }
  // A directory pattern matches every file below it, as @actions/glob does.
  return new RegExp(`^${source}(?:/.*)?$`);
}

/**
 * Results per tree (the snapshot's `paths` array) and pattern list: rules and models ask
 * the same `hashFiles()` and `cache-dependency-path` patterns again and again in one scan.
 * Weakly keyed on the tree, so the results go when the scan's snapshot does.
 */
const matchedByTree = new WeakMap<
  readonly string[],
  Map<string, readonly string[] | undefined>
>();

/**
 * Repository paths matched by a list of patterns (later `!pattern`s exclude); undefined
 * when a pattern is too complex to match safely. The result is shared: do not modify it.
 */
export function matchGlobs(
  patterns: readonly string[],
  paths: readonly string[],
): readonly string[] | undefined {
  let results = matchedByTree.get(paths);
  if (!results) {
    results = new Map();
    matchedByTree.set(paths, results);
  }
  const key = patterns.join('\u0000');
  if (results.has(key)) return results.get(key);
  const matched = matchGlobsUncached(patterns, paths);
  results.set(key, matched);
  return matched;
}

function matchGlobsUncached(
  patterns: readonly string[],
  paths: readonly string[],
): string[] | undefined {
  const include: Array<{ re: RegExp; segment?: string }> = [];
  const exclude: RegExp[] = [];
  for (const raw of patterns) {
    const pattern = raw.trim();
    if (!pattern || pattern.startsWith('#')) continue;
    const negated = pattern.startsWith('!');
    const re = toRegExp(negated ? pattern.slice(1) : pattern);
    if (!re) return undefined;
    if (negated) exclude.push(re);
    else include.push({ re, segment: patternFileName(pattern) || undefined });
  }
  return paths.filter(
    p =>
      include.some(
        ({ re, segment }) =>
          (segment === undefined || hasSegment(p, segment)) && re.test(p),
      ) && !exclude.some(re => re.test(p)),
  );
}

/**
 * Whether `name` is a whole segment of `path`: a cheap test that rules most paths out
 * before a regular expression runs (a pattern whose last segment is literal matches only
 * paths holding that segment, the file itself or a directory above matched files).
 */
function hasSegment(path: string, name: string): boolean {
  const at = path.indexOf(name);
  if (at === -1) return false;
  return (
    path === name ||
    path.endsWith(`/${name}`) ||
    path.startsWith(`${name}/`) ||
    path.includes(`/${name}/`)
  );
}

/** The file name a pattern targets (`**\/go.sum` → `go.sum`), if its last segment is literal. */
export function patternFileName(pattern: string): string | undefined {
  const last = pattern.trim().split('/').pop() ?? '';
  return /[*?[\]]/.test(last) ? undefined : last;
}
