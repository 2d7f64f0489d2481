/*
 * Waivers: a rule waived for one entity until a date, with the reason and who decided it.
 *
 * A waiver is active while it is neither revoked nor past `expires_at`; the state is
 * computed from the times, never stored. At most one waiver of an entity and rule is
 * active at a time: the store checks it under the entity's row lock (a unique index
 * cannot say "not expired yet").
 * Times are epoch milliseconds (bigint) and entity refs lower-cased, as in the init migration.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('gbp_waivers', table => {
    table.comment('Rules waived per entity until a date');
    table.string('id', 36).primary().comment('Random UUID');
    table.string('entity_ref', 512).notNullable().comment('Lower-cased');
    table.string('rule_id', 128).notNullable();
    table.text('reason').notNullable();
    table.bigInteger('expires_at').notNullable();
    table.string('created_by', 512).notNullable();
    table.bigInteger('created_at').notNullable();
    table.string('revoked_by', 512).nullable();
    table.bigInteger('revoked_at').nullable();
    table
      .boolean('expiry_applied')
      .notNullable()
      .defaultTo(false)
      .comment(
        "The entity's stored result was recomputed after this waiver expired (expiry sweep)",
      );
    table.index(['entity_ref', 'rule_id'], 'gbp_waivers_entity_rule_idx');
    table.index(['expiry_applied', 'expires_at'], 'gbp_waivers_expiry_idx');
    table.index(['created_at'], 'gbp_waivers_created_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('gbp_waivers');
};
