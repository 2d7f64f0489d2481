/*
 * The scan queue of go-build-policy, shared by every replica of the plugin.
 *
 * A global "enqueue" task upserts due entities; a worker on each replica claims rows
 * atomically (PostgreSQL `FOR UPDATE SKIP LOCKED`, SQLite's single writer) under a lease
 * that another replica may take over once it expires, so a dead replica loses no work.
 * Times are epoch milliseconds (bigint), as in the init migration.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('gbp_scan_queue', table => {
    table.comment(
      'Entities waiting to be scanned, and the lease of the replica scanning one',
    );
    table.string('entity_ref', 512).primary().comment('Lower-cased entity ref');
    table
      .string('reason', 32)
      .notNullable()
      .comment('schedule, request or webhook');
    table.integer('priority').notNullable().defaultTo(0);
    table
      .bigInteger('due_at')
      .notNullable()
      .comment('Not claimed before this time');
    table
      .integer('generation')
      .notNullable()
      .defaultTo(0)
      .comment(
        'Bumped by every enqueue; a scan completes only the generation it claimed',
      );
    table.integer('attempts').notNullable().defaultTo(0);
    table.string('lease_owner', 255).nullable();
    table.bigInteger('lease_expires_at').nullable();
    table.text('last_error').nullable();
    table.bigInteger('enqueued_at').notNullable();
    table.index(['due_at'], 'gbp_scan_queue_due_idx');
  });

  await knex.schema.createTable('gbp_scan_targets', table => {
    table.comment('Which repository each selected entity reads, for webhooks');
    table.string('entity_ref', 512).primary().comment('Lower-cased entity ref');
    table.string('repo_host', 255).notNullable().comment('Lower-cased');
    table.string('repo_owner', 255).notNullable().comment('Lower-cased');
    table.string('repo_name', 255).notNullable().comment('Lower-cased');
    table.bigInteger('updated_at').notNullable();
    table.index(
      ['repo_host', 'repo_owner', 'repo_name'],
      'gbp_scan_targets_repo_idx',
    );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('gbp_scan_targets');
  await knex.schema.dropTable('gbp_scan_queue');
};
