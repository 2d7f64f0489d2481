import type { FileEdit } from '@go-build-policy/plugin-go-build-policy-node';
import { GithubResult } from '../github/GithubFailure';
import { GithubHostClient } from '../github/GithubHostClient';
import { ScanCostMeter } from '../github/ScanCostMeter';

interface CommitResponse {
  sha?: string;
  tree?: { sha?: string };
}

/**
 * Writes every edit of a fix as ONE commit on top of `baseCommit`, through the git data
 * API: the base commit's tree, a new tree with the files' whole contents inline, and a
 * commit. Three requests whatever the number of files; no branch moves yet. Files are
 * written with mode 100644: fixes edit build files (Dockerfiles, workflows, go.mod),
 * never executables.
 */
export async function writeFixCommit(
  client: GithubHostClient,
  repository: { owner: string; name: string },
  baseCommit: string,
  edits: readonly FileEdit[],
  message: string,
  meter: ScanCostMeter,
): Promise<GithubResult<{ sha: string }>> {
  const repo = { owner: repository.owner, repo: repository.name };
  const base = await client.get<CommitResponse>(
    '/repos/{owner}/{repo}/git/commits/{commit_sha}',
    { ...repo, commit_sha: baseCommit },
    meter,
  );
  if (!base.ok) return base;
  const baseTree = base.data.tree?.sha;
  if (!baseTree) return unexpected('GitHub answered a commit without its tree');
  const tree = await client.write<{ sha?: string }>(
    'POST',
    '/repos/{owner}/{repo}/git/trees',
    {
      ...repo,
      base_tree: baseTree,
      tree: edits.map(edit => ({
        path: edit.path,
        mode: '100644',
        type: 'blob',
        content: edit.after,
      })),
    },
    meter,
  );
  if (!tree.ok) return tree;
  if (!tree.data.sha) return unexpected('GitHub created a tree without an id');
  const commit = await client.write<CommitResponse>(
    'POST',
    '/repos/{owner}/{repo}/git/commits',
    { ...repo, message, tree: tree.data.sha, parents: [baseCommit] },
    meter,
  );
  if (!commit.ok) return commit;
  if (!commit.data.sha)
    return unexpected('GitHub created a commit without an id');
  return { ...commit, data: { sha: commit.data.sha } };
}

function unexpected<T>(message: string): GithubResult<T> {
  return { ok: false, failure: { kind: 'unexpected', message } };
}
