import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import {
  completedScan,
  entity,
  finding,
  migratedStore,
} from '../__testUtils__/scans';
import { DatabaseScanStore } from './DatabaseScanStore';
import { NewWaiver, WaiverStore } from './WaiverStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const HOUR = 3_600_000;
const PAYMENTS = 'component:default/payments';

// mod-go-sum (error, weight 3) fails, ci-module-cache (warning, weight 2) passes: raw 40.
const findings = [
  finding('mod-go-sum', 'fail'),
  finding('ci-module-cache', 'pass', 'warning'),
];

function waiver(extra: Partial<NewWaiver> = {}): NewWaiver {
  return {
    entityRef: PAYMENTS,
    ruleId: 'mod-go-sum',
    reason: 'Vendored modules until the migration lands',
    expiresAt: new Date(Date.now() + 24 * HOUR),
    createdBy: 'user:default/jo',
    ...extra,
  };
}

async function setUp(id: TestDatabaseId) {
  const knex: Knex = await databases.init(id);
  const scans: DatabaseScanStore = await migratedStore(knex);
  await scans.recordScan(completedScan(entity('payments'), findings));
  await scans.recordScan(
    completedScan(entity('search', { owner: 'group:default/team-b' }), [
      finding('mod-go-sum', 'fail'),
    ]),
  );
  return { knex, scans, waivers: new WaiverStore(knex) };
}

async function created(store: WaiverStore, input: NewWaiver, now?: Date) {
  const result = await store.createWaiver(input, now);
  if (result.outcome !== 'created') throw new Error(result.outcome);
  return result.waiver;
}

async function storedRow(scans: DatabaseScanStore, ref: string) {
  const page = await scans.listRepositories({ q: ref.split('/')[1] });
  return page.items.find(r => r.entity.entityRef === ref);
}

