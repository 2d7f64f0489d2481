import type { CacheService } from '@backstage/backend-plugin-api';
import { GithubHostClient } from './GithubHostClient';
import { ScanCostMeter } from './ScanCostMeter';

interface OrgRepo {
  name?: string;
  private?: boolean;
}

export interface LearnPrivateModulesOptions {
  /** Pages of 100 repositories read at most per organisation. */
  maxPages?: number;
  /** How long a learned list is reused. */
  ttlMs?: number;
}

/**
 * GOPRIVATE-style module patterns for an organisation's private repositories
 * (`host/org/repo`), read from the GitHub API and cached per organisation. The read is
 * bounded: past `maxPages` pages the whole organisation (`host/org/*`) is taken as
 * private, which is the usual GOPRIVATE setting anyway. An owner that is a user rather
 * than an organisation, or credentials that cannot list, give an empty list.
 */
export async function learnPrivateModules(
  client: GithubHostClient,
  cache: CacheService,
  org: string,
  meter: ScanCostMeter,
  options: LearnPrivateModulesOptions = {},
): Promise<string[]> {
  const key = `private-modules:${client.host}:${org.toLowerCase()}`;
  const cached = await cache.get<any>(key).catch(() => undefined);
  if (Array.isArray(cached)) return cached as string[];
  const maxPages = options.maxPages ?? 5;
  const patterns: string[] = [];
  for (let page = 1; page <= maxPages; page++) {
    const result = await client.get<OrgRepo[]>(
      '/orgs/{org}/repos',
      { org, type: 'private', per_page: 100, page },
      meter,
    );
    if (!result.ok) {
      // Transient failures are not cached, so the next scan tries again.
      if (
        result.failure.kind === 'rate-limited' ||
        result.failure.kind === 'unavailable'
      ) {
        return patterns;
      }
      break;
    }
    const repos = Array.isArray(result.data) ? result.data : [];
    for (const repo of repos) {
      if (repo.private && repo.name)
        patterns.push(`${client.host}/${org}/${repo.name}`);
    }
    if (repos.length < 100) break;
    if (page === maxPages) {
      patterns.length = 0;
      patterns.push(`${client.host}/${org}/*`);
    }
  }
  await cache
    .set(key, patterns, { ttl: options.ttlMs ?? 24 * 3600_000 })
    .catch(() => {});
  return patterns;
}
