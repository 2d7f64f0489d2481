import { matchSegment } from './glob';
import {
  DockerfileModel,
  DockerignoreFile,
  DockerignorePattern,
  DockerModel,
} from './types';

/** Cleans a pattern as Go's filepath.Clean does for the cases that occur in ignore files. */
function cleanPattern(pattern: string): string {
  const absolute = pattern.startsWith('/');
  const parts: string[] = [];
  for (const part of pattern.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && parts.length && parts[parts.length - 1] !== '..')
      parts.pop();
    else if (part !== '..' || !absolute) parts.push(part);
  }
  // Leading `/` is dropped: `/x` and `x` mean the same in an ignore file.
  return parts.join('/') || '.';
}

/**
 * Reads a .dockerignore the way BuildKit does (moby/patternmatcher's ignorefile): a BOM
 * is dropped, lines starting with `#` are comments, whitespace is trimmed, `!` negates,
 * and patterns are cleaned. Line numbers are kept for findings.
 */
export function parseDockerignore(
  path: string,
  content: { text: string } | { error: string },
  dockerfilePaths: ReadonlySet<string>,
): DockerignoreFile {
  const slash = path.lastIndexOf('/');
  const directory = slash === -1 ? '' : path.slice(0, slash);
  const file: DockerignoreFile = { path, directory, patterns: [] };
  const ownerPath =
    path.endsWith('.dockerignore') &&
    !path.endsWith('/.dockerignore') &&
    path !== '.dockerignore'
      ? path.slice(0, -'.dockerignore'.length)
      : undefined;
  if (ownerPath !== undefined && dockerfilePaths.has(ownerPath))
    file.forDockerfile = ownerPath;
  if ('error' in content) {
    file.error = content.error;
    return file;
  }
  const lines = content.text.replace(/^\uFEFF/, '').split('\n');
  lines.forEach((raw, index) => {
    if (raw.startsWith('#')) return;
    let pattern = raw.trim();
    if (!pattern) return;
    const negated = pattern.startsWith('!');
    if (negated) pattern = pattern.slice(1).trim();
    if (!pattern) return;
    file.patterns.push({
      pattern: cleanPattern(pattern),
      negated,
      line: index + 1,
    });
  });
  return file;
}

/** Whether path segments match pattern segments, `**` standing for any number of segments. */
function matchSegments(pattern: string[], path: string[]): boolean {
  // reachable[j]: pattern prefix so far can end having consumed j path segments.
  let reachable = new Array<boolean>(path.length + 1).fill(false);
  reachable[0] = true;
  for (const segment of pattern) {
    const next = new Array<boolean>(path.length + 1).fill(false);
    for (let j = 0; j <= path.length; j++) {
      if (!reachable[j]) continue;
      if (segment === '**') {
        for (let k = j; k <= path.length; k++) next[k] = true;
        break;
      }
      if (j < path.length && matchSegment(segment, path[j])) next[j + 1] = true;
    }
    reachable = next;
  }
  return reachable[path.length];
}

function patternMatches(pattern: DockerignorePattern, path: string): boolean {
  const patternSegments = pattern.pattern.split('/');
  const pathSegments = path.split('/');
  // A pattern that matches a parent directory excludes everything below it.
  for (let length = pathSegments.length; length >= 1; length--) {
    if (matchSegments(patternSegments, pathSegments.slice(0, length)))
      return true;
  }
  return false;
}

/** Whether the ignore file excludes a context-relative path (the last matching pattern wins). */
export function dockerignoreExcludes(
  file: DockerignoreFile,
  path: string,
): {
  excluded: boolean;
  /** The pattern that decided, if any. */
  pattern?: DockerignorePattern;
} {
  let result: { excluded: boolean; pattern?: DockerignorePattern } = {
    excluded: false,
  };
  for (const pattern of file.patterns) {
    if (patternMatches(pattern, path))
      result = { excluded: !pattern.negated, pattern };
  }
  return result;
}

/**
 * The ignore file BuildKit uses for a Dockerfile built with a context directory: the
 * Dockerfile-specific `<Dockerfile>.dockerignore` beside it first, else the context's
 * `.dockerignore`.
 */
export function dockerignoreFor(
  model: DockerModel,
  dockerfile: DockerfileModel,
  contextDirectory: string,
): DockerignoreFile | undefined {
  const specific = model.dockerignores.find(
    f => f.forDockerfile === dockerfile.path,
  );
  if (specific) return specific;
  const path = contextDirectory
    ? `${contextDirectory}/.dockerignore`
    : '.dockerignore';
  return model.dockerignores.find(f => f.path === path);
}
