import { FindingLocation } from '@go-build-policy/plugin-go-build-policy-common';
import { RepositoryInfo } from '../api/types';

/**
 * Web URLs of a repository on its GitHub host. GitHub Enterprise serves its web UI at
 * the integration's host, as github.com does, so the host alone decides the base.
 */
export function repositoryUrl(
  repo: Pick<RepositoryInfo, 'host' | 'owner' | 'name'>,
): string {
  return `https://${repo.host}/${encodeURIComponent(
    repo.owner,
  )}/${encodeURIComponent(repo.name)}`;
}

export function commitUrl(repo: RepositoryInfo, sha: string): string {
  return `${repositoryUrl(repo)}/commit/${sha}`;
}

/** `blob/<sha>/<path>#L<start>-L<end>`: the exact lines, at the scanned commit. */
export function evidenceUrl(
  repo: RepositoryInfo,
  sha: string,
  location: FindingLocation,
): string {
  const path = location.path.split('/').map(encodeURIComponent).join('/');
  const lines =
    location.endLine > location.startLine
      ? `#L${location.startLine}-L${location.endLine}`
      : `#L${location.startLine}`;
  return `${repositoryUrl(repo)}/blob/${sha}/${path}${lines}`;
}

/** A short label for a location: `path:12` or `path:12-15`. */
export function locationLabel(location: FindingLocation): string {
  return location.endLine > location.startLine
    ? `${location.path}:${location.startLine}-${location.endLine}`
    : `${location.path}:${location.startLine}`;
}
