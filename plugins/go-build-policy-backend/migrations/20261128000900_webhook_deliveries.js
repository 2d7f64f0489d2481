/*
 * Recent GitHub webhook deliveries, so that a redelivered push (same X-GitHub-Delivery
 * id) queues no second scan, whichever replica receives it. Rows older than the
 * deduplication window are deleted as new deliveries arrive.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('gbp_webhook_deliveries', table => {
    table.comment('GitHub webhook deliveries seen recently, by delivery id');
    table
      .string('delivery_id', 255)
      .primary()
      .comment('The X-GitHub-Delivery header');
    table.bigInteger('received_at').notNullable().comment('Epoch milliseconds');
    table.index(['received_at'], 'gbp_webhook_deliveries_received_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('gbp_webhook_deliveries');
};
