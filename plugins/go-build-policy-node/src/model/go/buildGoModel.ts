import { RepositorySnapshot } from '../../snapshot/RepositorySnapshot';
import { readDependabotConfig } from './dependabot';
import { resolveLocalPath } from './localPaths';
import { parseGoMod, unreadableGoMod } from './parseGoMod';
import { parseGoWork, unreadableGoWork } from './parseGoWork';
import { readText } from './readText';
import { readRenovateConfigs } from './renovate';
import { dirOf, joinRepoPath, TreeIndex } from './tree';
import { GoModel, GoModule, GoWorkFile } from './types';
import { readVersionFiles } from './versionFiles';

/** Go ignores modules in vendor/ and testdata/ trees (they are copies and test inputs). */
function isIgnoredByGo(path: string): boolean {
  const segments = path.split('/');
  segments.pop();
  return segments.some(s => s === 'vendor' || s === 'testdata');
}

/** Root first, then by path, so findings list modules in a stable, readable order. */
function byDepthThenPath(a: string, b: string): number {
  const rootA = a.includes('/') ? 1 : 0;
  const rootB = b.includes('/') ? 1 : 0;
  if (rootA !== rootB) return rootA - rootB;
  return a < b ? -1 : Number(a > b);
}

function filesNamed(paths: readonly string[], name: string): string[] {
  const suffix = `/${name}`;
  return paths
    .filter(p => (p === name || p.endsWith(suffix)) && !isIgnoredByGo(p))
    .sort(byDepthThenPath);
}

function readWorkspace(
  snapshot: RepositorySnapshot,
  tree: TreeIndex,
  path: string,
): GoWorkFile {
  const dir = dirOf(path);
  const read = readText(snapshot, path);
  const workspace = read.ok
    ? parseGoWork(path, read.text, written =>
        resolveLocalPath(dir, written, tree),
      )
    : unreadableGoWork(path, read.reason);
  const sumPath = joinRepoPath(dir, 'go.work.sum');
  if (tree.hasFile(sumPath)) workspace.sumPath = sumPath;
  return workspace;
}

function readModule(
  snapshot: RepositorySnapshot,
  tree: TreeIndex,
  goModPath: string,
  workspaces: GoWorkFile[],
): GoModule {
  const dir = dirOf(goModPath);
  const read = readText(snapshot, goModPath);
  const file = read.ok
    ? parseGoMod(goModPath, read.text, written =>
        resolveLocalPath(dir, written, tree),
      )
    : unreadableGoMod(goModPath, read.reason);
  const module: GoModule = {
    goModPath,
    dir,
    file,
    requiredPaths: file.requires.map(r => r.path),
  };
  const goSumPath = joinRepoPath(dir, 'go.sum');
  if (tree.hasFile(goSumPath)) module.goSumPath = goSumPath;
  const modulesTxt = joinRepoPath(dir, 'vendor/modules.txt');
  if (tree.hasFile(modulesTxt)) module.vendorModulesTxtPath = modulesTxt;
  const workspace = workspaces.find(w =>
    w.uses.some(u => u.target.repoDir === dir),
  );
  if (workspace) module.workspace = workspace;
  return module;
}

/**
 * Builds the Go model of a snapshot: parses every go.mod and go.work once, notes go.sum,
 * go.work.sum and vendor/modules.txt presence from the tree listing, and reads the version
 * files and update-bot configs. Never throws: unreadable or broken files become problems.
 */
export function buildGoModel(snapshot: RepositorySnapshot): GoModel {
  const tree = new TreeIndex(snapshot);
  const hasFile = (path: string) => tree.hasFile(path);
  const workspaces = filesNamed(snapshot.paths, 'go.work').map(path =>
    readWorkspace(snapshot, tree, path),
  );
  const modules = filesNamed(snapshot.paths, 'go.mod').map(path =>
    readModule(snapshot, tree, path, workspaces),
  );
  const byDir = new Map(modules.map(m => [m.dir, m]));
  return {
    modules,
    rootModule: byDir.get(''),
    workspaces,
    versionFiles: readVersionFiles(snapshot, hasFile),
    updateBots: {
      dependabot: readDependabotConfig(snapshot, hasFile),
      renovate: readRenovateConfigs(snapshot, hasFile),
    },
    hasFile,
    hasDirectory: dir => tree.hasDirectory(dir),
    moduleForDir(dir) {
      for (let current = dir; ; current = dirOf(current)) {
        const module = byDir.get(current);
        if (module || current === '') return module;
      }
    },
  };
}
