import { UrlContext } from '../http/types';
import { SimulatedRepository } from '../model/SimulatedRepository';
import { accountJson } from './accountJson';
import { nodeId } from './nodeId';

function ownerType(repo: SimulatedRepository) {
  return repo.settings.ownerType ?? 'Organization';
}

/** The `minimal-repository` shape of listings (/orgs/{org}/repos). */
export function minimalRepositoryJson(
  repo: SimulatedRepository,
  urls: UrlContext,
) {
  const api = `${urls.api}/repos/${repo.fullName}`;
  const html = `${urls.web}/${repo.fullName}`;
  const pushedAt = repo.pushedAt ?? repo.createdAt;
  return {
    id: repo.id,
    node_id: nodeId('Repository', repo.id),
    name: repo.name,
    full_name: repo.fullName,
    private: Boolean(repo.settings.private),
    owner: accountJson(repo.owner, ownerType(repo), urls),
    html_url: html,
    description: repo.settings.description ?? null,
    fork: false,
    url: api,
    forks_url: `${api}/forks`,
    keys_url: `${api}/keys{/key_id}`,
    collaborators_url: `${api}/collaborators{/collaborator}`,
    teams_url: `${api}/teams`,
    hooks_url: `${api}/hooks`,
    issue_events_url: `${api}/issues/events{/number}`,
    events_url: `${api}/events`,
    assignees_url: `${api}/assignees{/user}`,
    branches_url: `${api}/branches{/branch}`,
    tags_url: `${api}/tags`,
    blobs_url: `${api}/git/blobs{/sha}`,
    git_tags_url: `${api}/git/tags{/sha}`,
    git_refs_url: `${api}/git/refs{/sha}`,
    trees_url: `${api}/git/trees{/sha}`,
    statuses_url: `${api}/statuses/{sha}`,
    languages_url: `${api}/languages`,
    stargazers_url: `${api}/stargazers`,
    contributors_url: `${api}/contributors`,
    subscribers_url: `${api}/subscribers`,
    subscription_url: `${api}/subscription`,
    commits_url: `${api}/commits{/sha}`,
    git_commits_url: `${api}/git/commits{/sha}`,
    comments_url: `${api}/comments{/number}`,
    issue_comment_url: `${api}/issues/comments{/number}`,
    contents_url: `${api}/contents/{+path}`,
    compare_url: `${api}/compare/{base}...{head}`,
    merges_url: `${api}/merges`,
    archive_url: `${api}/{archive_format}{/ref}`,
    downloads_url: `${api}/downloads`,
    issues_url: `${api}/issues{/number}`,
    pulls_url: `${api}/pulls{/number}`,
    milestones_url: `${api}/milestones{/number}`,
    notifications_url: `${api}/notifications{?since,all,participating}`,
    labels_url: `${api}/labels{/name}`,
    releases_url: `${api}/releases{/id}`,
    deployments_url: `${api}/deployments`,
    created_at: repo.createdAt,
    updated_at: pushedAt,
    pushed_at: pushedAt,
    git_url: `git://${new URL(urls.web).host}/${repo.fullName}.git`,
    ssh_url: `git@${new URL(urls.web).hostname}:${repo.fullName}.git`,
    clone_url: `${html}.git`,
    svn_url: html,
    homepage: null,
    size: repo.sizeKb,
    stargazers_count: 0,
    watchers_count: 0,
    language: repo.isEmpty ? null : repo.settings.language ?? 'Go',
    has_issues: true,
    has_projects: true,
    has_downloads: true,
    has_wiki: false,
    has_pages: false,
    has_discussions: false,
    forks_count: 0,
    mirror_url: null,
    archived: Boolean(repo.settings.archived),
    disabled: false,
    open_issues_count: 0,
    license: null,
    allow_forking: true,
    is_template: false,
    web_commit_signoff_required: false,
    topics: repo.settings.topics ?? [],
    visibility: repo.settings.private ? 'private' : 'public',
    forks: 0,
    open_issues: 0,
    watchers: 0,
    default_branch: repo.defaultBranch,
    permissions: {
      admin: false,
      maintain: false,
      push: false,
      triage: false,
      pull: true,
    },
  };
}

/** The `full-repository` shape of GET /repos/{owner}/{repo}. */
export function fullRepositoryJson(
  repo: SimulatedRepository,
  urls: UrlContext,
) {
  const organization =
    ownerType(repo) === 'Organization'
      ? { organization: accountJson(repo.owner, 'Organization', urls) }
      : {};
  return {
    ...minimalRepositoryJson(repo, urls),
    ...organization,
    network_count: 0,
    subscribers_count: 0,
  };
}
