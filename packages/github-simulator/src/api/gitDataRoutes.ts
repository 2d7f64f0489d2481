import {
  emptyRepository,
  githubError,
  notFound,
  tooLargeForBlobs,
} from '../http/githubErrors';
import { RouteContext, RouteDefinition, SimRequest } from '../http/types';
import { SimulatedRepository } from '../model/SimulatedRepository';
import {
  ListedTreeEntry,
  blobJson,
  gitCommitJson,
  treeJson,
} from '../shapes/gitJson';
import { wantsRaw } from './mediaTypes';
import { withRepo } from './repoAccess';

const TREE_DOCS = 'https://docs.github.com/rest/git/trees#get-a-tree';
const BLOB_DOCS = 'https://docs.github.com/rest/git/blobs#get-a-blob';
/** GitHub's blobs API serves files up to 100 MB. */
export const BLOB_API_LIMIT_BYTES = 100 * 1024 * 1024;

/** A tree id, a commit id or a branch name, as GitHub accepts for {tree_sha}. */
function resolveTree(
  repo: SimulatedRepository,
  ref: string,
): string | undefined {
  const object = repo.getObject(ref);
  if (object?.kind === 'tree') return ref.toLowerCase();
  return repo.resolveCommit(ref)?.tree;
}

/** Lists a tree depth-first in git's order, stopping one past `limit`. */
function listRecursively(
  repo: SimulatedRepository,
  treeSha: string,
  limit: number,
): { entries: ListedTreeEntry[]; truncated: boolean } {
  const entries: ListedTreeEntry[] = [];
  const walk = (sha: string, prefix: string): boolean => {
    const tree = repo.getObject(sha);
    if (tree?.kind !== 'tree') return true;
    for (const entry of tree.entries) {
      if (entries.length >= limit) return false;
      const path = prefix ? `${prefix}/${entry.name}` : entry.name;
      entries.push({ ...entry, path });
      if (entry.type === 'tree' && !walk(entry.sha, path)) return false;
    }
    return true;
  };
  const complete = walk(treeSha, '');
  return { entries, truncated: !complete };
}

function treeLimit(repo: SimulatedRepository, context: RouteContext): number {
  return Math.min(
    repo.settings.truncateTreesOver ?? Infinity,
    context.truncateTreesOver,
  );
}

function isRecursive(request: SimRequest): boolean {
  // GitHub enables recursion for any value of the parameter, "0" and "false" included.
  return request.query.has('recursive');
}

/** Git data: trees (recursive, truncated past a limit), blobs and commits. */
export const gitDataRoutes: RouteDefinition[] = [
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/git/commits/{commit_sha}',
    handler: (request, context) =>
      withRepo(request, context, repo => {
        const docs =
          'https://docs.github.com/rest/git/commits#get-a-commit-object';
        if (repo.isEmpty) return emptyRepository(docs);
        const sha = request.params.commit_sha.toLowerCase();
        const commit = /^[0-9a-f]{40}$/.test(sha)
          ? repo.resolveCommit(sha)
          : undefined;
        if (!commit) return notFound(docs);
        return { status: 200, json: gitCommitJson(repo, commit, context.urls) };
      }),
  },
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/git/trees/{+tree_sha}',
    handler: (request, context) => treeOf(request, context),
  },
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/git/blobs/{file_sha}',
    handler: (request, context) =>
      withRepo(request, context, repo => {
        if (repo.isEmpty) return emptyRepository(BLOB_DOCS);
        const blob = repo.getObject(request.params.file_sha);
        if (blob?.kind !== 'blob') return notFound(BLOB_DOCS);
        if (blob.content.length > BLOB_API_LIMIT_BYTES)
          return tooLargeForBlobs();
        if (wantsRaw(request)) {
          return {
            status: 200,
            raw: blob.content,
            contentType: 'application/vnd.github.raw',
          };
        }
        return {
          status: 200,
          json: blobJson(
            repo,
            request.params.file_sha.toLowerCase(),
            blob.content,
            context.urls,
          ),
        };
      }),
  },
];

function treeOf(request: SimRequest, context: RouteContext) {
  return withRepo(request, context, repo => {
    if (repo.isEmpty) return emptyRepository(TREE_DOCS);
    const sha = resolveTree(repo, request.params.tree_sha);
    if (!sha) return githubError(404, 'Not Found', TREE_DOCS);
    if (isRecursive(request)) {
      const { entries, truncated } = listRecursively(
        repo,
        sha,
        treeLimit(repo, context),
      );
      return {
        status: 200,
        json: treeJson(repo, sha, entries, truncated, context.urls),
      };
    }
    const tree = repo.getObject(sha);
    const entries =
      tree?.kind === 'tree'
        ? tree.entries.map(entry => ({ ...entry, path: entry.name }))
        : [];
    return {
      status: 200,
      json: treeJson(repo, sha, entries, false, context.urls),
    };
  });
}
