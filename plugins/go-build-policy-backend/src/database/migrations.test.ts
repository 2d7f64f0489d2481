import { TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import {
  completedScan,
  entity,
  finding as scanFinding,
  migratedStore,
} from '../__testUtils__/scans';
import { DatabaseScanStore } from './DatabaseScanStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const INIT = '20261128000000_init.js';
const FIX_PULL_REQUESTS = '20261128000400_fix_pull_requests.js';
const FAILING_SINCE = '20261128000300_failing_since.js';
const WAIVERS = '20261128000200_waivers.js';

function scanRow(finishedAt: number, score: number) {
  return {
    entity_ref: 'component:default/a',
    repo_host: 'github.com',
    repo_owner: 'acme',
    repo_name: 'a',
    default_branch: 'main',
    commit_sha: 'c',
    policy_fingerprint: 'p',
    score,
    raw_score: score,
    level: 'bronze',
    raw_level: 'bronze',
    categories: '{}',
    counts: '{}',
    failing_rule_ids: '[]',
    started_at: finishedAt - 1,
    finished_at: finishedAt,
  };
}
const TABLES = [
  'gbp_scans',
  'gbp_findings',
  'gbp_entities',
  'gbp_rule_results',
];
const config = { directory: DatabaseScanStore.migrationsDirectory };

async function existing(knex: Knex): Promise<string[]> {
  const found: string[] = [];
  for (const table of TABLES) {
    if (await knex.schema.hasTable(table)) found.push(table);
  }
  return found;
}

describe.each(databases.eachSupportedId())('migrations on %s', id => {
  it(`${INIT} creates the tables and drops them again`, async () => {
    const knex = await databases.init(id);
    await knex.migrate.up({ ...config, name: INIT });
    expect(await existing(knex)).toEqual(TABLES);

    await knex('gbp_entities').insert({
      entity_ref: 'component:default/a',
      kind: 'Component',
      namespace: 'default',
      name: 'a',
      state: 'never-scanned',
    });
    const [row] = await knex('gbp_entities').select();
    expect(row).toMatchObject({
      tags: '[]',
      search_text: '',
      worst_severity_rank: 0,
      failing_count: 0,
      failing_rule_ids: '[]',
    });
    expect(Boolean(row.stale)).toBe(false);

    await knex.migrate.down({ ...config, name: INIT });
    expect(await existing(knex)).toEqual([]);
  });

  it(`${FIX_PULL_REQUESTS} adds the fix column and the pull request table, and removes them`, async () => {
    const knex = await databases.init(id);
    await knex.migrate.latest(config);
    expect(await knex.schema.hasColumn('gbp_findings', 'fix')).toBe(true);
    expect(await knex.schema.hasTable('gbp_fix_pull_requests')).toBe(true);

    await knex.migrate.down({ ...config, name: FIX_PULL_REQUESTS });
    expect(await knex.schema.hasColumn('gbp_findings', 'fix')).toBe(false);
    expect(await knex.schema.hasTable('gbp_fix_pull_requests')).toBe(false);
  });

  it(`${WAIVERS} creates the waiver table and drops it again`, async () => {
    const knex = await databases.init(id);
    await knex.migrate.up({ ...config, name: INIT });
    await knex.migrate.up({ ...config, name: WAIVERS });
    await knex('gbp_waivers').insert({
      id: '6f1c2d1e-0000-4000-8000-000000000001',
      entity_ref: 'component:default/a',
      rule_id: 'mod-go-sum',
      reason: 'vendored',
      expires_at: 1_800_000_000_000,
      created_by: 'user:default/jo',
      created_at: 1_790_000_000_000,
    });
    const [row] = await knex('gbp_waivers').select();
    expect(Number(row.expires_at)).toBe(1_800_000_000_000);
    expect(row.revoked_at).toBeNull();
    expect(Boolean(row.expiry_applied)).toBe(false);

    await knex.migrate.down({ ...config, name: WAIVERS });
    expect(await knex.schema.hasTable('gbp_waivers')).toBe(false);
  });

  it('rejects two findings of one rule in one scan', async () => {
    const knex = await databases.init(id);
    await knex.migrate.up({ ...config, name: INIT });
    const [scan] = await knex('gbp_scans')
      .insert(scanRow(2, 100))
      .returning('id');
    const finding = {
      scan_id: typeof scan === 'object' ? scan.id : scan,
      rule_id: 'mod-go-sum',
      position: 0,
      status: 'pass',
      severity: 'error',
      message: 'ok',
      locations: '[]',
      remediation: '',
    };
    await knex('gbp_findings').insert(finding);
    // Matched by message: the driver's error class may come from another module realm.
    await expect(knex('gbp_findings').insert(finding)).rejects.toMatchObject({
      message: expect.stringMatching(/unique|duplicate/i),
    });
  });

  it(`${FAILING_SINCE} fills failing-since times in from recorded history`, async () => {
    const knex = await databases.init(id);
    const store = await migratedStore(knex);
    const day = (d: number) => new Date(Date.UTC(2026, 10, d, 10));
    const record = (name: string, d: number, goSum: string, cache: string) =>
      store.recordScan(
        completedScan(
          entity(name),
          [
            scanFinding('mod-go-sum', goSum as 'pass'),
            scanFinding('ci-module-cache', cache as 'pass', 'warning'),
          ],
          { at: day(d) },
        ),
      );
    // a: fail, fail, pass, fail, fail: both since day 4.
    for (const [d, goSum] of [
      [1, 'fail'],
      [2, 'fail'],
      [3, 'pass'],
      [4, 'fail'],
      [5, 'fail'],
    ] as const) {
      await record('a', d, goSum, 'pass');
    }
    // b: bronze from a warning rule on day 2, the error rule too from day 3.
    await record('b', 1, 'pass', 'pass');
    await record('b', 2, 'pass', 'fail');
    await record('b', 3, 'fail', 'error');
    // c: compliant now after failing before.
    await record('c', 1, 'fail', 'fail');
    await record('c', 2, 'pass', 'pass');
    // d: failing, then a scan older than the latest recorded out of order.
    await record('d', 3, 'fail', 'pass');
    await record('d', 2, 'pass', 'pass');

    const snapshot = async () => ({
      entities: await knex('gbp_entities')
        .orderBy('entity_ref')
        .select('entity_ref', 'failing_since'),
      rules: await knex('gbp_rule_results')
        .orderBy(['entity_ref', 'rule_id'])
        .select('entity_ref', 'rule_id', 'failing_since'),
    });
    const maintained = await snapshot();
    const time = (v: unknown) => (v === null ? null : Number(v));
    const entities = Object.fromEntries(
      maintained.entities.map(r => [
        r.entity_ref.split('/')[1],
        time(r.failing_since),
      ]),
    );
    expect(entities).toEqual({
      a: day(4).getTime(),
      b: day(2).getTime(),
      c: null,
      d: day(3).getTime(),
    });
    const rules = Object.fromEntries(
      maintained.rules.map(r => [
        `${r.entity_ref.split('/')[1]} ${r.rule_id}`,
        time(r.failing_since),
      ]),
    );
    expect(rules).toEqual({
      'a ci-module-cache': null,
      'a mod-go-sum': day(4).getTime(),
      'b ci-module-cache': day(2).getTime(),
      'b mod-go-sum': day(3).getTime(),
      'c ci-module-cache': null,
      'c mod-go-sum': null,
      'd ci-module-cache': null,
      'd mod-go-sum': day(3).getTime(),
    });

    // Dropped and added again, the columns are filled from history alone.
    await knex.migrate.down({ ...config, name: FAILING_SINCE });
    expect(await knex.schema.hasColumn('gbp_entities', 'failing_since')).toBe(
      false,
    );
    expect(
      Number((await knex('gbp_rule_results').count({ n: '*' }))[0].n),
    ).toBe(8);
    await knex.migrate.up({ ...config, name: FAILING_SINCE });
    const backfilled = await snapshot();
    expect(
      backfilled.entities.map(r => ({
        ...r,
        failing_since: time(r.failing_since),
      })),
    ).toEqual(
      maintained.entities.map(r => ({
        ...r,
        failing_since: time(r.failing_since),
      })),
    );
    expect(
      backfilled.rules.map(r => ({
        ...r,
        failing_since: time(r.failing_since),
      })),
    ).toEqual(
      maintained.rules.map(r => ({
        ...r,
        failing_since: time(r.failing_since),
      })),
    );
  });

  it('runs every migration of the folder up and down', async () => {
    const knex = await databases.init(id);
    await knex.migrate.latest(config);
    expect(await existing(knex)).toEqual(TABLES);
    await knex.migrate.rollback(config, true);
    expect(await existing(knex)).toEqual([]);
  });
});
