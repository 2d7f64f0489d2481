import type { FixPullRequestState } from '@go-build-policy/plugin-go-build-policy-common';
import type { PullRequestStore } from '../database/PullRequestStore';

/** The fields of GitHub's `pull_request` webhook event the plugin reads. */
interface PullRequestEvent {
  action?: unknown;
  number?: unknown;
  pull_request?: { merged?: unknown; number?: unknown };
  repository?: {
    name?: unknown;
    html_url?: unknown;
    owner?: { login?: unknown };
  };
}

export type PullRequestStateChange =
  | {
      kind: 'change';
      repository: string;
      number: number;
      state: FixPullRequestState;
    }
  | { kind: 'ignored'; reason: string }
  | { kind: 'invalid'; message: string };

/**
 * What a `pull_request` delivery means for a recorded fix pull request: closed (merged
 * or not) and reopened change its state; other actions (edits, reviews, syncs) do not.
 * The repository key is `host/owner/name`, as the store records it.
 */
export function pullRequestStateChange(
  event: PullRequestEvent,
): PullRequestStateChange {
  const action = event.action;
  if (action !== 'closed' && action !== 'reopened') {
    return {
      kind: 'ignored',
      reason: `pull_request ${String(action)} changes no state`,
    };
  }
  const repo = event.repository;
  const number = Number(event.pull_request?.number ?? event.number);
  if (
    typeof repo?.name !== 'string' ||
    typeof repo.owner?.login !== 'string' ||
    typeof repo.html_url !== 'string' ||
    !Number.isInteger(number) ||
    number < 1
  ) {
    return {
      kind: 'invalid',
      message: 'The pull_request payload has no repository or number',
    };
  }
  let host: string;
  try {
    host = new URL(repo.html_url).host;
  } catch {
    return { kind: 'invalid', message: 'The repository URL is not valid' };
  }
  let state: FixPullRequestState = 'open';
  if (action === 'closed') {
    state = event.pull_request?.merged === true ? 'merged' : 'closed';
  }
  return {
    kind: 'change',
    repository: `${host}/${repo.owner.login}/${repo.name}`.toLocaleLowerCase(
      'en-US',
    ),
    number,
    state,
  };
}

/** Applies a state change to the recorded fix pull request, if the plugin opened it. */
export async function applyPullRequestStateChange(
  store: Pick<PullRequestStore, 'setState'>,
  change: Extract<PullRequestStateChange, { kind: 'change' }>,
): Promise<void> {
  await store.setState(change.repository, change.number, change.state);
}
