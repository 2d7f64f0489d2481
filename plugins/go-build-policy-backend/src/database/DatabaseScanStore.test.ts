import { TestDatabases } from '@backstage/backend-test-utils';
import {
  completedScan,
  entity,
  finding,
  migratedStore,
} from '../__testUtils__/scans';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const passing = [
  finding('ci-module-cache', 'pass', 'warning'),
  finding('mod-go-sum', 'pass'),
];
const failing = [
  finding('ci-module-cache', 'fail', 'warning'),
  finding('mod-go-sum', 'fail'),
  finding('docker-cache-mounts', 'not-applicable', 'warning'),
];

describe.each(databases.eachSupportedId())('DatabaseScanStore on %s', id => {
  it('stores a scan with its findings and makes it the latest result', async () => {
    const store = await migratedStore(await databases.init(id));
    const { scanId } = await store.recordScan(
      completedScan(entity('payments'), failing, { commitSha: 'c1' }),
    );

    const result = await store.getEntityResult('Component:default/Payments');
    expect(result).toMatchObject({
      scanId,
      state: 'ok',
      stale: false,
      score: 0,
      level: 'needs-work',
      worstSeverity: 'error',
      failingRuleIds: ['ci-module-cache', 'mod-go-sum'],
      repository: { owner: 'acme', name: 'payments', commitSha: 'c1' },
      cost: { requests: 4, rateLimitPoints: 3 },
      entity: { owner: 'group:default/team-a', tags: ['go'] },
    });
    expect(result?.findings.map(f => f.ruleId)).toEqual([
      'ci-module-cache',
      'mod-go-sum',
      'docker-cache-mounts',
    ]);
    expect(result?.findings[0].locations).toEqual([
      { path: '.github/workflows/ci.yml', startLine: 3, endLine: 4 },
    ]);
    expect(await store.getLastGoodScan('component:default/payments')).toEqual({
      scanId,
      commitSha: 'c1',
      policyFingerprint: 'policy-v1',
      scannedAt: new Date('2026-11-20T10:00:00Z'),
    });
  });

  it('keeps the last good result and marks it stale when a scan fails', async () => {
    const store = await migratedStore(await databases.init(id));
    await store.recordScan(completedScan(entity('payments'), passing));
    await store.recordFailure(
      'component:default/payments',
      'GitHub answered 502',
    );

    const result = await store.getEntityResult('component:default/payments');
    expect(result).toMatchObject({
      state: 'failed',
      stale: true,
      staleReason: 'GitHub answered 502',
      score: 100,
      level: 'gold',
    });
    expect(result?.findings).toHaveLength(2);
    expect(
      await store.getLastGoodScan('component:default/payments'),
    ).toBeDefined();
  });

  it('records a failure of a never-scanned entity without a stale result', async () => {
    const store = await migratedStore(await databases.init(id));
    await store.recordFailure(
      'component:default/ghost',
      'repository not found',
    );
    const result = await store.getEntityResult('component:default/ghost');
    expect(result).toMatchObject({
      state: 'failed',
      stale: false,
      failureReason: 'repository not found',
      findings: [],
    });
    expect(result?.score).toBeUndefined();
  });

  it('clears the stale mark when the head is unchanged', async () => {
    const store = await migratedStore(await databases.init(id));
    await store.recordScan(completedScan(entity('payments'), passing));
    await store.recordFailure('component:default/payments', 'timeout');
    const at = new Date('2026-11-21T00:00:00Z');
    await store.recordUnchanged('component:default/payments', { at });
    expect(
      await store.getEntityResult('component:default/payments'),
    ).toMatchObject({ state: 'ok', stale: false, checkedAt: at });
  });

  it('records not-go and no-source entities without a score', async () => {
    const store = await migratedStore(await databases.init(id));
    await store.recordScan(completedScan(entity('was-go'), failing));
    await store.recordNotGo(entity('was-go'), {
      host: 'github.com',
      owner: 'acme',
      name: 'was-go',
      defaultBranch: 'main',
    });
    await store.recordNoSource(entity('docs'));

    expect(
      await store.getEntityResult('component:default/was-go'),
    ).toMatchObject({
      state: 'not-go',
      findings: [],
      failingRuleIds: [],
      repository: { name: 'was-go' },
    });
    expect(await store.getEntityResult('component:default/docs')).toMatchObject(
      {
        state: 'no-source',
      },
    );
    const rules = await store.getGroups('rule');
    expect(rules).toEqual([]);
  });

  it('shows queued and scanning while they last without losing the outcome', async () => {
    const store = await migratedStore(await databases.init(id));
    await store.recordScan(completedScan(entity('payments'), passing));
    await store.markState([entity('payments'), entity('new-one')], 'queued');

    expect(
      await store.getEntityResult('component:default/payments'),
    ).toMatchObject({
      state: 'queued',
      score: 100,
    });
    expect(
      await store.getEntityResult('component:default/new-one'),
    ).toMatchObject({
      state: 'queued',
    });
    const ok = await store.listRepositories({ status: ['ok'] });
    expect(ok.total).toBe(0);
    await store.recordUnchanged('component:default/payments');
    expect((await store.listRepositories({ status: ['ok'] })).total).toBe(1);
  });

  it('keeps the newest scan latest when scans finish out of order', async () => {
    const store = await migratedStore(await databases.init(id));
    await store.recordScan(
      completedScan(entity('payments'), passing, {
        at: new Date('2026-11-20T12:00:00Z'),
        commitSha: 'new',
      }),
    );
    await store.recordScan(
      completedScan(entity('payments'), failing, {
        at: new Date('2026-11-20T11:00:00Z'),
        commitSha: 'old',
      }),
    );
    expect(
      (await store.getLastGoodScan('component:default/payments'))?.commitSha,
    ).toBe('new');
    const history = await store.getHistory('component:default/payments');
    expect(history.map(h => h.commitSha)).toEqual(['new', 'old']);
  });

  it('lists history newest first with scores and costs', async () => {
    const store = await migratedStore(await databases.init(id));
    for (const [day, findings] of [
      [1, failing],
      [2, passing],
    ] as const) {
      await store.recordScan(
        completedScan(entity('payments'), [...findings], {
          at: new Date(`2026-11-0${day}T10:00:00Z`),
          commitSha: `c${day}`,
        }),
      );
    }
    const history = await store.getHistory('component:default/payments', {
      limit: 10,
    });
    expect(history).toMatchObject([
      { commitSha: 'c2', score: 100, level: 'gold', failingRuleIds: [] },
      {
        commitSha: 'c1',
        score: 0,
        failingRuleIds: ['ci-module-cache', 'mod-go-sum'],
        cost: { requests: 4, rateLimitPoints: 3 },
      },
    ]);
  });

  it('removes entities with their history', async () => {
    const store = await migratedStore(await databases.init(id));
    await store.recordScan(completedScan(entity('a'), failing));
    await store.recordScan(completedScan(entity('b'), passing));
    expect(await store.removeEntities(['component:default/A'])).toBe(1);
    expect(await store.listEntityRefs()).toEqual(['component:default/b']);
    expect(await store.getHistory('component:default/a')).toEqual([]);
    expect((await store.getGroups('rule')).map(r => r.total)).toEqual([1, 1]);
  });
});

