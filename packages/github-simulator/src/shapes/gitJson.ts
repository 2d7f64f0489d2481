import { GitTreeEntry } from '../git/gitObjects';
import { UrlContext } from '../http/types';
import {
  CommitRecord,
  SimulatedRepository,
} from '../model/SimulatedRepository';
import { nodeId } from './nodeId';

function repoApi(repo: SimulatedRepository, urls: UrlContext) {
  return `${urls.api}/repos/${repo.fullName}`;
}

function gitPerson(commit: CommitRecord) {
  return {
    name: commit.author.name,
    email: commit.author.email,
    date: new Date(commit.author.timestamp * 1000)
      .toISOString()
      .replace('.000Z', 'Z'),
  };
}

/** The `commit` shape of GET /repos/{o}/{r}/commits/{ref}; `detailed` adds stats and files. */
export function commitJson(
  repo: SimulatedRepository,
  commit: CommitRecord,
  urls: UrlContext,
  detailed = false,
) {
  const api = repoApi(repo, urls);
  const html = `${urls.web}/${repo.fullName}`;
  const body = {
    sha: commit.sha,
    node_id: nodeId('Commit', commit.sha),
    commit: {
      author: gitPerson(commit),
      committer: gitPerson(commit),
      message: commit.message,
      tree: { sha: commit.tree, url: `${api}/git/trees/${commit.tree}` },
      url: `${api}/git/commits/${commit.sha}`,
      comment_count: 0,
      verification: {
        verified: false,
        reason: 'unsigned',
        signature: null,
        payload: null,
        verified_at: null,
      },
    },
    url: `${api}/commits/${commit.sha}`,
    html_url: `${html}/commit/${commit.sha}`,
    comments_url: `${api}/commits/${commit.sha}/comments`,
    // The fixture author has no GitHub account, as for commits by unknown emails.
    author: null,
    committer: null,
    parents: commit.parents.map(sha => ({
      sha,
      url: `${api}/commits/${sha}`,
      html_url: `${html}/commit/${sha}`,
    })),
  };
  return detailed
    ? { ...body, stats: { total: 0, additions: 0, deletions: 0 }, files: [] }
    : body;
}

/** The `git-commit` shape of POST /repos/{o}/{r}/git/commits. */
export function gitCommitJson(
  repo: SimulatedRepository,
  commit: CommitRecord,
  urls: UrlContext,
) {
  const api = repoApi(repo, urls);
  const html = `${urls.web}/${repo.fullName}`;
  return {
    sha: commit.sha,
    node_id: nodeId('Commit', commit.sha),
    url: `${api}/git/commits/${commit.sha}`,
    html_url: `${html}/commit/${commit.sha}`,
    author: gitPerson(commit),
    committer: gitPerson(commit),
    tree: { sha: commit.tree, url: `${api}/git/trees/${commit.tree}` },
    message: commit.message,
    parents: commit.parents.map(sha => ({
      sha,
      url: `${api}/git/commits/${sha}`,
      html_url: `${html}/commit/${sha}`,
    })),
    verification: {
      verified: false,
      reason: 'unsigned',
      signature: null,
      payload: null,
      verified_at: null,
    },
  };
}

/** The `branch-with-protection` shape of GET /repos/{o}/{r}/branches/{branch}. */
export function branchJson(
  repo: SimulatedRepository,
  commit: CommitRecord,
  urls: UrlContext,
  branch = repo.defaultBranch,
) {
  const api = repoApi(repo, urls);
  return {
    name: branch,
    commit: commitJson(repo, commit, urls),
    _links: {
      self: `${api}/branches/${encodeURIComponent(branch)}`,
      html: `${urls.web}/${repo.fullName}/tree/${branch}`,
    },
    protected: false,
    protection: {
      enabled: false,
      required_status_checks: {
        enforcement_level: 'off',
        contexts: [],
        checks: [],
      },
    },
    protection_url: `${api}/branches/${encodeURIComponent(branch)}/protection`,
  };
}

/** The `git-ref` shape of GET /repos/{o}/{r}/git/ref/heads/{branch}. */
export function refJson(
  repo: SimulatedRepository,
  commit: CommitRecord,
  urls: UrlContext,
  branch = repo.defaultBranch,
) {
  const api = repoApi(repo, urls);
  const ref = `refs/heads/${branch}`;
  return {
    ref,
    node_id: nodeId('Ref', `${repo.id}:${ref}`),
    url: `${api}/git/${ref}`,
    object: {
      sha: commit.sha,
      type: 'commit',
      url: `${api}/git/commits/${commit.sha}`,
    },
  };
}

export interface ListedTreeEntry extends GitTreeEntry {
  path: string;
}

/** The `git-tree` shape; entries carry their full path when listed recursively. */
export function treeJson(
  repo: SimulatedRepository,
  sha: string,
  entries: ListedTreeEntry[],
  truncated: boolean,
  urls: UrlContext,
) {
  const api = repoApi(repo, urls);
  return {
    sha,
    url: `${api}/git/trees/${sha}`,
    tree: entries.map(entry => ({
      path: entry.path,
      mode: entry.mode,
      type: entry.type,
      sha: entry.sha,
      ...(entry.type === 'blob' ? { size: entry.size } : {}),
      url: `${api}/git/${entry.type === 'blob' ? 'blobs' : 'trees'}/${
        entry.sha
      }`,
    })),
    truncated,
  };
}

/** GitHub wraps base64 content at 60 characters, with a trailing newline. */
export function wrappedBase64(content: Buffer): string {
  const encoded = content.toString('base64');
  const lines: string[] = [];
  for (let index = 0; index < encoded.length; index += 60) {
    lines.push(encoded.slice(index, index + 60));
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/** The `blob` shape of GET /repos/{o}/{r}/git/blobs/{sha}. */
export function blobJson(
  repo: SimulatedRepository,
  sha: string,
  content: Buffer,
  urls: UrlContext,
) {
  return {
    sha,
    node_id: nodeId('Blob', `${repo.id}:${sha}`),
    size: content.length,
    url: `${repoApi(repo, urls)}/git/blobs/${sha}`,
    content: wrappedBase64(content),
    encoding: 'base64',
  };
}
