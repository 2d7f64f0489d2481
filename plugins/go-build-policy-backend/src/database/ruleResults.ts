import { Knex } from 'knex';
import { TABLES } from './rows';

/** A row of gbp_rule_results as written. */
export interface RuleResultRow {
  entity_ref: string;
  rule_id: string;
  status: string;
  severity: string;
  failing: boolean;
  entity_score: number | null;
}

interface TallyDelta {
  rule_id: string;
  status: string;
  entities: number;
  score_sum: number;
}

function addDelta(
  deltas: Map<string, TallyDelta>,
  row: Pick<RuleResultRow, 'rule_id' | 'status' | 'entity_score'>,
  sign: 1 | -1,
) {
  const key = `${row.rule_id}\u0000${row.status}`;
  const delta = deltas.get(key) ?? {
    rule_id: row.rule_id,
    status: row.status,
    entities: 0,
    score_sum: 0,
  };
  delta.entities += sign;
  delta.score_sum += sign * Number(row.entity_score ?? 0);
  deltas.set(key, delta);
}

/**
 * Replaces the latest rule results of some entities and moves the per-rule tallies by the
 * difference, in the caller's transaction. The tallies let the org roll-up by rule read a
 * few hundred rows instead of one per entity and rule.
 */
export async function replaceRuleResults(
  tx: Knex.Transaction,
  entityRefs: string[],
  rows: RuleResultRow[],
): Promise<void> {
  const deltas = new Map<string, TallyDelta>();
  for (let i = 0; i < entityRefs.length; i += 500) {
    const chunk = entityRefs.slice(i, i + 500);
    const old = await tx(TABLES.ruleResults)
      .select('rule_id', 'status', 'entity_score')
      .whereIn('entity_ref', chunk);
    old.forEach(row => addDelta(deltas, row, -1));
    await tx(TABLES.ruleResults).whereIn('entity_ref', chunk).delete();
  }
  if (rows.length) await tx.batchInsert(TABLES.ruleResults, rows, 200);
  rows.forEach(row => addDelta(deltas, row, 1));

  // Sorted so that concurrent writers lock tally rows in one order (no deadlocks).
  const changes = [...deltas.values()]
    .filter(d => d.entities !== 0 || d.score_sum !== 0)
    .sort((a, b) =>
      a.rule_id === b.rule_id
        ? a.status.localeCompare(b.status)
        : a.rule_id.localeCompare(b.rule_id),
    );
  if (!changes.length) return;
  const table = TABLES.ruleTallies;
  await tx(table)
    .insert(changes)
    .onConflict(['rule_id', 'status'])
    .merge({
      entities: tx.raw('??.?? + excluded.??', [table, 'entities', 'entities']),
      score_sum: tx.raw('??.?? + excluded.??', [
        table,
        'score_sum',
        'score_sum',
      ]),
    });
}
