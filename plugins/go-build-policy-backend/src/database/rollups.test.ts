import { TestDatabases } from '@backstage/backend-test-utils';
import {
  completedScan,
  entity,
  finding,
  migratedStore,
} from '../__testUtils__/scans';
import { DatabaseScanStore } from './DatabaseScanStore';
import { ENTITY_SCAN_STATES } from './ScanStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

/** Four entities over two owners and systems, scored 100, 60, 0 and not-go. */
async function seed(store: DatabaseScanStore) {
  await store.recordScan(
    completedScan(
      entity('alpha', { title: 'Alpha API' }),
      [
        finding('mod-go-sum', 'pass'),
        finding('ci-module-cache', 'pass', 'warning'),
      ],
      { at: new Date('2026-11-19T08:00:00Z') },
    ),
  );
  await store.recordScan(
    completedScan(
      entity('beta', { owner: 'group:default/team-b' }),
      [
        finding('mod-go-sum', 'pass'),
        finding('ci-module-cache', 'fail', 'warning'),
      ],
      { at: new Date('2026-11-20T08:00:00Z') },
    ),
  );
  await store.recordScan(
    completedScan(
      entity('gamma_x', {
        owner: 'group:default/team-b',
        system: 'system:default/search',
      }),
      [
        finding('mod-go-sum', 'fail'),
        finding('ci-module-cache', 'fail', 'warning'),
      ],
      { at: new Date('2026-11-20T09:00:00Z') },
    ),
  );
  await store.recordNotGo(entity('delta', { system: undefined }));
}

