import { LocalPathKind, LocalPathTarget } from './types';
import { joinRepoPath, TreeIndex } from './tree';

/**
 * Go's modfile.IsDirectoryPath: whether a replacement (or `use`) names a directory rather
 * than a module. Go checks Unix and Windows spellings alike, since go.mod files move between
 * systems: `./x`, `../x`, `/x`, `.\x`, `..\x`, `\x`, `C:…`.
 */
export function isLocalModulePath(path: string): boolean {
  return localPathKind(path) !== undefined;
}

/** How a directory path is written, or undefined for a module path. */
export function localPathKind(path: string): LocalPathKind | undefined {
  if (/^\.\.?[\\/]/.test(path) || path === '.' || path === '..')
    return 'relative';
  if (path.startsWith('/') || path.startsWith('\\')) return 'absolute';
  if (/^[A-Za-z]:/.test(path)) return 'windows-absolute';
  return undefined;
}

/**
 * Resolves a relative directory against the directory of the file that names it, the way
 * Go joins them (textually: `..` removes a segment, backslashes are separators). Absolute
 * paths and paths that climb above the root are outside the repository.
 */
export function resolveLocalPath(
  fromDir: string,
  written: string,
  tree: TreeIndex,
): LocalPathTarget {
  const kind = localPathKind(written) ?? 'relative';
  const outside: LocalPathTarget = {
    written,
    kind,
    insideRepo: false,
    existsInTree: false,
    hasGoMod: false,
  };
  if (kind !== 'relative') return outside;
  const segments = fromDir ? fromDir.split('/') : [];
  for (const segment of written.split(/[\\/]/)) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (segments.length === 0) return outside;
      segments.pop();
    } else {
      segments.push(segment);
    }
  }
  const repoDir = segments.join('/');
  return {
    written,
    kind,
    repoDir,
    insideRepo: true,
    existsInTree: tree.hasDirectory(repoDir),
    hasGoMod: tree.hasFile(joinRepoPath(repoDir, 'go.mod')),
  };
}
