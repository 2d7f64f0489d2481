import { githubError } from '../http/githubErrors';
import {
  RouteContext,
  RouteDefinition,
  SimRequest,
  SimResponse,
} from '../http/types';
import { SimulatedRepository } from '../model/SimulatedRepository';
import { normaliseFilePath } from '../model/buildTree';
import { gitCommitJson, refJson, treeJson } from '../shapes/gitJson';
import {
  actorOf,
  invalidRequest,
  isSha,
  validationFailed,
  withWritableRepo,
} from './writeAccess';

const DOCS = 'https://docs.github.com/rest/git';
const BLOB_DOCS = `${DOCS}/blobs#create-a-blob`;
const TREE_DOCS = `${DOCS}/trees#create-a-tree`;
const COMMIT_DOCS = `${DOCS}/commits#create-a-commit`;
const CREATE_REF_DOCS = `${DOCS}/refs#create-a-reference`;
const UPDATE_REF_DOCS = `${DOCS}/refs#update-a-reference`;
const DELETE_REF_DOCS = `${DOCS}/refs#delete-a-reference`;
const BLOB_MODES = new Set(['100644', '100755']);

function created(json: unknown, location: string): SimResponse {
  return { status: 201, json, headers: { location } };
}

function createBlob(
  repo: SimulatedRepository,
  body: Record<string, unknown>,
  context: RouteContext,
): SimResponse {
  const { content, encoding = 'utf-8' } = body;
  if (typeof content !== 'string')
    return invalidRequest('"content" wasn\'t supplied.', BLOB_DOCS);
  if (encoding !== 'utf-8' && encoding !== 'base64')
    return invalidRequest(`"encoding" must be utf-8 or base64.`, BLOB_DOCS);
  const bytes = Buffer.from(content, encoding === 'base64' ? 'base64' : 'utf8');
  const sha = repo.storeBlob(bytes);
  const url = `${context.urls.api}/repos/${repo.fullName}/git/blobs/${sha}`;
  return created({ url, sha }, url);
}

/**
 * Writes a tree from `base_tree` plus entries (blobs by sha or content; a null sha
 * deletes the path). Folders are rebuilt from the flat file list, so entries may name
 * nested paths, as GitHub allows. Executable bits are not kept: fixtures have none.
 */
function createTree(
  repo: SimulatedRepository,
  body: Record<string, unknown>,
  context: RouteContext,
): SimResponse {
  const { tree, base_tree: baseTree } = body;
  if (!Array.isArray(tree))
    return invalidRequest('"tree" wasn\'t supplied.', TREE_DOCS);
  let files = new Map<string, Buffer>();
  if (baseTree !== undefined) {
    const base =
      typeof baseTree === 'string' ? repo.getObject(baseTree) : undefined;
    if (base?.kind !== 'tree')
      return validationFailed(
        [{ resource: 'Tree', field: 'base_tree', code: 'invalid' }],
        TREE_DOCS,
      );
    files = repo.filesOf(baseTree as string);
  }
  for (const [index, raw] of tree.entries()) {
    const entry = (
      typeof raw === 'object' && raw !== null ? raw : {}
    ) as Record<string, unknown>;
    const path =
      typeof entry.path === 'string'
        ? normaliseFilePath(entry.path)
        : undefined;
    if (!path)
      return invalidRequest(`tree.${index}.path is invalid.`, TREE_DOCS);
    if (entry.type !== 'blob' || !BLOB_MODES.has(String(entry.mode)))
      return invalidRequest(
        `tree.${index} must be a blob with mode 100644 or 100755.`,
        TREE_DOCS,
      );
    if (entry.sha === null) {
      files.delete(path);
    } else if (typeof entry.content === 'string') {
      files.set(path, Buffer.from(entry.content, 'utf8'));
    } else {
      const blob = isSha(entry.sha) ? repo.getObject(entry.sha) : undefined;
      if (blob?.kind !== 'blob')
        return validationFailed(
          [{ resource: 'Tree', field: `tree.${index}.sha`, code: 'invalid' }],
          TREE_DOCS,
        );
      files.set(path, blob.content);
    }
  }
  const sha = repo.storeTree(files);
  const root = repo.getObject(sha);
  const entries =
    root?.kind === 'tree'
      ? root.entries.map(e => ({ ...e, path: e.name }))
      : [];
  return created(
    treeJson(repo, sha, entries, false, context.urls),
    `${context.urls.api}/repos/${repo.fullName}/git/trees/${sha}`,
  );
}

function signatureTime(value: unknown): number {
  const date =
    typeof value === 'object' && value !== null
      ? (value as { date?: unknown }).date
      : undefined;
  const parsed = typeof date === 'string' ? Date.parse(date) : NaN;
  return Math.floor((Number.isFinite(parsed) ? parsed : Date.now()) / 1000);
}

function createCommit(
  request: SimRequest,
  repo: SimulatedRepository,
  body: Record<string, unknown>,
  context: RouteContext,
): SimResponse {
  const { message, tree, parents = [], author } = body;
  if (typeof message !== 'string')
    return invalidRequest('"message" wasn\'t supplied.', COMMIT_DOCS);
  if (!isSha(tree) || repo.getObject(tree)?.kind !== 'tree')
    return validationFailed(
      [{ resource: 'Commit', field: 'tree', code: 'invalid' }],
      COMMIT_DOCS,
    );
  if (
    !Array.isArray(parents) ||
    parents.some(p => !isSha(p) || !repo.resolveCommit(p))
  )
    return validationFailed(
      [{ resource: 'Commit', field: 'parents', code: 'invalid' }],
      COMMIT_DOCS,
    );
  const person =
    typeof author === 'object' && author !== null
      ? (author as Record<string, unknown>)
      : {};
  const { login } = actorOf(request, context);
  const commit = repo.storeCommit({
    tree: tree.toLowerCase(),
    parents: (parents as string[]).map(p => p.toLowerCase()),
    message,
    author: {
      name: typeof person.name === 'string' ? person.name : login,
      email:
        typeof person.email === 'string'
          ? person.email
          : `${login}@users.noreply.simulator`,
      timestamp: signatureTime(author),
    },
  });
  return created(
    gitCommitJson(repo, commit, context.urls),
    `${context.urls.api}/repos/${repo.fullName}/git/commits/${commit.sha}`,
  );
}

