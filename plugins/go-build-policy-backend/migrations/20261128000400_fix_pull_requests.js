/*
 * Suggested fixes and the pull requests opened with them.
 *
 * `gbp_findings.fix` keeps a finding's fix suggestion (title, description, unified diffs)
 * as JSON, so the entity page shows the patch without rescanning. `gbp_fix_pull_requests`
 * records each pull request the plugin opened: the latest one of a rule is shown on its
 * finding, and an open one is returned instead of opening another.
 * Times are epoch milliseconds (bigint), as in the init migration.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('gbp_findings', table => {
    table.text('fix').nullable().comment('JSON fix suggestion, if any');
  });
  await knex.schema.createTable('gbp_fix_pull_requests', table => {
    table.comment(
      'Pull requests opened from Backstage with the suggested fix of a rule',
    );
    table.bigIncrements('id').primary();
    table
      .string('entity_ref', 512)
      .notNullable()
      .comment('Lower-cased entity ref');
    table.string('rule_id', 128).notNullable();
    table.string('repository', 512).notNullable().comment('host/owner/name');
    table
      .integer('number')
      .notNullable()
      .comment('Pull request number on GitHub');
    table.text('url').notNullable().comment('The pull request page');
    table.string('branch', 255).notNullable();
    table
      .string('base_commit', 64)
      .notNullable()
      .comment('Commit the fix was computed against');
    table.string('state', 16).notNullable().comment('open, closed or merged');
    table.string('created_by', 512).notNullable();
    table.bigInteger('created_at').notNullable();
    table.unique(['repository', 'number']);
    table.index(
      ['entity_ref', 'rule_id'],
      'gbp_fix_pull_requests_entity_rule_idx',
    );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('gbp_fix_pull_requests');
  await knex.schema.alterTable('gbp_findings', table => {
    table.dropColumn('fix');
  });
};
