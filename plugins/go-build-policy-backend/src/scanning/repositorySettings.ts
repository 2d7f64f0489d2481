import type { CacheService } from '@backstage/backend-plugin-api';
import type { PolicySettings } from '@go-build-policy/plugin-go-build-policy-common';
import { GithubFailure } from '../github/GithubFailure';
import { GithubHostClient } from '../github/GithubHostClient';
import { ScanCostMeter } from '../github/ScanCostMeter';
import { learnPrivateModules } from '../github/learnPrivateModules';

/**
 * The organisation's policy settings for one repository owner: the configured ones, plus
 * the owner's private repositories as private modules when learning is on. A transient
 * failure to learn them is returned, not papered over: scoring (or fixing) without them
 * would get the private-module rules wrong for GitHub's fault.
 */
export async function repositorySettings(options: {
  client: GithubHostClient;
  cache: CacheService;
  base: PolicySettings;
  learn: boolean;
  owner: string;
  meter: ScanCostMeter;
}): Promise<
  { ok: true; data: PolicySettings } | { ok: false; failure: GithubFailure }
> {
  const { base } = options;
  if (!options.learn) return { ok: true, data: base };
  const learned = await learnPrivateModules(
    options.client,
    options.cache,
    options.owner,
    options.meter,
  );
  if (!learned.ok) return learned;
  if (learned.patterns.length === 0) return { ok: true, data: base };
  const privateModules = [
    ...new Set([...(base.privateModules ?? []), ...learned.patterns]),
  ].sort();
  return { ok: true, data: { ...base, privateModules } };
}
