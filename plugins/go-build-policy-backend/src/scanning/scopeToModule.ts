import { isPolicyInput } from '@go-build-policy/plugin-go-build-policy-node';
import { TreeFile } from '../github/RepositoryCoordinates';

/**
 * Narrows a repository to one module of a monorepo (`go-build-policy/module-root`).
 * Paths keep their repository-relative form, because workflows name them that way
 * (`working-directory`, `cache-dependency-path`, `hashFiles`). Kept: everything under the
 * module root, everything under `.github/` (workflows, local actions, dependabot), and the
 * files at the repository root (Makefile, go.work, version files, renovate config).
 * Dropped: the other modules and their Dockerfiles, which belong to other entities.
 */
export function isInModuleScope(
  path: string,
  moduleRoot: string | undefined,
): boolean {
  if (!moduleRoot) return true;
  return (
    path.startsWith(`${moduleRoot}/`) ||
    path.startsWith('.github/') ||
    !path.includes('/') ||
    /^\.(gitlab|renovate)[^/]*\//.test(path)
  );
}

/** Whether a directory may hold files in scope (used to prune truncated tree walks). */
export function isDirectoryInModuleScope(
  dir: string,
  moduleRoot: string | undefined,
): boolean {
  if (!moduleRoot) return true;
  return (
    dir === '.github' ||
    dir.startsWith('.github/') ||
    dir === moduleRoot ||
    dir.startsWith(`${moduleRoot}/`) ||
    moduleRoot.startsWith(`${dir}/`)
  );
}

export interface ScopedTree {
  paths: string[];
  inputs: TreeFile[];
  /** Whether the scope holds a go.mod outside vendor directories. */
  hasGoModule: boolean;
}

/** The paths and policy inputs of a tree, within the module scope. */
export function scopeTree(
  files: readonly TreeFile[],
  moduleRoot: string | undefined,
): ScopedTree {
  const paths: string[] = [];
  const inputs: TreeFile[] = [];
  let hasGoModule = false;
  for (const file of files) {
    if (!isInModuleScope(file.path, moduleRoot)) continue;
    paths.push(file.path);
    if (isPolicyInput(file.path)) inputs.push(file);
    const isGoMod = file.path === 'go.mod' || file.path.endsWith('/go.mod');
    if (isGoMod && !file.path.split('/').includes('vendor')) {
      if (
        !moduleRoot ||
        file.path === `${moduleRoot}/go.mod` ||
        file.path.startsWith(`${moduleRoot}/`)
      ) {
        hasGoModule = true;
      }
    }
  }
  return { paths, inputs, hasGoModule };
}
