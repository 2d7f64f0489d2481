import type { CacheService } from '@backstage/backend-plugin-api';
import {
  RepositorySnapshot,
  snapshotFromFiles,
} from '@go-build-policy/plugin-go-build-policy-node';
import { GithubFailure } from '../github/GithubFailure';
import { GithubHostClient } from '../github/GithubHostClient';
import {
  RepositoryCoordinates,
  RepositoryHead,
} from '../github/RepositoryCoordinates';
import { ScanCostMeter } from '../github/ScanCostMeter';
import { readPolicyFiles } from '../github/readPolicyFiles';
import { readRepositoryHead } from '../github/readRepositoryHead';
import { readRepositoryTree } from '../github/readRepositoryTree';
import { isDirectoryInModuleScope, scopeTree } from '../scanning/scopeToModule';

export type FixSnapshotResult =
  | { ok: true; head: RepositoryHead; snapshot: RepositorySnapshot }
  | { ok: false; failure: GithubFailure };

/**
 * The repository at its current default-branch head, read exactly as the scanner reads
 * it (head, tree, policy files, with the same caches), so that a fix is computed against
 * what is on GitHub now rather than what the last scan saw.
 */
export async function readFixSnapshot(
  client: GithubHostClient,
  cache: CacheService,
  coordinates: RepositoryCoordinates,
  meter: ScanCostMeter,
): Promise<FixSnapshotResult> {
  const head = await readRepositoryHead(client, coordinates, meter);
  if (!head.ok) return head;
  const tree = await readRepositoryTree(
    client,
    cache,
    {
      owner: head.data.owner,
      name: head.data.name,
      commitSha: head.data.commitSha,
      isRelevantDirectory: dir =>
        isDirectoryInModuleScope(dir, coordinates.moduleRoot),
    },
    meter,
  );
  if (!tree.ok) return tree;
  const scoped = scopeTree(tree.data, coordinates.moduleRoot);
  const files = await readPolicyFiles(
    client,
    cache,
    head.data,
    scoped.inputs,
    meter,
  );
  if (!files.ok) return files;
  return {
    ok: true,
    head: head.data,
    snapshot: snapshotFromFiles(files.data.files, {
      extraPaths: scoped.paths,
      commitSha: head.data.commitSha,
    }),
  };
}