describe('DatabaseScanStore under concurrent writers on POSTGRES_15', () => {
  it('keeps the newest of simultaneous scans of one entity latest', async () => {
    if (!databases.supports('POSTGRES_15')) return;
    const store = await migratedStore(await databases.init('POSTGRES_15'));
    const hours = [3, 1, 5, 2, 4];
    await Promise.all(
      hours.map(hour =>
        store.recordScan(
          completedScan(
            entity('payments'),
            [finding('mod-go-sum', hour % 2 ? 'pass' : 'fail')],
            {
              at: new Date(`2026-11-20T0${hour}:00:00Z`),
              commitSha: `c${hour}`,
            },
          ),
        ),
      ),
    );
    expect(
      (await store.getLastGoodScan('component:default/payments'))?.commitSha,
    ).toBe('c5');
    expect(await store.getHistory('component:default/payments')).toHaveLength(
      5,
    );
    expect(await store.getGroups('rule')).toEqual([
      expect.objectContaining({ key: 'mod-go-sum', total: 1, compliant: 1 }),
    ]);
    expect(
      (
        await store.getSummary(
          {},
          { trendDays: 366, now: new Date('2026-11-21T00:00:00Z') },
        )
      ).trend,
    ).toEqual([{ day: '2026-11-20', averageScore: 60, scans: 5 }]);
  });
});