describe.each(databases.eachSupportedId())('WaiverStore on %s', id => {
  it('creates a waiver and allows one active waiver per entity and rule', async () => {
    const { waivers } = await setUp(id);
    const first = await created(
      waivers,
      waiver({ entityRef: 'Component:default/Payments' }),
    );
    expect(first).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      entityRef: PAYMENTS,
      ruleId: 'mod-go-sum',
      state: 'active',
      createdBy: 'user:default/jo',
    });

    const second = await waivers.createWaiver(waiver());
    expect(second).toEqual({ outcome: 'already-waived', active: first });
    // Another rule, or another entity, is not a conflict.
    await created(waivers, waiver({ ruleId: 'ci-module-cache' }));
    await created(waivers, waiver({ entityRef: 'component:default/search' }));
    expect(await waivers.activeRuleIds(PAYMENTS)).toEqual([
      'ci-module-cache',
      'mod-go-sum',
    ]);
  });

  it('keeps one active waiver when two are created at once', async () => {
    const { waivers } = await setUp(id);
    const outcomes = await Promise.all([
      waivers.createWaiver(waiver()),
      waivers.createWaiver(waiver()),
    ]);
    expect(outcomes.map(o => o.outcome).sort()).toEqual([
      'already-waived',
      'created',
    ]);
    expect(await waivers.listForEntity(PAYMENTS)).toHaveLength(1);
  });

  it('refuses waivers for entities the store does not know', async () => {
    const { waivers } = await setUp(id);
    expect(
      await waivers.createWaiver(
        waiver({ entityRef: 'component:default/ghost' }),
      ),
    ).toEqual({ outcome: 'unknown-entity' });
  });

  it('refuses waivers for known entities without a scored result', async () => {
    const { scans, waivers } = await setUp(id);
    await scans.recordNotGo(entity('docs-site'));
    expect(
      await waivers.createWaiver(
        waiver({ entityRef: 'component:default/docs-site' }),
      ),
    ).toEqual({ outcome: 'unknown-entity' });
    expect(await waivers.listForEntity('component:default/docs-site')).toEqual(
      [],
    );
  });

  it('allows a new waiver once the previous one expired or was revoked', async () => {
    const { waivers } = await setUp(id);
    const past = new Date(Date.now() - 3 * HOUR);
    await created(
      waivers,
      waiver({ expiresAt: new Date(Date.now() - HOUR) }),
      past,
    );
    const renewed = await created(waivers, waiver());
    await waivers.revokeWaiver(PAYMENTS, renewed.id, 'user:default/al');
    await created(waivers, waiver());
    const states = (await waivers.listForEntity(PAYMENTS)).map(w => w.state);
    expect(states).toEqual(['active', 'revoked', 'expired']);
  });

  it('revokes an active waiver once and only for its entity', async () => {
    const { waivers } = await setUp(id);
    const active = await created(waivers, waiver());
    expect(
      await waivers.revokeWaiver(
        'component:default/search',
        active.id,
        'user:default/al',
      ),
    ).toEqual({ outcome: 'not-found' });
    expect(
      await waivers.revokeWaiver(PAYMENTS, 'no-such-id', 'user:default/al'),
    ).toEqual({ outcome: 'not-found' });

    const at = new Date();
    const revoked = await waivers.revokeWaiver(
      PAYMENTS,
      active.id,
      'user:default/al',
      at,
    );
    expect(revoked).toEqual({
      outcome: 'revoked',
      waiver: {
        ...active,
        state: 'revoked',
        revokedBy: 'user:default/al',
        revokedAt: at,
      },
    });
    expect(
      await waivers.revokeWaiver(PAYMENTS, active.id, 'user:default/al'),
    ).toMatchObject({ outcome: 'not-active', waiver: { state: 'revoked' } });
    expect(await waivers.activeRuleIds(PAYMENTS)).toEqual([]);
  });

  it('refuses to revoke an expired waiver', async () => {
    const { waivers } = await setUp(id);
    const expired = await created(
      waivers,
      waiver({ expiresAt: new Date(Date.now() - HOUR) }),
      new Date(Date.now() - 2 * HOUR),
    );
    expect(
      await waivers.revokeWaiver(PAYMENTS, expired.id, 'user:default/al'),
    ).toMatchObject({ outcome: 'not-active', waiver: { state: 'expired' } });
  });

  it('lists the org waivers newest first with filters, states and paging', async () => {
    const { waivers } = await setUp(id);
    const t0 = Date.now() - 10 * HOUR;
    const old = await created(
      waivers,
      waiver({ expiresAt: new Date(t0 + HOUR) }),
      new Date(t0),
    );
    const cache = await created(
      waivers,
      waiver({
        ruleId: 'ci-module-cache',
        expiresAt: new Date(Date.now() + 2 * HOUR),
      }),
      new Date(t0 + 2 * HOUR),
    );
    const search = await created(
      waivers,
      waiver({
        entityRef: 'component:default/search',
        expiresAt: new Date(Date.now() + 48 * HOUR),
      }),
      new Date(t0 + 3 * HOUR),
    );

    const all = await waivers.listWaivers();
    expect(all.total).toBe(3);
    expect(all.items.map(w => w.id)).toEqual([search.id, cache.id, old.id]);
    expect(all.items[0].entity).toMatchObject({
      entityRef: 'component:default/search',
      owner: 'group:default/team-b',
      tags: ['go'],
    });

    const teamA = await waivers.listWaivers({
      owner: ['Group:default/Team-A'],
    });
    expect(teamA.items.map(w => w.id)).toEqual([cache.id, old.id]);
    const expired = await waivers.listWaivers({ state: ['expired'] });
    expect(expired.items.map(w => w.id)).toEqual([old.id]);
    const running = await waivers.listWaivers({
      state: ['active'],
      expiresBefore: new Date(Date.now() + 24 * HOUR),
    });
    expect(running.items.map(w => w.id)).toEqual([cache.id]);
    const failingSumRule = await waivers.listWaivers({
      rule: ['mod-go-sum'],
      state: ['active', 'revoked'],
    });
    expect(failingSumRule.items.map(w => w.id)).toEqual([search.id, cache.id]);

    const page = await waivers.listWaivers({ limit: 1, offset: 1 });
    expect(page).toMatchObject({ total: 3 });
    expect(page.items.map(w => w.id)).toEqual([cache.id]);
  });

  it('counts a waived rule as passing in the stored score and the roll-ups', async () => {
    const { scans, waivers } = await setUp(id);
    expect(await storedRow(scans, PAYMENTS)).toMatchObject({
      score: 40,
      rawScore: 40,
      level: 'needs-work',
    });
    const active = await created(waivers, waiver());

    expect(await storedRow(scans, PAYMENTS)).toMatchObject({
      score: 100,
      rawScore: 40,
      level: 'gold',
      // Never hidden: the waived rule still fails.
      failingRuleIds: ['mod-go-sum'],
    });
    const result = await scans.getEntityResult(PAYMENTS);
    expect(result).toMatchObject({ score: 100, rawScore: 40, level: 'gold' });
    expect(result?.waivers?.map(w => w.id)).toEqual([active.id]);
    expect(result?.findings.find(f => f.ruleId === 'mod-go-sum')?.status).toBe(
      'fail',
    );
    expect(result?.categories?.mod).toMatchObject({ score: 100 });

    // The unfiltered roll-up reads the tallies, the filtered one the rule results.
    const byRule = async (filter = {}) =>
      (await scans.getGroups('rule', filter)).find(g => g.key === 'mod-go-sum');
    expect(await byRule()).toMatchObject({ averageScore: 50, failing: 2 });
    expect(await byRule({ owner: ['group:default/team-a'] })).toMatchObject({
      averageScore: 100,
    });
    expect(await scans.listRepositories({ level: ['gold'] })).toMatchObject({
      total: 1,
    });

    await waivers.revokeWaiver(PAYMENTS, active.id, 'user:default/al');
    expect(await storedRow(scans, PAYMENTS)).toMatchObject({
      score: 40,
      level: 'needs-work',
    });
    expect(await byRule()).toMatchObject({ averageScore: 20 });
    expect((await scans.getEntityResult(PAYMENTS))?.waivers).toEqual([]);
  });

  it('applies the waivers in force to a newly recorded scan', async () => {
    const { scans, waivers } = await setUp(id);
    await created(waivers, waiver());
    await scans.recordScan(
      completedScan(entity('payments'), findings, {
        at: new Date('2026-11-21T10:00:00Z'),
        commitSha: 'c2',
      }),
    );
    expect(await storedRow(scans, PAYMENTS)).toMatchObject({
      score: 100,
      rawScore: 40,
      level: 'gold',
      commitSha: 'c2',
    });
    const [latest] = await scans.getHistory(PAYMENTS);
    expect(latest).toMatchObject({ score: 100, rawScore: 40, level: 'gold' });
    expect(
      (await scans.getGroups('rule')).find(g => g.key === 'mod-go-sum'),
    ).toMatchObject({ averageScore: 50 });
  });

  it('lets an expired waiver stop applying: reads at once, stored results after the sweep', async () => {
    const { scans, waivers } = await setUp(id);
    await created(
      waivers,
      waiver({ expiresAt: new Date(Date.now() - HOUR) }),
      new Date(Date.now() - 2 * HOUR),
    );
    // Stored while it applied; a read of the entity is exact already.
    expect(await storedRow(scans, PAYMENTS)).toMatchObject({ score: 100 });
    expect(await scans.getEntityResult(PAYMENTS)).toMatchObject({
      score: 40,
      rawScore: 40,
      level: 'needs-work',
      waivers: [],
    });

    expect(await waivers.applyExpired()).toEqual({ entities: 1, waivers: 1 });
    expect(await storedRow(scans, PAYMENTS)).toMatchObject({
      score: 40,
      level: 'needs-work',
    });
    // Idempotent: nothing is left for a second run (or another replica).
    expect(await waivers.applyExpired()).toEqual({ entities: 0, waivers: 0 });
  });

  it('works through more expired entities than one batch holds', async () => {
    const { scans, waivers } = await setUp(id);
    const past = new Date(Date.now() - 2 * HOUR);
    for (const ref of [PAYMENTS, 'component:default/search']) {
      await created(
        waivers,
        waiver({ entityRef: ref, expiresAt: new Date(Date.now() - HOUR) }),
        past,
      );
    }
    expect(await waivers.applyExpired(new Date(), { batchSize: 1 })).toEqual({
      entities: 2,
      waivers: 2,
    });
    expect(await storedRow(scans, 'component:default/search')).toMatchObject({
      score: 0,
    });
  });
});
