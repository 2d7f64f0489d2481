import { UrlContext } from '../http/types';
import { Actor, PullRequestRecord } from '../model/pullRequests';
import { SimulatedRepository } from '../model/SimulatedRepository';
import { accountJson } from './accountJson';
import { nodeId } from './nodeId';
import { fullRepositoryJson } from './repositoryJson';

function userJson(actor: Actor, urls: UrlContext) {
  return accountJson(actor.login, actor.type as 'User', urls);
}

function ownerType(repo: SimulatedRepository): 'Organization' | 'User' {
  return repo.settings.ownerType ?? 'Organization';
}

/** The id GitHub would give: stable per repository and number. */
function pullId(repo: SimulatedRepository, pull: PullRequestRecord): number {
  return repo.id * 1000 + pull.number;
}

function branchSide(
  repo: SimulatedRepository,
  branch: string,
  sha: string,
  urls: UrlContext,
) {
  return {
    label: `${repo.owner}:${branch}`,
    ref: branch,
    sha,
    user: accountJson(repo.owner, ownerType(repo), urls),
    repo: fullRepositoryJson(repo, urls),
  };
}

/**
 * The `pull-request-simple` shape of GET /repos/{o}/{r}/pulls. A branch deleted after
 * the merge keeps the sha it had, as GitHub does.
 */
export function pullSimpleJson(
  repo: SimulatedRepository,
  pull: PullRequestRecord,
  urls: UrlContext,
) {
  const api = `${urls.api}/repos/${repo.fullName}`;
  const html = `${urls.web}/${repo.fullName}/pull/${pull.number}`;
  const headSha = repo.branchHead(pull.head)?.sha ?? pull.mergeCommitSha ?? '';
  const baseSha = repo.branchHead(pull.base)?.sha ?? '';
  const link = (href: string) => ({ href });
  return {
    url: `${api}/pulls/${pull.number}`,
    id: pullId(repo, pull),
    node_id: nodeId('PullRequest', pullId(repo, pull)),
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: `${api}/issues/${pull.number}`,
    commits_url: `${api}/pulls/${pull.number}/commits`,
    review_comments_url: `${api}/pulls/${pull.number}/comments`,
    review_comment_url: `${api}/pulls/comments{/number}`,
    comments_url: `${api}/issues/${pull.number}/comments`,
    statuses_url: `${api}/statuses/${headSha}`,
    number: pull.number,
    state: pull.state,
    locked: false,
    title: pull.title,
    user: userJson(pull.user, urls),
    body: pull.body,
    labels: [],
    milestone: null,
    active_lock_reason: null,
    created_at: pull.createdAt,
    updated_at: pull.updatedAt,
    closed_at: pull.closedAt,
    merged_at: pull.mergedAt,
    merge_commit_sha: pull.mergeCommitSha,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    head: branchSide(repo, pull.head, headSha, urls),
    base: branchSide(repo, pull.base, baseSha, urls),
    _links: {
      self: link(`${api}/pulls/${pull.number}`),
      html: link(html),
      issue: link(`${api}/issues/${pull.number}`),
      comments: link(`${api}/issues/${pull.number}/comments`),
      review_comments: link(`${api}/pulls/${pull.number}/comments`),
      review_comment: link(`${api}/pulls/comments{/number}`),
      commits: link(`${api}/pulls/${pull.number}/commits`),
      statuses: link(`${api}/statuses/${headSha}`),
    },
    author_association: 'CONTRIBUTOR',
    auto_merge: null,
    draft: pull.draft,
  };
}

/** The `pull-request` shape of GET/POST /repos/{o}/{r}/pulls[/{number}]. */
export function pullJson(
  repo: SimulatedRepository,
  pull: PullRequestRecord,
  urls: UrlContext,
  changes: { files: number; additions: number; deletions: number },
) {
  return {
    ...pullSimpleJson(repo, pull, urls),
    merged: pull.mergedAt !== null,
    mergeable: pull.state === 'open' ? true : null,
    rebaseable: pull.state === 'open' ? true : null,
    mergeable_state: pull.state === 'open' ? 'clean' : 'unknown',
    merged_by: pull.mergedBy ? userJson(pull.mergedBy, urls) : null,
    comments: 0,
    review_comments: 0,
    maintainer_can_modify: false,
    commits: 1,
    additions: changes.additions,
    deletions: changes.deletions,
    changed_files: changes.files,
  };
}
