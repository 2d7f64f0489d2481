import { MergeOutcome, mergePullRequest } from '../model/pullRequests';
import { SimulatedRepository } from '../model/SimulatedRepository';

/** The control API's view of a repository's pull requests, newest first. */
export function listPullRequests(repo: SimulatedRepository) {
  return [...repo.pulls]
    .sort((a, b) => b.number - a.number)
    .map(pull => ({
      number: pull.number,
      title: pull.title,
      body: pull.body,
      head: pull.head,
      headSha: repo.branchHead(pull.head)?.sha ?? null,
      base: pull.base,
      state: pull.state,
      merged: pull.mergedAt !== null,
      mergeCommitSha: pull.mergeCommitSha,
      user: pull.user.login,
      createdAt: pull.createdAt,
    }));
}

/** Merges a pull request as a maintainer would from the web page: the base branch moves. */
export function mergeByNumber(
  repo: SimulatedRepository,
  number: number,
): MergeOutcome | { ok: false; status: 404; message: string } {
  const pull = repo.pulls.find(candidate => candidate.number === number);
  if (!pull)
    return { ok: false, status: 404, message: `No pull request #${number}` };
  return mergePullRequest(repo, pull, {
    login: 'simulated-maintainer',
    type: 'User',
  });
}