/** Only branches are modelled: `refs/heads/<name>`. */
function branchOfRef(ref: string): string | undefined {
  const branch = /^(?:refs\/)?heads\/(.+)$/.exec(ref)?.[1];
  return branch && normaliseFilePath(branch) === branch ? branch : undefined;
}

function createRef(
  repo: SimulatedRepository,
  body: Record<string, unknown>,
  context: RouteContext,
): SimResponse {
  const { ref, sha } = body;
  if (typeof ref !== 'string' || typeof sha !== 'string')
    return invalidRequest('"ref" and "sha" are required.', CREATE_REF_DOCS);
  if (!/^refs\/.+\/.+/.test(ref))
    return githubError(
      422,
      "Reference name must start with 'refs/' and have at least two slashes.",
      CREATE_REF_DOCS,
    );
  const branch = branchOfRef(ref.slice('refs/'.length));
  if (!branch)
    return githubError(422, `${ref} is not a valid ref name.`, CREATE_REF_DOCS);
  if (repo.branchHead(branch))
    return githubError(422, 'Reference already exists', CREATE_REF_DOCS);
  const commit = isSha(sha) ? repo.resolveCommit(sha) : undefined;
  if (!commit)
    return githubError(422, 'Object does not exist', CREATE_REF_DOCS);
  repo.setBranchHead(branch, commit.sha);
  return created(
    refJson(repo, commit, context.urls, branch),
    `${context.urls.api}/repos/${repo.fullName}/git/refs/heads/${branch}`,
  );
}

function isAncestor(
  repo: SimulatedRepository,
  ancestor: string,
  of: string,
): boolean {
  const queue = [of];
  const seen = new Set<string>();
  for (let sha = queue.shift(); sha; sha = queue.shift()) {
    if (sha === ancestor) return true;
    if (seen.has(sha)) continue;
    seen.add(sha);
    queue.push(...(repo.resolveCommit(sha)?.parents ?? []));
  }
  return false;
}

function updateRef(
  request: SimRequest,
  repo: SimulatedRepository,
  body: Record<string, unknown>,
  context: RouteContext,
): SimResponse {
  const branch = branchOfRef(request.params.ref);
  const current = branch ? repo.branchHead(branch) : undefined;
  if (!branch || !current)
    return githubError(422, 'Reference does not exist', UPDATE_REF_DOCS);
  const { sha, force = false } = body;
  const commit = isSha(sha) ? repo.resolveCommit(sha) : undefined;
  if (!commit)
    return githubError(422, 'Object does not exist', UPDATE_REF_DOCS);
  if (force !== true && !isAncestor(repo, current.sha, commit.sha))
    return githubError(422, 'Update is not a fast forward', UPDATE_REF_DOCS);
  repo.setBranchHead(branch, commit.sha);
  return { status: 200, json: refJson(repo, commit, context.urls, branch) };
}

function deleteRef(request: SimRequest, context: RouteContext): SimResponse {
  return withWritableRepo(
    request,
    context,
    DELETE_REF_DOCS,
    repo => {
      const branch = branchOfRef(request.params.ref);
      if (!branch || !repo.branchHead(branch))
        return githubError(422, 'Reference does not exist', DELETE_REF_DOCS);
      if (branch === repo.defaultBranch)
        return githubError(
          422,
          'Cannot delete the default branch',
          DELETE_REF_DOCS,
        );
      repo.deleteBranch(branch);
      return { status: 204 };
    },
    { bodyOptional: true },
  );
}

/** Git data writes: blobs, trees, commits and branch refs, for one commit of several files. */
export const gitWriteRoutes: RouteDefinition[] = [
  {
    method: 'POST',
    template: '/repos/{owner}/{repo}/git/blobs',
    handler: (request, context) =>
      withWritableRepo(
        request,
        context,
        BLOB_DOCS,
        (repo, body) => createBlob(repo, body, context),
        { allowEmpty: true },
      ),
  },
  {
    method: 'POST',
    template: '/repos/{owner}/{repo}/git/trees',
    handler: (request, context) =>
      withWritableRepo(
        request,
        context,
        TREE_DOCS,
        (repo, body) => createTree(repo, body, context),
        { allowEmpty: true },
      ),
  },
  {
    method: 'POST',
    template: '/repos/{owner}/{repo}/git/commits',
    handler: (request, context) =>
      withWritableRepo(
        request,
        context,
        COMMIT_DOCS,
        (repo, body) => createCommit(request, repo, body, context),
        { allowEmpty: true },
      ),
  },
  {
    method: 'POST',
    template: '/repos/{owner}/{repo}/git/refs',
    handler: (request, context) =>
      withWritableRepo(request, context, CREATE_REF_DOCS, (repo, body) =>
        createRef(repo, body, context),
      ),
  },
  {
    method: 'PATCH',
    template: '/repos/{owner}/{repo}/git/refs/{+ref}',
    handler: (request, context) =>
      withWritableRepo(request, context, UPDATE_REF_DOCS, (repo, body) =>
        updateRef(request, repo, body, context),
      ),
  },
  {
    method: 'DELETE',
    template: '/repos/{owner}/{repo}/git/refs/{+ref}',
    handler: deleteRef,
  },
];
