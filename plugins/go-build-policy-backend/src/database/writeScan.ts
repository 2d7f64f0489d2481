import { Finding } from '@go-build-policy/plugin-go-build-policy-common';
import { Knex } from 'knex';
import { CompletedScan } from './ScanStore';
import { nextFailingSince, withFailingSince } from './failingSince';
import { replaceRuleResults } from './ruleResults';
import {
  DAY_MS,
  entityInfoColumns,
  EntityRow,
  isPostgres,
  normalizeRef,
  TABLES,
} from './rows';
import { latestResultColumns, ruleResultRows, scanColumns } from './scanRows';

function uniqueByRule(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter(
    f => !seen.has(f.ruleId) && Boolean(seen.add(f.ruleId)),
  );
}

/** Adds the scan to its day's tally (the org trend reads these, not the history). */
async function countInDailyScores(tx: Knex.Transaction, scan: CompletedScan) {
  const table = TABLES.dailyScores;
  await tx(table)
    .insert({
      day: Math.floor(scan.timings.finishedAt.getTime() / DAY_MS),
      scans: 1,
      score_sum: scan.result.score,
    })
    .onConflict('day')
    .merge({
      scans: tx.raw('??.?? + 1', [table, 'scans']),
      score_sum: tx.raw('??.?? + ?', [table, 'score_sum', scan.result.score]),
    });
}

/**
 * Writes a completed scan in the caller's transaction: history row, findings, the day's
 * tally and, unless a newer scan is already latest, the entity's latest result and rule
 * results.
 */
export async function writeScan(
  tx: Knex.Transaction,
  scan: CompletedScan,
): Promise<{ scanId: string }> {
  const ref = normalizeRef(scan.entity.entityRef);
  const [inserted] = await tx(TABLES.scans)
    .insert(scanColumns(ref, scan))
    .returning('id');
  const scanId = String(typeof inserted === 'object' ? inserted.id : inserted);
  const findingRows = uniqueByRule(scan.result.findings).map((f, position) => ({
    scan_id: scanId,
    rule_id: f.ruleId,
    position,
    status: f.status,
    severity: f.severity,
    message: f.message,
    locations: JSON.stringify(f.locations ?? []),
    remediation: f.remediation,
    notes: f.notes?.length ? JSON.stringify(f.notes) : null,
    fix: f.fix ? JSON.stringify(f.fix) : null,
  }));
  if (findingRows.length) {
    await tx.batchInsert(TABLES.findings, findingRows, 200);
  }

  // Lock order, the same in every writer so that none deadlocks: the entity's row, then
  // the shared tallies (rule tallies sorted, then the day), held only until commit.
  await tx(TABLES.entities)
    .insert({ ...entityInfoColumns(scan.entity), state: 'never-scanned' })
    .onConflict('entity_ref')
    .ignore();
  const currentQuery = tx<EntityRow>(TABLES.entities)
    .where('entity_ref', ref)
    .first('scanned_at');
  // Serialises concurrent scans of one entity on PostgreSQL (SQLite has one writer).
  const current = await (isPostgres(tx)
    ? currentQuery.forUpdate()
    : currentQuery);

  // Two replicas may finish scans of one entity out of order: the newest stays latest.
  const finishedAt = scan.timings.finishedAt.getTime();
  if (current?.scanned_at && Number(current.scanned_at) > finishedAt) {
    await tx(TABLES.entities)
      .where('entity_ref', ref)
      .update({ activity: null });
  } else {
    const failingSince = await nextFailingSince(tx, ref, scan);
    await tx(TABLES.entities)
      .where('entity_ref', ref)
      .update({
        ...entityInfoColumns(scan.entity),
        ...latestResultColumns(scan),
        latest_scan_id: scanId,
        failing_since: failingSince.entity,
      });
    await replaceRuleResults(
      tx,
      [ref],
      withFailingSince(
        ruleResultRows(ref, scan.result.findings, scan.result.score),
        failingSince,
      ),
    );
  }
  await countInDailyScores(tx, scan);
  return { scanId };
}
