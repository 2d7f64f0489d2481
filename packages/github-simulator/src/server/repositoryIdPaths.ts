import { RepoRegistry } from '../model/RepoRegistry';

/**
 * GitHub redirects old repository names to /repositories/{id}/...; this maps
 * such a path back to /repos/{owner}/{repo}/... (undefined: no such id).
 */
export function resolveRepositoryIdPath(
  path: string,
  registry: RepoRegistry,
): string | undefined {
  const match = /^\/repositories\/(\d+)(\/.*)?$/.exec(path);
  if (!match) return path;
  const repo = registry.getById(Number(match[1]));
  if (!repo) return undefined;
  return `/repos/${encodeURIComponent(repo.owner)}/${encodeURIComponent(
    repo.name,
  )}${match[2] ?? ''}`;
}
