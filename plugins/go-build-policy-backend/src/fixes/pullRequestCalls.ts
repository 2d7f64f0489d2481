import type { FixPullRequestState } from '@go-build-policy/plugin-go-build-policy-common';
import { GithubResult } from '../github/GithubFailure';
import { GithubHostClient } from '../github/GithubHostClient';
import { ScanCostMeter } from '../github/ScanCostMeter';

interface Repository {
  owner: string;
  name: string;
}

interface PullResponse {
  number?: number;
  html_url?: string;
  state?: string;
  merged?: boolean;
  merged_at?: string | null;
}

const alreadyExists = (message: string) => /already exists/i.test(message);

/** The state of a pull request on GitHub, or undefined when it cannot be read. */
export async function pullRequestState(
  client: GithubHostClient,
  repository: Repository,
  number: number,
  meter: ScanCostMeter,
): Promise<FixPullRequestState | undefined> {
  if (!repository.owner || !repository.name) return undefined;
  const pull = await client.get<PullResponse>(
    '/repos/{owner}/{repo}/pulls/{pull_number}',
    { owner: repository.owner, repo: repository.name, pull_number: number },
    meter,
  );
  if (!pull.ok) return undefined;
  if (pull.data.merged || pull.data.merged_at) return 'merged';
  return pull.data.state === 'open' ? 'open' : 'closed';
}

/**
 * Creates the branch at `sha`; a branch left by an earlier attempt (same rule, same base
 * commit) is moved there instead, since it holds the same fix.
 */
export async function pointBranchAt(
  client: GithubHostClient,
  repository: Repository,
  branch: string,
  sha: string,
  meter: ScanCostMeter,
): Promise<GithubResult<unknown>> {
  const repo = { owner: repository.owner, repo: repository.name };
  const created = await client.write(
    'POST',
    '/repos/{owner}/{repo}/git/refs',
    { ...repo, ref: `refs/heads/${branch}`, sha },
    meter,
  );
  if (created.ok || !alreadyExists(created.failure.message)) return created;
  return client.write(
    'PATCH',
    '/repos/{owner}/{repo}/git/refs/{ref}',
    { ...repo, ref: `heads/${branch}`, sha, force: true },
    meter,
  );
}

/**
 * Opens the pull request; when GitHub says one is already open for this branch (an
 * earlier attempt opened it but was not recorded), that one is returned.
 */
export async function openOrFindPullRequest(
  client: GithubHostClient,
  repository: Repository,
  pull: { title: string; body: string; head: string; base: string },
  meter: ScanCostMeter,
): Promise<GithubResult<{ number: number; url: string }>> {
  const repo = { owner: repository.owner, repo: repository.name };
  const opened = await client.write<PullResponse>(
    'POST',
    '/repos/{owner}/{repo}/pulls',
    { ...repo, ...pull, maintainer_can_modify: true },
    meter,
  );
  if (opened.ok) return described(opened.data, opened.url);
  if (!alreadyExists(opened.failure.message)) return opened;
  const listed = await client.get<PullResponse[]>(
    '/repos/{owner}/{repo}/pulls',
    { ...repo, head: `${repository.owner}:${pull.head}`, state: 'open' },
    meter,
  );
  if (!listed.ok) return listed;
  const [found] = Array.isArray(listed.data) ? listed.data : [];
  if (!found) return opened;
  return described(found, listed.url);
}

function described(
  data: PullResponse,
  url: string,
): GithubResult<{ number: number; url: string }> {
  if (typeof data.number !== 'number' || !data.html_url) {
    return {
      ok: false,
      failure: {
        kind: 'unexpected',
        message: 'GitHub answered without the pull request number or page',
      },
    };
  }
  return {
    ok: true,
    notModified: false,
    url,
    data: { number: data.number, url: data.html_url },
  };
}
