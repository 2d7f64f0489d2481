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

/** Repository paths matched by a list of patterns (later `!pattern`s exclude). */
export function matchGlobs(
  patterns: string[],
  paths: readonly string[],
): string[] | undefined {
  const include: RegExp[] = [];
  const exclude: RegExp[] = [];
  for (const raw of patterns) {
    const pattern = raw.trim();
    if (!pattern || pattern.startsWith('#')) continue;
    const negated = pattern.startsWith('!');
    const re = toRegExp(negated ? pattern.slice(1) : pattern);
    if (!re) return undefined;
    (negated ? exclude : include).push(re);
  }
  return paths.filter(
    p => include.some(re => re.test(p)) && !exclude.some(re => re.test(p)),
  );
}

/** The file name a pattern targets (`**\/go.sum` → `go.sum`), if its last segment is literal. */
export function patternFileName(pattern: string): string | undefined {
  const last = pattern.trim().split('/').pop() ?? '';
  return /[*?[\]]/.test(last) ? undefined : last;
}
