/*
 * Scan results of go-build-policy.
 *
 * Times are stored as epoch milliseconds (bigint): the same arithmetic (day buckets,
 * retention cut-offs) then works unchanged on SQLite and PostgreSQL.
 * Entity refs are stored lower-cased, as the catalog compares them case-insensitively.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  // One row per scan that produced findings (history).
  await knex.schema.createTable('gbp_scans', table => {
    table.bigIncrements('id').primary();
    table.string('entity_ref', 512).notNullable();
    table.string('repo_host', 255).notNullable();
    table.string('repo_owner', 255).notNullable();
    table.string('repo_name', 255).notNullable();
    table.string('default_branch', 255).notNullable();
    table.string('commit_sha', 64).notNullable();
    table.string('module_root', 1024).nullable();
    table.boolean('archived').notNullable().defaultTo(false);
    table
      .string('policy_fingerprint', 128)
      .notNullable()
      .comment('Hash of the policy settings and rule set the scan ran with');
    table.integer('score').notNullable();
    table.integer('raw_score').notNullable();
    table.string('level', 32).notNullable();
    table.string('raw_level', 32).notNullable();
    table.text('categories').notNullable().comment('JSON: score per category');
    table.text('counts').notNullable().comment('JSON: findings per status');
    table.text('failing_rule_ids').notNullable().comment('JSON array');
    table.integer('requests').notNullable().defaultTo(0);
    table.integer('rate_limit_points').notNullable().defaultTo(0);
    table.bigInteger('started_at').notNullable();
    table.bigInteger('finished_at').notNullable();
    table.integer('fetch_ms').nullable();
    table.integer('evaluate_ms').nullable();
    table.index(['entity_ref', 'finished_at'], 'gbp_scans_entity_time_idx');
    table.index(['finished_at'], 'gbp_scans_time_idx');
  });

  // The findings of each stored scan, one per rule.
  await knex.schema.createTable('gbp_findings', table => {
    table
      .bigInteger('scan_id')
      .notNullable()
      .references('id')
      .inTable('gbp_scans')
      .onDelete('CASCADE');
    table.string('rule_id', 128).notNullable();
    table.integer('position').notNullable();
    table.string('status', 32).notNullable();
    table.string('severity', 16).notNullable();
    table.text('message').notNullable();
    table.text('locations').notNullable().comment('JSON array');
    table.text('remediation').notNullable();
    table.text('notes').nullable().comment('JSON array');
    table.primary(['scan_id', 'rule_id']);
  });

  // The latest state of each entity, with denormalised catalog facts for the org views.
  await knex.schema.createTable('gbp_entities', table => {
    table.string('entity_ref', 512).primary();
    table.string('kind', 255).notNullable();
    table.string('namespace', 255).notNullable();
    table.string('name', 255).notNullable();
    table.string('title', 1024).nullable();
    table.string('type', 255).nullable();
    table.string('owner', 512).nullable();
    table.string('system', 512).nullable();
    table.string('domain', 512).nullable();
    table.string('lifecycle', 255).nullable();
    table.text('tags').notNullable().defaultTo('[]').comment('JSON array');
    table
      .text('search_text')
      .notNullable()
      .defaultTo('')
      .comment(
        'Lower-cased name, title, owner and system for free-text search',
      );
    table
      .string('state', 32)
      .notNullable()
      .comment(
        'Outcome of the last attempt: never-scanned, ok, failed, not-go, no-source',
      );
    table
      .string('activity', 32)
      .nullable()
      .comment('queued or scanning while the scheduler works on the entity');
    table
      .boolean('stale')
      .notNullable()
      .defaultTo(false)
      .comment('The last good result is older than a failed attempt');
    table.text('failure_reason').nullable();
    table.bigInteger('latest_scan_id').nullable();
    table.string('repo_host', 255).nullable();
    table.string('repo_owner', 255).nullable();
    table.string('repo_name', 255).nullable();
    table.string('default_branch', 255).nullable();
    table.string('commit_sha', 64).nullable();
    table.integer('score').nullable();
    table.integer('raw_score').nullable();
    table.string('level', 32).nullable();
    table.string('worst_severity', 16).nullable();
    table
      .integer('worst_severity_rank')
      .notNullable()
      .defaultTo(0)
      .comment(
        '0 none, 1 info, 2 warning, 3 error: sorts by worst failing severity',
      );
    table.integer('failing_count').notNullable().defaultTo(0);
    table.text('failing_rule_ids').notNullable().defaultTo('[]');
    table.bigInteger('scanned_at').nullable();
    table.bigInteger('checked_at').nullable();
    table.index(['owner'], 'gbp_entities_owner_idx');
    table.index(['system'], 'gbp_entities_system_idx');
    table.index(['domain'], 'gbp_entities_domain_idx');
    table.index(['level'], 'gbp_entities_level_idx');
    table.index(['state'], 'gbp_entities_state_idx');
    table.index(['score'], 'gbp_entities_score_idx');
    table.index(['name'], 'gbp_entities_name_idx');
    table.index(['scanned_at'], 'gbp_entities_scanned_idx');
    table.index(['failing_count'], 'gbp_entities_failing_idx');
    table.index(['worst_severity_rank'], 'gbp_entities_severity_idx');
  });

  // Each entity's latest result per rule, for roll-ups and filters by rule.
  await knex.schema.createTable('gbp_rule_results', table => {
    table
      .string('entity_ref', 512)
      .notNullable()
      .references('entity_ref')
      .inTable('gbp_entities')
      .onDelete('CASCADE');
    table.string('rule_id', 128).notNullable();
    table.string('status', 32).notNullable();
    table.string('severity', 16).notNullable();
    table.boolean('failing').notNullable();
    table
      .integer('entity_score')
      .nullable()
      .comment("The entity's score, so the roll-up by rule needs no join");
    table.primary(['entity_ref', 'rule_id']);
    table.index(['rule_id', 'failing'], 'gbp_rule_results_rule_idx');
  });

  // Per rule and status: entities and the sum of their scores, kept in step with
  // gbp_rule_results by the store, so the unfiltered roll-up by rule reads a few hundred
  // rows instead of one per entity and rule.
  await knex.schema.createTable('gbp_rule_tallies', table => {
    table.string('rule_id', 128).notNullable();
    table.string('status', 32).notNullable();
    table.integer('entities').notNullable();
    table.bigInteger('score_sum').notNullable();
    table.primary(['rule_id', 'status']);
  });

  // Per UTC day: scans finished and their score sum, so the org trend reads one row per
  // day instead of the whole history (and survives history pruning).
  await knex.schema.createTable('gbp_daily_scores', table => {
    table.bigInteger('day').primary().comment('Days since 1970-01-01 (UTC)');
    table.integer('scans').notNullable();
    table.bigInteger('score_sum').notNullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('gbp_daily_scores');
  await knex.schema.dropTable('gbp_rule_tallies');
  await knex.schema.dropTable('gbp_rule_results');
  await knex.schema.dropTable('gbp_entities');
  await knex.schema.dropTable('gbp_findings');
  await knex.schema.dropTable('gbp_scans');
};
