import { notFound } from '../http/githubErrors';
import {
  RouteContext,
  RouteDefinition,
  SimRequest,
  SimResponse,
} from '../http/types';
import { githubTime, PullRequestRecord } from '../model/pullRequests';
import { SimulatedRepository } from '../model/SimulatedRepository';
import { pullJson, pullSimpleJson } from '../shapes/pullJson';
import { paginate } from './pagination';
import { withRepo } from './repoAccess';
import {
  actorOf,
  invalidRequest,
  validationFailed,
  withWritableRepo,
} from './writeAccess';

const CREATE_DOCS =
  'https://docs.github.com/rest/pulls/pulls#create-a-pull-request';
const LIST_DOCS = 'https://docs.github.com/rest/pulls/pulls#list-pull-requests';

/** `owner:branch` or `branch`; only branches of the same repository are modelled. */
function branchOf(
  repo: SimulatedRepository,
  value: string,
): string | undefined {
  const colon = value.indexOf(':');
  if (colon < 0) return value;
  return value.slice(0, colon).toLowerCase() === repo.owner.toLowerCase()
    ? value.slice(colon + 1)
    : undefined;
}

function lines(content: Buffer | undefined): string[] {
  return content ? content.toString('utf8').split('\n') : [];
}

/** Changed files and line counts between the base and head branches (a line-multiset estimate). */
export function changesOf(repo: SimulatedRepository, pull: PullRequestRecord) {
  const base = repo.branchHead(pull.base);
  const head = repo.branchHead(pull.head);
  const before = base ? repo.filesOf(base.tree) : new Map<string, Buffer>();
  const after = head ? repo.filesOf(head.tree) : new Map<string, Buffer>();
  let files = 0;
  let additions = 0;
  let deletions = 0;
  for (const path of new Set([...before.keys(), ...after.keys()])) {
    const [a, b] = [before.get(path), after.get(path)];
    if (a && b && a.equals(b)) continue;
    files += 1;
    const remaining = new Map<string, number>();
    for (const line of lines(a))
      remaining.set(line, (remaining.get(line) ?? 0) + 1);
    for (const line of lines(b)) {
      const left = remaining.get(line) ?? 0;
      if (left > 0) remaining.set(line, left - 1);
      else additions += 1;
    }
    for (const left of remaining.values()) deletions += left;
  }
  return { files, additions, deletions };
}

export function fullPullJson(
  repo: SimulatedRepository,
  pull: PullRequestRecord,
  context: RouteContext,
) {
  return pullJson(repo, pull, context.urls, changesOf(repo, pull));
}

function createPull(
  request: SimRequest,
  repo: SimulatedRepository,
  body: Record<string, unknown>,
  context: RouteContext,
): SimResponse {
  const { title, head, base, body: text = null, draft = false } = body;
  if (
    typeof title !== 'string' ||
    typeof head !== 'string' ||
    typeof base !== 'string'
  )
    return invalidRequest(
      '"title", "head" and "base" are required.',
      CREATE_DOCS,
    );
  if (text !== null && typeof text !== 'string')
    return invalidRequest('"body" must be a string.', CREATE_DOCS);
  const headBranch = branchOf(repo, head);
  const headCommit = headBranch ? repo.branchHead(headBranch) : undefined;
  if (!headBranch || !headCommit)
    return validationFailed(
      [{ resource: 'PullRequest', field: 'head', code: 'invalid' }],
      CREATE_DOCS,
    );
  const baseCommit = repo.branchHead(base);
  if (!baseCommit)
    return validationFailed(
      [{ resource: 'PullRequest', field: 'base', code: 'invalid' }],
      CREATE_DOCS,
    );
  const existing = repo.pulls.find(
    p => p.state === 'open' && p.head === headBranch && p.base === base,
  );
  if (existing) {
    return validationFailed(
      [
        {
          resource: 'PullRequest',
          code: 'custom',
          message: `A pull request already exists for ${repo.owner}:${headBranch}.`,
        },
      ],
      CREATE_DOCS,
    );
  }
  if (headCommit.sha === baseCommit.sha)
    return validationFailed(
      [
        {
          resource: 'PullRequest',
          code: 'custom',
          message: `No commits between ${base} and ${headBranch}`,
        },
      ],
      CREATE_DOCS,
    );
  const now = githubTime();
  const pull: PullRequestRecord = {
    number: repo.pulls.length + 1,
    title,
    body: text,
    head: headBranch,
    base,
    draft: draft === true,
    state: 'open',
    user: actorOf(request, context),
    createdAt: now,
    updatedAt: now,
    closedAt: null,
    mergedAt: null,
    mergedBy: null,
    mergeCommitSha: null,
  };
  repo.pulls.push(pull);
  return {
    status: 201,
    json: fullPullJson(repo, pull, context),
    headers: {
      location: `${context.urls.api}/repos/${repo.fullName}/pulls/${pull.number}`,
    },
  };
}

function listPulls(
  request: SimRequest,
  repo: SimulatedRepository,
  context: RouteContext,
): SimResponse {
  const state = request.query.get('state') ?? 'open';
  if (!['open', 'closed', 'all'].includes(state))
    return validationFailed(
      [{ resource: 'Issue', field: 'state', code: 'invalid' }],
      LIST_DOCS,
    );
  const head = request.query.get('head');
  const headBranch = head ? branchOf(repo, head) ?? null : undefined;
  const base = request.query.get('base');
  const matching = repo.pulls
    .filter(p => state === 'all' || p.state === state)
    .filter(p => headBranch === undefined || p.head === headBranch)
    .filter(p => !base || p.base === base)
    .sort((a, b) => b.number - a.number);
  return paginate(request, matching, pull =>
    pullSimpleJson(repo, pull, context.urls),
  );
}

/** Pull requests: open one, list them (state, head, base filters), read one. */
export const pullRoutes: RouteDefinition[] = [
  {
    method: 'POST',
    template: '/repos/{owner}/{repo}/pulls',
    handler: (request, context) =>
      withWritableRepo(request, context, CREATE_DOCS, (repo, body) =>
        createPull(request, repo, body, context),
      ),
  },
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/pulls',
    handler: (request, context) =>
      withRepo(request, context, repo => listPulls(request, repo, context)),
  },
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/pulls/{pull_number}',
    handler: (request, context) =>
      withRepo(request, context, repo => {
        const pull = repo.pulls.find(
          p => String(p.number) === request.params.pull_number,
        );
        if (!pull)
          return notFound(
            'https://docs.github.com/rest/pulls/pulls#get-a-pull-request',
          );
        return { status: 200, json: fullPullJson(repo, pull, context) };
      }),
  },
];
