/*
 * Fills a SQLite file with scan results through the backend's own store
 * (DatabaseScanStore, with its migrations), so a backend started on that file serves
 * an organisation of any size. Deterministic: the same count gives the same data.
 */
const path = require('node:path');
const { ROOT } = require('./demo');

function loadTypeScript() {
  // The hook `backstage-cli package start` uses: lets Node require the TypeScript sources.
  require('@backstage/cli/config/nodeTransform.cjs');
  const store = require(path.join(
    ROOT,
    'plugins/go-build-policy-backend/src/database/DatabaseScanStore.ts',
  ));
  const common = require(path.join(
    ROOT,
    'plugins/go-build-policy-common/src/index.ts',
  ));
  return { DatabaseScanStore: store.DatabaseScanStore, common };
}

/** A small linear congruential generator: reproducible "random" data. */
function prng(seed) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function findingsFor(rules, random) {
  return rules.map(rule => {
    const roll = random();
    const status =
      roll < 0.55
        ? 'pass'
        : roll < 0.75
        ? 'fail'
        : roll < 0.85
        ? 'warn'
        : 'not-applicable';
    return {
      ruleId: rule.id,
      status,
      severity: rule.defaultSeverity,
      message: `${rule.title}: ${status}`,
      locations:
        status === 'fail' || status === 'warn'
          ? [{ path: '.github/workflows/ci.yml', startLine: 10, endLine: 14 }]
          : [],
      remediation: rule.remediation,
    };
  });
}

/**
 * @param {{ file: string, count: number, owners?: number, systems?: number }} options
 * @returns {Promise<{ entities: number, ms: number }>}
 */
async function seedStore({ file, count, owners = 40, systems = 120 }) {
  const { DatabaseScanStore, common } = loadTypeScript();
  const knex = require('knex')({
    client: 'better-sqlite3',
    connection: { filename: file },
    useNullAsDefault: true,
  });
  const started = Date.now();
  try {
    await knex.migrate.latest({
      directory: DatabaseScanStore.migrationsDirectory,
    });
    const store = new DatabaseScanStore(knex);
    const random = prng(42);
    const now = Date.now();
    for (let i = 0; i < count; i++) {
      const name = `service-${String(i).padStart(5, '0')}`;
      const findings = findingsFor(common.RULES, random);
      const result = common.computeScore(findings, {
        categoryOf: id => common.getRuleMetadata(id)?.category,
      });
      const finishedAt = new Date(now - Math.floor(random() * 30) * 86_400_000);
      await store.recordScan({
        entity: {
          entityRef: `component:default/${name}`,
          kind: 'Component',
          type: 'service',
          owner: `group:default/team-${i % owners}`,
          system: `system:default/system-${i % systems}`,
          domain: `domain:default/domain-${i % 8}`,
          lifecycle: 'production',
        },
        repository: {
          host: 'github.com',
          owner: 'acme',
          name,
          defaultBranch: 'main',
          commitSha: (i.toString(16) + 'a'.repeat(40)).slice(0, 40),
        },
        result: { ...result, findings },
        policyFingerprint: 'measure',
        cost: { requests: 3, rateLimitPoints: 3 },
        timings: {
          startedAt: new Date(finishedAt.getTime() - 1000),
          finishedAt,
        },
      });
    }
  } finally {
    await knex.destroy();
  }
  return { entities: count, ms: Date.now() - started };
}

module.exports = { seedStore };
