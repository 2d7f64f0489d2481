import {
  computeScore,
  Finding,
  getRuleMetadata,
} from '@go-build-policy/plugin-go-build-policy-common';
import { Knex } from 'knex';
import { DatabaseScanStore } from '../database/DatabaseScanStore';
import { CompletedScan, ScannedEntityInfo } from '../database/ScanStore';

/** A store on a fresh test database, migrated. */
export async function migratedStore(knex: Knex): Promise<DatabaseScanStore> {
  await knex.migrate.latest({
    directory: DatabaseScanStore.migrationsDirectory,
  });
  return new DatabaseScanStore(knex);
}

export function finding(
  ruleId: string,
  status: Finding['status'],
  severity: Finding['severity'] = 'error',
): Finding {
  return {
    ruleId,
    status,
    severity,
    message: `${ruleId} is ${status}`,
    locations:
      status === 'fail'
        ? [{ path: '.github/workflows/ci.yml', startLine: 3, endLine: 4 }]
        : [],
    remediation: `Fix ${ruleId}: \`=cmd\``,
  };
}

export function entity(
  name: string,
  extra: Partial<ScannedEntityInfo> = {},
): ScannedEntityInfo {
  return {
    entityRef: `component:default/${name}`,
    kind: 'Component',
    type: 'service',
    title: `${name} service`,
    owner: 'group:default/team-a',
    system: 'system:default/payments',
    domain: 'domain:default/commerce',
    lifecycle: 'production',
    tags: ['go'],
    ...extra,
  };
}

/** A completed scan of `info` with the given findings, finished at `at`. */
export function completedScan(
  info: ScannedEntityInfo,
  findings: Finding[],
  options: { at?: Date; commitSha?: string; fingerprint?: string } = {},
): CompletedScan {
  const finishedAt = options.at ?? new Date('2026-11-20T10:00:00Z');
  const result = computeScore(findings, {
    categoryOf: id => getRuleMetadata(id)?.category,
  });
  return {
    entity: info,
    repository: {
      host: 'github.com',
      owner: 'acme',
      name: info.entityRef.split('/')[1],
      defaultBranch: 'main',
      commitSha: options.commitSha ?? 'a'.repeat(40),
    },
    result: { ...result, findings },
    policyFingerprint: options.fingerprint ?? 'policy-v1',
    cost: { requests: 4, rateLimitPoints: 3 },
    timings: {
      startedAt: new Date(finishedAt.getTime() - 1000),
      finishedAt,
      fetchMs: 900,
      evaluateMs: 2,
    },
  };
}
