import {
  ComplianceLevel,
  computeScore,
  Finding,
  getRuleMetadata,
  RuleCategory,
  ScoreBreakdown,
} from '@go-build-policy/plugin-go-build-policy-common';
import { Knex } from 'knex';
import { CompletedScan, EntityResult } from './ScanStore';
import {
  EntityRow,
  FindingRow,
  findingFromRow,
  isPostgres,
  normalizeRef,
  parseJson,
  ScanRow,
  TABLES,
} from './rows';
import { activeWaiversOf } from './waiverRows';
import { failingSinceForLevel } from './failingSince';

/*
 * Waivers change the effective score (a waived rule counts as passing) and never the
 * findings: a waived rule still shows as failing, with its waiver. The stored latest
 * result (gbp_entities, the rule results and their tallies, which the org roll-ups read)
 * follows the waivers in force; the history keeps the score each scan had when recorded.
 */

type Categories = Partial<Record<RuleCategory, ScoreBreakdown>>;

export interface WaivedScore {
  score: number;
  rawScore: number;
  level: ComplianceLevel;
  rawLevel: ComplianceLevel;
  categories: Categories;
}

/**
 * Scores findings with the waived rules. Categories come from the rule catalogue; a
 * category the stored result holds and the catalogue does not give (extension rules)
 * keeps its stored breakdown. A result the engine judged not applicable (no Go) stays so.
 */
export function scoreWithWaivers(
  findings: readonly Finding[],
  waivedRuleIds: Iterable<string>,
  stored: { categories?: Categories; notApplicable: boolean },
): WaivedScore {
  const result = computeScore(findings, {
    waivedRuleIds,
    categoryOf: id => getRuleMetadata(id)?.category,
  });
  const scored: WaivedScore = {
    score: result.score,
    rawScore: result.rawScore,
    level: result.level,
    rawLevel: result.rawLevel,
    categories: { ...stored.categories, ...result.categories },
  };
  return stored.notApplicable
    ? { ...scored, level: 'not-applicable', rawLevel: 'not-applicable' }
    : scored;
}

/**
 * The scan with the waived rules applied to its scores. Unchanged when nothing is waived
 * and the scan was scored without waivers.
 */
function applyToScan(scan: CompletedScan, waived: string[]): CompletedScan {
  const { result } = scan;
  const unwaived =
    result.score === result.rawScore && result.level === result.rawLevel;
  if (!waived.length && unwaived) return scan;
  const scored = scoreWithWaivers(result.findings, waived, {
    categories: result.categories,
    notApplicable: result.rawLevel === 'not-applicable',
  });
  return { ...scan, result: { ...result, ...scored } };
}

