import type { CacheService } from '@backstage/backend-plugin-api';
import { GithubFailure, isTransient } from './GithubFailure';
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

/** The learned patterns, or the transient failure that kept them from being read. */
export type LearnedPrivateModules =
  | { ok: true; patterns: string[] }
  | { ok: false; failure: GithubFailure };

/**
 * GOPRIVATE-style module patterns for an organisation's private repositories
 * (`host/org/repo`), read from the GitHub API and cached per organisation. The read is
 * bounded: past `maxPages` pages the whole organisation (`host/org/*`) is taken as
 * private, which is the usual GOPRIVATE setting anyway. An owner that is a user rather
 * than an organisation, or credentials that cannot list, give an empty list. A transient
 * failure (rate limit, GitHub unavailable) is returned, not cached: a partial list would
 * score the repository against the wrong private modules.
 */
export async function learnPrivateModules(
  client: GithubHostClient,
  cache: CacheService,
  org: string,
  meter: ScanCostMeter,
  options: LearnPrivateModulesOptions = {},
): Promise<LearnedPrivateModules> {
  const key = `private-modules:${client.host}:${org.toLowerCase()}`;
  const cached = await cache.get<any>(key).catch(() => undefined);
  if (Array.isArray(cached)) return { ok: true, patterns: cached as string[] };
  const maxPages = options.maxPages ?? 5;
  const patterns: string[] = [];
  for (let page = 1; page <= maxPages; page++) {
    const result = await client.get<OrgRepo[]>(
      '/orgs/{org}/repos',
      { org, type: 'private', per_page: 100, page },
      meter,
    );
    if (!result.ok) {
      if (isTransient(result.failure)) return result;
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
  return { ok: true, patterns };
}
