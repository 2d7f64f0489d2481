import { TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { DatabaseScanStore } from './DatabaseScanStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const INIT = '20261128000000_init.js';

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

  it('runs every migration of the folder up and down', async () => {
    const knex = await databases.init(id);
    await knex.migrate.latest(config);
    expect(await existing(knex)).toEqual(TABLES);
    await knex.migrate.rollback(config, true);
    expect(await existing(knex)).toEqual([]);
  });
});
