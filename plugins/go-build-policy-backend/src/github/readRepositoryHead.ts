import { GithubHostClient } from './GithubHostClient';
import { GithubResult } from './GithubFailure';
import { RepositoryCoordinates, RepositoryHead } from './RepositoryCoordinates';
import { ScanCostMeter } from './ScanCostMeter';

interface RepoResponse {
  full_name?: string;
  default_branch?: string;
  archived?: boolean;
  private?: boolean;
  size?: number;
}

interface RefResponse {
  object?: { sha?: string; type?: string };
}

/**
 * Reads the repository's metadata and its default branch head: two conditional requests,
 * so an unchanged repository answers 304 twice and costs no rate-limit points. A renamed
 * repository answers 301; the client follows it and the new name is reported.
 */
export async function readRepositoryHead(
  client: GithubHostClient,
  coordinates: RepositoryCoordinates,
  meter: ScanCostMeter,
): Promise<GithubResult<RepositoryHead>> {
  const repo = await client.get<RepoResponse>(
    '/repos/{owner}/{repo}',
    { owner: coordinates.owner, repo: coordinates.name },
    meter,
    { conditional: true },
  );
  if (!repo.ok) return repo;
  const [owner, name] = (repo.data.full_name ?? '').split('/');
  const defaultBranch = repo.data.default_branch;
  if (!owner || !name || !defaultBranch) {
    return unexpected(
      'GitHub answered the repository request without a name or default branch',
    );
  }
  // The git ref is the smallest answer that names the head (a branch or commit answer
  // carries the whole commit), and like GitHub it answers 409 for an empty repository.
  const branch = await client.get<RefResponse>(
    '/repos/{owner}/{repo}/git/ref/heads/{branch}',
    { owner, repo: name, branch: defaultBranch },
    meter,
    { conditional: true },
  );
  if (!branch.ok) {
    // GitHub answers 409 for an empty repository. A 404 for the branch is not proof of
    // emptiness (`size` is filled in late, and the ref 404s during a branch rename), so it
    // stays a failure, which keeps the last good result.
    return branch;
  }
  const commitSha = branch.data.object?.sha;
  if (!commitSha)
    return unexpected(
      'GitHub answered the branch ref request without a commit',
    );
  const requested = `${coordinates.owner}/${coordinates.name}`;
  const renamed = requested.toLowerCase() !== `${owner}/${name}`.toLowerCase();
  return {
    ok: true,
    notModified: repo.notModified && branch.notModified,
    url: branch.url,
    data: {
      owner,
      name,
      defaultBranch,
      archived: repo.data.archived === true,
      private: repo.data.private === true,
      commitSha,
      ...(renamed ? { renamedFrom: requested } : {}),
    },
  };
}

function unexpected<T>(message: string): GithubResult<T> {
  return { ok: false, failure: { kind: 'unexpected', message } };
}