function sameRules(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

/**
 * Records a scan with the entity's waivers in force at `now` applied to its scores (the
 * history row, the day's tally and the latest result), in the caller's transaction.
 * `write` locks the entity's row; a waiver created or revoked before that lock and after
 * the first read is caught by the second read, and the latest result recomputed.
 */
export async function recordScanWithWaivers(
  tx: Knex.Transaction,
  scan: CompletedScan,
  now: Date,
  write: (
    tx: Knex.Transaction,
    scan: CompletedScan,
  ) => Promise<{ scanId: string }>,
): Promise<{ scanId: string }> {
  const ref = normalizeRef(scan.entity.entityRef);
  const ruleIdsInForce = async () =>
    (await activeWaiversOf(tx, ref, now)).map(w => w.ruleId);
  const waived = await ruleIdsInForce();
  const written = await write(tx, applyToScan(scan, waived));
  if (!sameRules(waived, await ruleIdsInForce())) {
    await reapplyWaivers(tx, ref, now);
  }
  return written;
}

/**
 * Moves the entity's score in its rule results and the per-rule tallies by the change,
 * updating in place so that other columns of the rule results stay as they are.
 */
async function rescoreRuleResults(
  tx: Knex.Transaction,
  entityRef: string,
  score: number,
): Promise<void> {
  const rows: Array<{
    rule_id: string;
    status: string;
    entity_score: number | null;
  }> = await tx(TABLES.ruleResults)
    .select('rule_id', 'status', 'entity_score')
    .where('entity_ref', entityRef);
  await tx(TABLES.ruleResults)
    .where('entity_ref', entityRef)
    .update({ entity_score: score });
  const deltas = new Map<
    string,
    { rule_id: string; status: string; delta: number }
  >();
  for (const row of rows) {
    const key = `${row.rule_id}\u0000${row.status}`;
    const entry = deltas.get(key) ?? {
      rule_id: row.rule_id,
      status: row.status,
      delta: 0,
    };
    entry.delta += score - Number(row.entity_score ?? 0);
    deltas.set(key, entry);
  }
  // Sorted as every writer of the tallies locks them: no deadlock between writers.
  const changes = [...deltas.values()]
    .filter(d => d.delta !== 0)
    .sort((a, b) =>
      a.rule_id === b.rule_id
        ? a.status.localeCompare(b.status)
        : a.rule_id.localeCompare(b.rule_id),
    );
  for (const change of changes) {
    await tx(TABLES.ruleTallies)
      .where({ rule_id: change.rule_id, status: change.status })
      .increment('score_sum', change.delta);
  }
}

/**
 * Recomputes the entity's stored latest result from its stored findings with the waivers
 * in force at `now`, in the caller's transaction (after a waiver is created, revoked or
 * expires). Locks the entity's row first, as scans do. False when it has no scored result.
 * `changedAt` is when the waivers changed (an expiry time, for the late-running sweep):
 * an entity that becomes noncompliant has failed since then, not since `now`.
 */
export async function reapplyWaivers(
  tx: Knex.Transaction,
  entityRef: string,
  now: Date,
  changedAt: Date = now,
): Promise<boolean> {
  const ref = normalizeRef(entityRef);
  const query = tx<EntityRow>(TABLES.entities)
    .where('entity_ref', ref)
    .first('latest_scan_id');
  const entity = await (isPostgres(tx) ? query.forUpdate() : query);
  if (!entity || entity.latest_scan_id === null) return false;
  const scan = await tx<ScanRow>(TABLES.scans)
    .where('id', entity.latest_scan_id)
    .first('categories', 'raw_level');
  if (!scan) return false;
  const findingRows: FindingRow[] = await tx(TABLES.findings)
    .where('scan_id', entity.latest_scan_id)
    .orderBy('position');
  const waived = (await activeWaiversOf(tx, ref, now)).map(w => w.ruleId);
  const scored = scoreWithWaivers(findingRows.map(findingFromRow), waived, {
    categories: parseJson<Categories>(scan.categories, {}),
    notApplicable: scan.raw_level === 'not-applicable',
  });
  await tx(TABLES.entities)
    .where('entity_ref', ref)
    .update({
      score: scored.score,
      raw_score: scored.rawScore,
      level: scored.level,
      // A waiver that ends makes the entity noncompliant from now; one that covers the
      // last failure makes it compliant.
      ...failingSinceForLevel(tx, scored.level, changedAt),
    });
  await rescoreRuleResults(tx, ref, scored.score);
  return true;
}

/**
 * The entity's result with the waivers in force at `now`: exact at once, even before the
 * expiry sweep has updated the stored result.
 */
export async function withActiveWaivers(
  db: Knex,
  result: EntityResult,
  now: Date,
): Promise<EntityResult> {
  const ref = normalizeRef(result.entity.entityRef);
  const waivers = await activeWaiversOf(db, ref, now);
  if (result.scanId === undefined || result.score === undefined) {
    return { ...result, waivers };
  }
  const scored = scoreWithWaivers(
    result.findings,
    waivers.map(w => w.ruleId),
    {
      categories: result.categories,
      notApplicable: result.level === 'not-applicable',
    },
  );
  return {
    ...result,
    score: scored.score,
    rawScore: scored.rawScore,
    level: scored.level,
    categories: scored.categories,
    waivers,
  };
}
