/*
 * Org roll-up benchmark (a measurement, not a test): seeds 10,000 entities with history
 * into PostgreSQL and times the store calls behind the org endpoints (median of several
 * runs). Target (DESIGN.md): each answers in under 100 ms.
 *
 *   node --require @backstage/cli/config/nodeTransform.cjs bench/rollups.ts \
 *     [--entities 10000] [--history 10] [--runs 9] [--connection postgresql://postgres@127.0.0.1:5432]
 *     [--keep] [--reuse]
 *
 * It creates its own database (gbp_rollup_bench) and drops it at the end, unless --keep;
 * --reuse times a database kept by an earlier run without seeding it again.
 */
import {
  computeScore,
  Finding,
  FindingStatus,
  getRuleMetadata,
  RULES,
} from '@go-build-policy/plugin-go-build-policy-common';
import knexFactory, { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { DatabaseScanStore } from '../src/database/DatabaseScanStore';
import { CompletedScan } from '../src/database/ScanStore';
import { isNoncompliant } from '../src/database/failingSince';
import { DAY_MS, entityInfoColumns, TABLES } from '../src/database/rows';
import { WAIVERS_TABLE } from '../src/database/waiverRows';
import {
  latestResultColumns,
  ruleResultRows,
  scanColumns,
} from '../src/database/scanRows';

const DATABASE = 'gbp_rollup_bench';

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : fallback;
}

