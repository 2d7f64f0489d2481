/** What the engine knows of one file of the repository. */
export type SnapshotFile =
  | { kind: 'text'; text: string }
  /** Larger than the source would read (GitHub's blob API stops at 100 MB, we stop sooner). */
  | { kind: 'too-large'; size: number }
  | { kind: 'binary' }
  /** The source could not read it (for example a GitHub error); the reason says why. */
  | { kind: 'unavailable'; reason: string };

/**
 * A repository at one commit, as the engine sees it: every path of the tree, and the
 * contents of the files the rules read (see {@link isPolicyInput}). The engine does no
 * I/O: a source (local directory, GitHub) builds the snapshot first.
 */
export interface RepositorySnapshot {
  /** Every file path of the tree: posix separators, no leading slash. */
  readonly paths: readonly string[];
  /** The file's content, or undefined when the path is not in the tree. */
  file(path: string): SnapshotFile | undefined;
  /** Commit the snapshot was taken at, when known (used for links, never for verdicts). */
  readonly commitSha?: string;
}

/** Largest file the engine parses; larger inputs give an `error` finding. */
export const MAX_PARSED_FILE_BYTES = 1024 * 1024;

const DOCKERFILE_NAME =
  /^(?:Dockerfile|Containerfile)(?:[.-][^/]*)?$|\.(?:Dockerfile|Containerfile)$/i;
// Names that start like a Dockerfile but are something else (docs, BuildKit's per-Dockerfile ignore file).
const NOT_A_DOCKERFILE = /\.(?:dockerignore|md|txt|rst)$/i;
const RENOVATE_FILES = new Set([
  'renovate.json',
  'renovate.json5',
  '.renovaterc',
  '.renovaterc.json',
  '.renovaterc.json5',
  '.github/renovate.json',
  '.github/renovate.json5',
  '.gitlab/renovate.json',
  '.gitlab/renovate.json5',
]);
const ROOT_FILES = new Set([
  'Makefile',
  'GNUmakefile',
  'makefile',
  '.go-version',
  '.tool-versions',
  '.github/dependabot.yml',
  '.github/dependabot.yaml',
  'package.json',
]);

function baseName(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? path : path.slice(slash + 1);
}

/**
 * Whether the rules read this file's contents. Sources fetch only these; for every
 * other path the tree listing is enough.
 */
export function isPolicyInput(path: string): boolean {
  if (/^\.github\/workflows\/[^/]+\.ya?ml$/.test(path)) return true;
  if (/^\.github\/actions\/.+\/action\.ya?ml$/.test(path)) return true;
  if (/^\.github\/[^/]*\/?action\.ya?ml$/.test(path)) return true;
  if (ROOT_FILES.has(path) || RENOVATE_FILES.has(path)) return true;
  const name = baseName(path);
  // BuildKit also reads `<Dockerfile name>.dockerignore` in place of the context's file.
  if (name === '.dockerignore' || name.endsWith('.dockerignore')) return true;
  if (name === 'go.mod' || name === 'go.work') {
    return !path.split('/').includes('vendor');
  }
  if (path === 'vendor/modules.txt' || /\/vendor\/modules\.txt$/.test(path))
    return true;
  if (isDockerfileName(name)) return !path.includes('node_modules/');
  return false;
}

/** Whether a file name is a Dockerfile (or Containerfile) by the usual conventions. */
export function isDockerfileName(path: string): boolean {
  const name = baseName(path);
  return DOCKERFILE_NAME.test(name) && !NOT_A_DOCKERFILE.test(name);
}

/** A snapshot over in-memory files; used by tests, the CLI and the backend. */
export function snapshotFromFiles(
  files: Record<string, string | SnapshotFile>,
  options: { extraPaths?: string[]; commitSha?: string } = {},
): RepositorySnapshot {
  const map = new Map<string, SnapshotFile>();
  for (const [path, content] of Object.entries(files)) {
    map.set(
      path,
      typeof content === 'string' ? { kind: 'text', text: content } : content,
    );
  }
  const paths = [
    ...new Set([...map.keys(), ...(options.extraPaths ?? [])]),
  ].sort();
  const known = new Set(paths);
  return {
    paths,
    commitSha: options.commitSha,
    file(path) {
      if (!known.has(path)) return undefined;
      return (
        map.get(path) ?? {
          kind: 'unavailable',
          reason: 'not read by the source',
        }
      );
    },
  };
}
