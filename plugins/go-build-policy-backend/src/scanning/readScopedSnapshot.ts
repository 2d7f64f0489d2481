import type { CacheService } from '@backstage/backend-plugin-api';
import {
  RepositorySnapshot,
  snapshotFromFiles,
} from '@go-build-policy/plugin-go-build-policy-node';
import { GithubFailure } from '../github/GithubFailure';
import { GithubHostClient } from '../github/GithubHostClient';
import { RepositoryHead } from '../github/RepositoryCoordinates';
import { ScanCostMeter } from '../github/ScanCostMeter';
import { readPolicyFiles } from '../github/readPolicyFiles';
import { readRepositoryTree } from '../github/readRepositoryTree';
import { isDirectoryInModuleScope, scopeTree } from './scopeToModule';

export type ScopedSnapshotResult =
  | { ok: true; hasGoModule: false }
  | { ok: true; hasGoModule: true; snapshot: RepositorySnapshot }
  | { ok: false; failure: GithubFailure };

/**
 * The repository at `head` as the engine sees it: the tree scoped to the entity's module
 * root, and the policy files read by blob SHA through the shared caches. The scanner and
 * the fix pull-request opener both read through here, so a fix is computed on exactly
 * what a scan would see.
 */
export async function readScopedSnapshot(
  client: GithubHostClient,
  cache: CacheService,
  head: RepositoryHead,
  moduleRoot: string | undefined,
  meter: ScanCostMeter,
  blobConcurrency?: number,
): Promise<ScopedSnapshotResult> {
  const tree = await readRepositoryTree(
    client,
    cache,
    {
      owner: head.owner,
      name: head.name,
      commitSha: head.commitSha,
      isRelevantDirectory: dir => isDirectoryInModuleScope(dir, moduleRoot),
    },
    meter,
  );
  if (!tree.ok) return tree;
  const scoped = scopeTree(tree.data, moduleRoot);
  if (!scoped.hasGoModule) return { ok: true, hasGoModule: false };
  const files = await readPolicyFiles(
    client,
    cache,
    head,
    scoped.inputs,
    meter,
    blobConcurrency,
  );
  if (!files.ok) return files;
  return {
    ok: true,
    hasGoModule: true,
    snapshot: snapshotFromFiles(files.data.files, {
      extraPaths: scoped.paths,
      commitSha: head.commitSha,
    }),
  };
}