/** Deterministic pseudo-random numbers (mulberry32), so runs are comparable. */
function random(initial: number) {
  let state = initial;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const next = random(42);

function pickStatus(failRate: number): FindingStatus {
  const r = next();
  if (r < failRate) return 'fail';
  if (r < failRate + 0.05) return 'warn';
  if (r < failRate + 0.25) return 'not-applicable';
  return 'pass';
}

function scanOf(index: number, at: Date, failRate: number): CompletedScan {
  const team = `group:default/team-${index % 250}`;
  const system = `system:default/system-${index % 800}`;
  const findings: Finding[] = RULES.map(rule => ({
    ruleId: rule.id,
    status: pickStatus(failRate),
    severity: rule.defaultSeverity,
    message: `${rule.id} result`,
    locations: [],
    remediation: rule.remediation,
  }));
  const score = computeScore(findings, {
    categoryOf: id => getRuleMetadata(id)?.category,
  });
  return {
    entity: {
      entityRef: `component:default/service-${index}`,
      kind: 'Component',
      type: 'service',
      title: `Service ${index}`,
      owner: team,
      system,
      domain: `domain:default/domain-${index % 12}`,
      lifecycle: 'production',
      tags: ['go'],
    },
    repository: {
      host: 'github.com',
      owner: 'acme',
      name: `service-${index}`,
      defaultBranch: 'main',
      commitSha: `${index}`.padStart(40, '0'),
    },
    result: { ...score, findings },
    policyFingerprint: 'bench',
    cost: { requests: 3, rateLimitPoints: 3 },
    timings: { startedAt: at, finishedAt: at },
  };
}

async function insertChunked(db: Knex, table: string, rows: object[]) {
  for (let i = 0; i < rows.length; i += 1000) {
    await db(table).insert(rows.slice(i, i + 1000));
  }
}

/** Bulk-loads rows shaped by the store's own row builders (recordScan one by one is slower). */
async function seed(db: Knex, entities: number, history: number, now: number) {
  for (let start = 0; start < entities; start += 500) {
    const scans = [];
    const latest = [];
    const failingSince: Array<number | null> = [];
    for (let i = start; i < Math.min(start + 500, entities); i++) {
      const failRate = 0.05 + (i % 10) * 0.04;
      // Start of the entity's unbroken noncompliant run, as the store keeps it.
      let since: number | null = null;
      for (let h = history - 1; h >= 0; h--) {
        const at = new Date(now - h * 3 * DAY_MS - (i % 1440) * 60_000);
        const scan = scanOf(i, at, failRate);
        scans.push(scanColumns(scan.entity.entityRef, scan));
        since = isNoncompliant(scan.result.level)
          ? since ?? at.getTime()
          : null;
        if (h === 0) {
          latest.push(scan);
          failingSince.push(since);
        }
      }
    }
    const ids: Array<{ id: string }> = [];
    for (let i = 0; i < scans.length; i += 1000) {
      ids.push(
        ...(await db(TABLES.scans)
          .insert(scans.slice(i, i + 1000))
          .returning('id')),
      );
    }
    // The newest scan of each entity is the last of its `history` rows.
    const latestIds = latest.map((_, k) => ids[(k + 1) * history - 1].id);
    await insertChunked(
      db,
      TABLES.entities,
      latest.map((scan, k) => ({
        ...entityInfoColumns(scan.entity),
        ...latestResultColumns(scan),
        latest_scan_id: latestIds[k],
        failing_since: failingSince[k],
      })),
    );
    await insertChunked(
      db,
      TABLES.findings,
      latest.flatMap((scan, k) =>
        scan.result.findings.map((f, position) => ({
          scan_id: latestIds[k],
          rule_id: f.ruleId,
          position,
          status: f.status,
          severity: f.severity,
          message: f.message,
          locations: '[]',
          remediation: f.remediation,
        })),
      ),
    );
    await insertChunked(
      db,
      TABLES.ruleResults,
      latest.flatMap((scan, k) =>
        ruleResultRows(
          scan.entity.entityRef.toLowerCase(),
          scan.result.findings,
          scan.result.score,
        ).map(row => ({
          ...row,
          failing_since: row.failing
            ? failingSince[k] ?? scan.timings.finishedAt.getTime()
            : null,
        })),
      ),
    );
    // One entity in 50 has an active waiver on its first failing rule.
    await insertChunked(
      db,
      WAIVERS_TABLE,
      latest.flatMap((scan, k) => {
        const failing = scan.result.findings.find(f => f.status === 'fail');
        if ((start + k) % 50 !== 0 || !failing) return [];
        return [
          {
            id: randomUUID(),
            entity_ref: scan.entity.entityRef.toLowerCase(),
            rule_id: failing.ruleId,
            reason: 'bench',
            expires_at: now + 30 * DAY_MS,
            created_by: 'user:default/bench',
            created_at: now,
          },
        ];
      }),
    );
  }
  // The store keeps these tallies as it records scans; the bulk load computes them at once.
  await db.raw(
    `insert into ${TABLES.dailyScores} (day, scans, score_sum)
     select finished_at / ${DAY_MS}, count(*), sum(score) from ${TABLES.scans}
     group by finished_at / ${DAY_MS}`,
  );
  await db.raw(
    `insert into ${TABLES.ruleTallies} (rule_id, status, entities, score_sum)
     select rule_id, status, count(*), coalesce(sum(entity_score), 0)
     from ${TABLES.ruleResults} group by rule_id, status`,
  );
  await db.raw('analyze');
}

async function median(runs: number, call: () => Promise<unknown>) {
  await call();
  await call();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await call();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

async function main() {
  const entities = Number(option('entities', '10000'));
  const history = Number(option('history', '10'));
  const runs = Number(option('runs', '9'));
  const connection = option(
    'connection',
    'postgresql://postgres@127.0.0.1:5432',
  );

  const keep = process.argv.includes('--keep');
  const reuse = process.argv.includes('--reuse');

  const admin = knexFactory({
    client: 'pg',
    connection: `${connection}/postgres`,
  });
  if (!reuse) {
    await admin.raw(`drop database if exists ${DATABASE}`);
    await admin.raw(`create database ${DATABASE}`);
  }
  const db = knexFactory({
    client: 'pg',
    connection: `${connection}/${DATABASE}`,
    pool: { min: 1, max: 4 },
  });
  try {
    await db.migrate.latest({
      directory: DatabaseScanStore.migrationsDirectory,
    });
    if (!reuse) {
      const seedStart = performance.now();
      await seed(db, entities, history, Date.now());
      console.log(
        `Seeded ${entities} entities × ${history} scans, ${
          RULES.length
        } rules, in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
      );
    }

    const store = new DatabaseScanStore(db);
    const team = { owner: ['group:default/team-7'] };
    const cases: Array<[string, () => Promise<unknown>]> = [
      [
        'GET /summary (30-day trend)',
        () => store.getSummary({}, { trendDays: 30 }),
      ],
      ['GET /summary?owner=…', () => store.getSummary(team, { trendDays: 30 })],
      ['GET /groups/owner', () => store.getGroups('owner')],
      ['GET /groups/system', () => store.getGroups('system')],
      ['GET /groups/domain', () => store.getGroups('domain')],
      ['GET /groups/rule', () => store.getGroups('rule')],
      [
        'GET /groups/rule?level=needs-work',
        () => store.getGroups('rule', { level: ['needs-work'] }),
      ],
      [
        'GET /repositories (sort=score, 50 rows)',
        () =>
          store.listRepositories({ sort: 'score', order: 'asc', limit: 50 }),
      ],
      [
        'GET /repositories?q=service-12&sort=severity',
        () =>
          store.listRepositories({
            q: 'service-12',
            sort: 'severity',
            order: 'desc',
          }),
      ],
      ['GET /triage (50 rows)', () => store.listTriage({ limit: 50 })],
      ['GET /triage?owner=…', () => store.listTriage({ ...team, limit: 50 })],
      [
        'GET /triage?offset=2000',
        () => store.listTriage({ offset: 2000, limit: 50 }),
      ],
      [
        'GET /repositories?rule=…&offset=5000',
        () =>
          store.listRepositories({
            rule: [RULES[0].id],
            offset: 5000,
            limit: 50,
          }),
      ],
    ];
    console.log(`\nMedian of ${runs} runs (target < 100 ms on PostgreSQL):`);
    for (const [name, call] of cases) {
      const ms = await median(runs, call);
      console.log(
        `  ${name.padEnd(46)} ${ms.toFixed(1).padStart(7)} ms  ${
          ms < 100 ? 'ok' : 'OVER TARGET'
        }`,
      );
    }
  } finally {
    await db.destroy();
    if (!keep) await admin.raw(`drop database if exists ${DATABASE}`);
    await admin.destroy();
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
