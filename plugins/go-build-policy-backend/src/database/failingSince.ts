import { ComplianceLevel } from '@go-build-policy/plugin-go-build-policy-common';
import { Knex } from 'knex';
import { CompletedScan } from './ScanStore';
import { RuleResultRow } from './ruleResults';
import { isFailing, TABLES } from './rows';

/**
 * Levels that put a scored entity in the triage queue. Gold and silver already exclude a
 * failing error-severity rule that is not waived, so the level alone decides.
 */
export const NONCOMPLIANT_LEVELS: readonly ComplianceLevel[] = [
  'bronze',
  'needs-work',
];

export function isNoncompliant(level: string | null | undefined): boolean {
  return NONCOMPLIANT_LEVELS.includes(level as ComplianceLevel);
}

/** Failing-since times (epoch ms, null when passing) for a scan becoming latest. */
export interface FailingSince {
  entity: number | null;
  rules: Map<string, number>;
}

function toMillis(value: string | number | null | undefined): number | null {
  return value === null || value === undefined ? null : Number(value);
}

/**
 * Carries failing-since times over from the entity's previous latest result, in the
 * caller's transaction and before it replaces that result: a rule (or the entity) still
 * failing keeps its time, a newly failing one gets the scan's finish time, a passing one
 * none. Only for a scan that becomes latest, so out-of-order scans move nothing.
 */
export async function nextFailingSince(
  tx: Knex.Transaction,
  entityRef: string,
  scan: CompletedScan,
): Promise<FailingSince> {
  const finishedAt = scan.timings.finishedAt.getTime();
  const [previous, previousRules] = await Promise.all([
    tx(TABLES.entities)
      .where('entity_ref', entityRef)
      .whereNotNull('latest_scan_id')
      .first('level', 'failing_since', 'scanned_at'),
    tx(TABLES.ruleResults)
      .where({ entity_ref: entityRef, failing: true })
      .select('rule_id', 'failing_since'),
  ]);
  // A previous result without a recorded time was failing at least since it was scanned.
  const previousTime = (since: unknown) =>
    toMillis(since as string | number | null) ??
    toMillis(previous?.scanned_at) ??
    finishedAt;

  const stillFailing = new Map<string, number>(
    previousRules.map(row => [
      row.rule_id as string,
      previousTime(row.failing_since),
    ]),
  );
  const rules = new Map<string, number>();
  for (const f of scan.result.findings) {
    if (!isFailing(f.status) || rules.has(f.ruleId)) continue;
    rules.set(f.ruleId, stillFailing.get(f.ruleId) ?? finishedAt);
  }

  let entity: number | null = null;
  if (isNoncompliant(scan.result.level)) {
    entity =
      previous && isNoncompliant(previous.level)
        ? previousTime(previous.failing_since)
        : finishedAt;
  }
  return { entity, rules };
}

/** The rule result rows of the scan with their failing-since times. */
export function withFailingSince(
  rows: readonly RuleResultRow[],
  since: FailingSince,
): Array<RuleResultRow & { failing_since: number | null }> {
  return rows.map(row => ({
    ...row,
    failing_since: row.failing ? since.rules.get(row.rule_id) ?? null : null,
  }));
}

/**
 * The entity's failing_since column for an update that changes its effective level without
 * a scan (a waiver created, revoked or expired): it keeps its time while still
 * noncompliant, starts at `at` when it becomes noncompliant, and clears when compliant.
 */
export function failingSinceForLevel(
  db: Knex,
  level: string,
  at: Date,
): { failing_since: Knex.Raw | null } {
  if (!isNoncompliant(level)) return { failing_since: null };
  return {
    failing_since: db.raw('coalesce(??.??, ?)', [
      TABLES.entities,
      'failing_since',
      at.getTime(),
    ]),
  };
}
