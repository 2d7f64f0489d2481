import {
  Dirent,
  readdirSync,
  readFileSync,
  realpathSync,
  statSync,
} from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import {
  isPolicyInput,
  MAX_PARSED_FILE_BYTES,
  RepositorySnapshot,
  snapshotFromFiles,
  SnapshotFile,
} from '../snapshot/RepositorySnapshot';

/** Folders that never hold policy inputs and can be huge. */
const SKIPPED_DIRECTORIES = new Set(['.git', 'node_modules']);

/** A snapshot of the checkout, or why the directory could not be read. */
export type ReadDirectoryResult =
  | { ok: true; snapshot: RepositorySnapshot }
  | { ok: false; reason: string };

function describeError(e: unknown): string {
  const code =
    e && typeof e === 'object' && 'code' in e
      ? String((e as { code: unknown }).code)
      : undefined;
  if (code === 'ENOENT') return 'it does not exist';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOTDIR') return 'it is not a directory';
  if (code) return code;
  return e instanceof Error ? e.message : String(e);
}

function isInside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel !== '' && !isAbsolute(rel) && rel.split(/[\\/]/)[0] !== '..';
}

/** Reads one policy input as a source would: size, binary content and errors become kinds. */
function readPolicyInput(absolutePath: string): SnapshotFile {
  try {
    const stat = statSync(absolutePath);
    if (!stat.isFile())
      return { kind: 'unavailable', reason: 'not a regular file' };
    // Checked before reading, so a huge file costs nothing.
    if (stat.size > MAX_PARSED_FILE_BYTES)
      return { kind: 'too-large', size: stat.size };
    const bytes = readFileSync(absolutePath);
    if (bytes.includes(0)) return { kind: 'binary' };
    return { kind: 'text', text: bytes.toString('utf8') };
  } catch (e) {
    return {
      kind: 'unavailable',
      reason: `could not be read: ${describeError(e)}`,
    };
  }
}

/**
 * A symbolic link is one path, as git lists it. Its content is read only when it points
 * at a regular file inside the checkout: links out of the tree are never followed.
 */
function readSymlink(root: string, absolutePath: string): SnapshotFile {
  let target: string;
  try {
    target = realpathSync(absolutePath);
  } catch (e) {
    return {
      kind: 'unavailable',
      reason: `broken symbolic link (${describeError(e)})`,
    };
  }
  if (!isInside(root, target)) {
    return {
      kind: 'unavailable',
      reason: 'symbolic link to a path outside the repository (not followed)',
    };
  }
  return readPolicyInput(target);
}

function byName(a: Dirent, b: Dirent): number {
  if (a.name === b.name) return 0;
  return a.name < b.name ? -1 : 1;
}

/**
 * Walks the tree without following symbolic links to directories (so no cycles), listing
 * every path and reading the policy inputs. An unreadable subfolder loses its own files only.
 */
function walk(
  root: string,
  directory: string,
  prefix: string,
  paths: string[],
  files: Record<string, SnapshotFile>,
): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(directory, { withFileTypes: true });
  } catch (e) {
    if (prefix === '') throw e;
    return;
  }
  entries.sort(byName);
  for (const entry of entries) {
    const path = prefix + entry.name;
    const absolute = join(directory, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name)) {
        walk(root, absolute, `${path}/`, paths, files);
      }
      continue;
    }
    if (!entry.isFile() && !entry.isSymbolicLink()) continue;
    paths.push(path);
    if (!isPolicyInput(path)) continue;
    files[path] = entry.isSymbolicLink()
      ? readSymlink(root, absolute)
      : readPolicyInput(absolute);
  }
}

/**
 * Reads a local checkout into a snapshot: every path of the tree (without .git and
 * node_modules), with contents for the policy inputs only.
 */
export function readDirectory(directory: string): ReadDirectoryResult {
  let root: string;
  try {
    root = realpathSync(resolve(directory));
    if (!statSync(root).isDirectory()) {
      return {
        ok: false,
        reason: `cannot read ${directory}: it is not a directory`,
      };
    }
  } catch (e) {
    return {
      ok: false,
      reason: `cannot read ${directory}: ${describeError(e)}`,
    };
  }
  const paths: string[] = [];
  const files: Record<string, SnapshotFile> = {};
  try {
    walk(root, root, '', paths, files);
  } catch (e) {
    return {
      ok: false,
      reason: `cannot read ${directory}: ${describeError(e)}`,
    };
  }
  return {
    ok: true,
    snapshot: snapshotFromFiles(files, { extraPaths: paths }),
  };
}