describe.each(databases.eachSupportedId())('store queries on %s', id => {
  it('filters, sorts and pages repositories with a total', async () => {
    const store = await migratedStore(await databases.init(id));
    await seed(store);

    const byScore = await store.listRepositories({
      sort: 'score',
      order: 'desc',
    });
    expect(byScore.total).toBe(4);
    expect(byScore.items.map(r => [r.entity.entityRef, r.score])).toEqual([
      ['component:default/alpha', 100],
      ['component:default/beta', 60],
      ['component:default/gamma_x', 0],
      ['component:default/delta', undefined],
    ]);

    const page = await store.listRepositories({
      sort: 'name',
      limit: 2,
      offset: 2,
    });
    expect(page.total).toBe(4);
    expect(page.items.map(r => r.entity.entityRef)).toEqual([
      'component:default/delta',
      'component:default/gamma_x',
    ]);

    const teamB = await store.listRepositories({
      owner: ['Group:default/team-b'],
    });
    expect(teamB.items.map(r => r.entity.entityRef)).toEqual([
      'component:default/beta',
      'component:default/gamma_x',
    ]);
    const failingGoSum = await store.listRepositories({ rule: ['mod-go-sum'] });
    expect(failingGoSum.items.map(r => r.entity.entityRef)).toEqual([
      'component:default/gamma_x',
    ]);
    const warnings = await store.listRepositories({ severity: ['warning'] });
    expect(warnings.items.map(r => r.entity.entityRef)).toEqual([
      'component:default/beta',
    ]);
    const notGo = await store.listRepositories({ status: ['not-go'] });
    expect(notGo.items.map(r => r.entity.entityRef)).toEqual([
      'component:default/delta',
    ]);
    const gold = await store.listRepositories({ level: ['gold'] });
    expect(gold.total).toBe(1);
  });

  it('matches free text literally over name, title, owner and system', async () => {
    const store = await migratedStore(await databases.init(id));
    await seed(store);
    const names = async (q: string) =>
      (await store.listRepositories({ q })).items.map(r => r.entity.entityRef);
    expect(await names('ALPHA api')).toEqual(['component:default/alpha']);
    expect(await names('search')).toEqual(['component:default/gamma_x']);
    // `_` is a LIKE wildcard: it must match only a real underscore.
    expect(await names('a_x')).toEqual(['component:default/gamma_x']);
    expect(await names('%')).toEqual([]);
    expect((await names('team-b')).length).toBe(2);
  });

  it('sorts by worst severity and failing count with unscored rows last', async () => {
    const store = await migratedStore(await databases.init(id));
    await seed(store);
    const bySeverity = await store.listRepositories({
      sort: 'severity',
      order: 'desc',
    });
    expect(bySeverity.items.map(r => r.worstSeverity)).toEqual([
      'error',
      'warning',
      undefined,
      undefined,
    ]);
    const byFailing = await store.listRepositories({
      sort: 'failing',
      order: 'desc',
    });
    expect(byFailing.items[0].failingCount).toBe(2);
  });

  it('rolls up by owner with counts, failing share and average score', async () => {
    const store = await migratedStore(await databases.init(id));
    await seed(store);
    expect(await store.getGroups('owner')).toEqual([
      {
        key: 'group:default/team-a',
        total: 2,
        scored: 1,
        compliant: 1,
        failing: 0,
        failingShare: 0,
        averageScore: 100,
      },
      {
        key: 'group:default/team-b',
        total: 2,
        scored: 2,
        compliant: 0,
        failing: 2,
        failingShare: 1,
        averageScore: 30,
      },
    ]);
    const systems = await store.getGroups('system');
    expect(systems.map(g => g.key)).toEqual([
      'system:default/payments',
      'system:default/search',
      null,
    ]);
  });

  it('rolls up by rule over the filtered entities', async () => {
    const store = await migratedStore(await databases.init(id));
    await seed(store);
    expect(await store.getGroups('rule')).toEqual([
      {
        key: 'ci-module-cache',
        total: 3,
        scored: 3,
        compliant: 1,
        failing: 2,
        failingShare: 2 / 3,
        averageScore: 53.3,
      },
      {
        key: 'mod-go-sum',
        total: 3,
        scored: 3,
        compliant: 2,
        failing: 1,
        failingShare: 1 / 3,
        averageScore: 53.3,
      },
    ]);
    const teamA = await store.getGroups('rule', {
      owner: ['group:default/team-a'],
    });
    expect(teamA.map(g => g.failing)).toEqual([0, 0]);
  });

  it('keeps the rule tallies equal to the rule results through rescans and removals', async () => {
    const store = await migratedStore(await databases.init(id));
    await seed(store);
    const everything = { status: [...ENTITY_SCAN_STATES] };
    const fromTallies = () => store.getGroups('rule');
    const fromResults = () => store.getGroups('rule', everything);

    // alpha regresses, gamma_x stops being a Go repository, beta leaves the catalog.
    await store.recordScan(
      completedScan(
        entity('alpha'),
        [
          finding('mod-go-sum', 'error'),
          finding('ci-build-cache', 'pass', 'warning'),
        ],
        { at: new Date('2026-11-21T08:00:00Z') },
      ),
    );
    await store.recordNotGo(entity('gamma_x'));
    await store.removeEntities(['component:default/beta']);
    await store.recordFailure('component:default/alpha', 'timeout');

    expect(await fromTallies()).toEqual(await fromResults());
    expect(await fromTallies()).toEqual([
      expect.objectContaining({
        key: 'ci-build-cache',
        total: 1,
        compliant: 1,
      }),
      expect.objectContaining({
        key: 'mod-go-sum',
        total: 1,
        failing: 1,
        averageScore: 40,
      }),
    ]);
  });

  it('summarises levels, states and a daily trend', async () => {
    const store = await migratedStore(await databases.init(id));
    await seed(store);
    const summary = await store.getSummary(
      {},
      { trendDays: 7, now: new Date('2026-11-21T00:00:00Z') },
    );
    expect(summary).toMatchObject({
      entities: 4,
      scored: 3,
      compliant: 1,
      compliantShare: 1 / 3,
      averageScore: 53.3,
      stale: 0,
      levels: { gold: 1, silver: 0, bronze: 1, 'needs-work': 1 },
      states: { ok: 3, 'not-go': 1, failed: 0 },
      trend: [
        { day: '2026-11-19', averageScore: 100, scans: 1 },
        { day: '2026-11-20', averageScore: 30, scans: 2 },
      ],
    });
    const teamB = await store.getSummary(
      { owner: ['group:default/team-b'] },
      { trendDays: 1, now: new Date('2026-11-20T23:00:00Z') },
    );
    expect(teamB.trend).toEqual([
      { day: '2026-11-20', averageScore: 30, scans: 2 },
    ]);
  });

  it('prunes by age and count but never the latest good scan', async () => {
    const store = await migratedStore(await databases.init(id));
    const ref = 'component:default/payments';
    for (let day = 1; day <= 5; day++) {
      await store.recordScan(
        completedScan(entity('payments'), [finding('mod-go-sum', 'pass')], {
          at: new Date(`2026-11-0${day}T10:00:00Z`),
          commitSha: `c${day}`,
        }),
      );
    }
    await store.recordFailure(ref, 'later failure');

    const byCount = await store.pruneHistory({ maxScansPerEntity: 3 });
    expect(byCount.deletedScans).toBe(2);
    expect((await store.getHistory(ref)).map(h => h.commitSha)).toEqual([
      'c5',
      'c4',
      'c3',
    ]);

    const byAge = await store.pruneHistory(
      { days: 30 },
      new Date('2027-06-01T00:00:00Z'),
    );
    expect(byAge.deletedScans).toBe(2);
    expect((await store.getHistory(ref)).map(h => h.commitSha)).toEqual(['c5']);
    expect(await store.getEntityResult(ref)).toMatchObject({
      stale: true,
      findings: [{ ruleId: 'mod-go-sum' }],
    });
  });
});
