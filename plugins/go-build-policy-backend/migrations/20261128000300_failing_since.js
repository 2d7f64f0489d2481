/*
 * Failing-since times for the triage queue: since when an entity has been noncompliant,
 * and since when each of its rules has failed, without interruption. The store keeps them
 * as scans arrive; this migration fills them in once from the recorded history.
 *
 * Noncompliant here means a level below silver: gold and silver already exclude a failing
 * error-severity rule that is not waived. A rule fails when its status is fail or error;
 * a scan where the rule passes, or has no finding at all, interrupts the run.
 * Times are epoch milliseconds (bigint), as in the init migration.
 */

// @ts-check

const NONCOMPLIANT_LEVELS = ['bronze', 'needs-work'];
const FAILING_STATUSES = ['fail', 'error'];

/**
 * The earliest scan of the unbroken run that ends at the entity's latest scan: scans after
 * the last one that breaks the run (`breaksRun`, SQL over scan alias `c`), up to the latest.
 * Set-based, correlated on `gbp_entities as e`; the (entity_ref, finished_at) index of
 * gbp_scans keeps each probe to one entity's history.
 *
 * @param {import('knex').Knex} knex
 * @param {string} breaksRun
 * @param {string[]} bindings
 */
function runStart(knex, breaksRun, bindings) {
  return knex.raw(
    `(select min(s.finished_at) from gbp_scans s, gbp_scans l
      where l.id = e.latest_scan_id
        and s.entity_ref = e.entity_ref
        and s.finished_at <= l.finished_at
        and s.finished_at > coalesce((
          select max(c.finished_at) from gbp_scans c
          where c.entity_ref = e.entity_ref
            and c.finished_at <= l.finished_at
            and ${breaksRun}
        ), -1))`,
    bindings,
  );
}

/**
 * Fills failing_since from history: entities first, then their failing rules. Scans of an
 * entity whose latest scan is gone (cannot happen: retention keeps it) fall back to the
 * time of the latest result.
 *
 * @param {import('knex').Knex} knex
 */
async function backfill(knex) {
  const entityStart = runStart(knex, 'c.level not in (?, ?)', [
    ...NONCOMPLIANT_LEVELS,
  ]);
  await knex('gbp_entities as e')
    .whereNotNull('e.latest_scan_id')
    .whereIn('e.level', NONCOMPLIANT_LEVELS)
    .update({
      failing_since: knex.raw('coalesce(?, e.scanned_at)', [entityStart]),
    });

  const ruleStart = runStart(
    knex,
    `not exists (select 1 from gbp_findings f
       where f.scan_id = c.id and f.rule_id = r.rule_id and f.status in (?, ?))`,
    [...FAILING_STATUSES],
  );
  // Correlated on both the rule result (r) and its entity (e).
  await knex('gbp_rule_results as r')
    .where('r.failing', true)
    .update({
      failing_since: knex.raw(
        `(select coalesce(?, e.scanned_at) from gbp_entities e
          where e.entity_ref = r.entity_ref)`,
        [ruleStart],
      ),
    });
}

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('gbp_entities', table => {
    table
      .bigInteger('failing_since')
      .nullable()
      .comment(
        'Since when the entity has been noncompliant without interruption',
      );
    table.index(['failing_since'], 'gbp_entities_failing_since_idx');
  });
  await knex.schema.alterTable('gbp_rule_results', table => {
    table
      .bigInteger('failing_since')
      .nullable()
      .comment(
        'Since when the rule has failed (fail or error) without interruption',
      );
  });
  await backfill(knex);
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  // Plain DROP COLUMN (SQLite 3.35+ has it): knex would rebuild the SQLite table, and
  // dropping the rebuilt gbp_entities would cascade to the rule results.
  await knex.schema.alterTable('gbp_entities', table => {
    table.dropIndex([], 'gbp_entities_failing_since_idx');
  });
  await knex.raw('alter table ?? drop column ??', [
    'gbp_entities',
    'failing_since',
  ]);
  await knex.raw('alter table ?? drop column ??', [
    'gbp_rule_results',
    'failing_since',
  ]);
};
