import { createHash } from 'node:crypto';
import type { PolicySettings } from '@go-build-policy/plugin-go-build-policy-common';
import type { PolicyRule } from '@go-build-policy/plugin-go-build-policy-node';
import { BUILT_IN_RULES } from '@go-build-policy/plugin-go-build-policy-node';

/** Bumped when the scanner changes what it feeds the engine, so old results are redone. */
const SCANNER_VERSION = 1;

function engineVersion(): string {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('@go-build-policy/plugin-go-build-policy-node/package.json')
      .version;
  } catch {
    return 'unknown';
  }
}

/**
 * Hash of everything besides the commit that decides the findings: the engine version,
 * the rule set, the organisation's settings, learned private modules and the module root.
 * An unchanged head with an unchanged fingerprint needs no new scan.
 */
export function policyFingerprint(input: {
  settings: PolicySettings;
  extraRules: readonly PolicyRule[];
  moduleRoot?: string;
}): string {
  const canonical = JSON.stringify({
    scanner: SCANNER_VERSION,
    engine: engineVersion(),
    rules: [...BUILT_IN_RULES, ...input.extraRules].map(rule => [
      rule.id,
      rule.metadata?.defaultSeverity ?? null,
    ]),
    settings: sortKeys(input.settings),
    moduleRoot: input.moduleRoot ?? null,
  });
  return createHash('sha256').update(canonical).digest('hex').slice(0, 32);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, sortKeys(v)]),
    );
  }
  return value;
}
