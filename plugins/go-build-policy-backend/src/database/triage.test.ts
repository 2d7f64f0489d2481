import { TestDatabases } from '@backstage/backend-test-utils';
import { Finding } from '@go-build-policy/plugin-go-build-policy-common';
import { Knex } from 'knex';
import {
  completedScan,
  entity,
  finding,
  migratedStore,
} from '../__testUtils__/scans';
import { DatabaseScanStore } from './DatabaseScanStore';
import { WaiverStore } from './WaiverStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const at = (day: number) => new Date(Date.UTC(2026, 10, day, 10));
const NOW = at(20);

const failingError = () => [
  finding('mod-go-sum', 'fail'),
  finding('ci-module-cache', 'pass', 'warning'),
];
/** Bronze (score 60): only a warning rule fails. */
const failingWarning = () => [
  finding('mod-go-sum', 'pass'),
  finding('ci-module-cache', 'fail', 'warning'),
];
const passing = () => [
  finding('mod-go-sum', 'pass'),
  finding('ci-module-cache', 'pass', 'warning'),
];

async function record(
  store: DatabaseScanStore,
  name: string,
  day: number,
  findings: Finding[],
  extra: Parameters<typeof entity>[1] = {},
) {
  await store.recordScan(
    completedScan(entity(name, extra), findings, { at: at(day) }),
  );
}

const names = (page: { items: Array<{ entity: { entityRef: string } }> }) =>
  page.items.map(i => i.entity.entityRef.replace('component:default/', ''));

describe.each(databases.eachSupportedId())('listTriage on %s', id => {
  let knex: Knex;
  let store: DatabaseScanStore;

  beforeEach(async () => {
    knex = await databases.init(id);
    store = await migratedStore(knex);
  });

  /**
   * bravo fails an error rule since day 1, foxtrot since day 2 (then a failed attempt),
   * alpha and charlie since day 3, delta only a warning rule since day 0; echo passes.
   */
  async function seedQueue() {
    await record(store, 'alpha', 2, passing());
    await record(store, 'alpha', 3, failingError());
    await record(store, 'alpha', 4, failingError());
    await record(store, 'bravo', 1, failingError());
    await record(store, 'bravo', 4, failingError());
    await record(store, 'charlie', 3, failingError());
    await record(store, 'delta', 0, failingWarning(), {
      owner: 'group:default/team-b',
    });
    await record(store, 'echo', 1, passing());
    await record(store, 'foxtrot', 2, failingError());
    await store.recordFailure('component:default/foxtrot', 'GitHub 502', {
      at: at(5),
    });
    await store.recordNotGo(entity('golf'), undefined, at(5));
  }

  it('orders by worst failing severity, then longest failing, then name', async () => {
    await seedQueue();
    const page = await store.listTriage({}, NOW);
    expect(page.total).toBe(5);
    expect(names(page)).toEqual([
      'bravo',
      'foxtrot',
      'alpha',
      'charlie',
      'delta',
    ]);
    const [bravo, foxtrot] = page.items;
    expect(bravo).toMatchObject({
      level: 'needs-work',
      score: 40,
      worstSeverity: 'error',
      failingSince: at(1),
      waiverState: 'none',
      stale: false,
      repository: { host: 'github.com', owner: 'acme', name: 'bravo' },
      failingRules: [
        {
          ruleId: 'mod-go-sum',
          severity: 'error',
          status: 'fail',
          failingSince: at(1),
        },
      ],
    });
    expect(bravo.entity.owner).toBe('group:default/team-a');
    expect(foxtrot).toMatchObject({ stale: true, failingSince: at(2) });
    expect(page.items[4]).toMatchObject({
      level: 'bronze',
      worstSeverity: 'warning',
    });
  });

  it('pages the queue with the total over all pages', async () => {
    await seedQueue();
    const page = await store.listTriage({ limit: 2, offset: 1 }, NOW);
    expect(page.total).toBe(5);
    expect(names(page)).toEqual(['foxtrot', 'alpha']);
  });

  it('applies the scorecard filters', async () => {
    await seedQueue();
    const totalAndNames = async (
      query: Parameters<DatabaseScanStore['listTriage']>[0],
    ) => {
      const page = await store.listTriage(query, NOW);
      return [page.total, names(page)];
    };
    expect(await totalAndNames({ owner: ['Group:default/Team-B'] })).toEqual([
      1,
      ['delta'],
    ]);
    expect(await totalAndNames({ rule: ['ci-module-cache'] })).toEqual([
      1,
      ['delta'],
    ]);
    expect(await totalAndNames({ q: 'CHAR' })).toEqual([1, ['charlie']]);
    expect(await totalAndNames({ status: ['stale'] })).toEqual([
      1,
      ['foxtrot'],
    ]);
    expect(await totalAndNames({ level: ['bronze'] })).toEqual([1, ['delta']]);
    expect(await totalAndNames({ severity: ['error'] })).toEqual([
      4,
      ['bravo', 'foxtrot', 'alpha', 'charlie'],
    ]);
    expect(await totalAndNames({ level: ['gold'] })).toEqual([0, []]);
  });

  it('marks waived rules and orders by the severity no waiver covers', async () => {
    // hotel: every failing rule waived, still bronze from rules that only warn.
    await record(store, 'hotel', 1, [
      finding('mod-go-sum', 'fail'),
      finding('ci-module-cache', 'warn', 'warning'),
      finding('ci-build-cache', 'warn', 'warning'),
      finding('ci-key-os-arch', 'warn', 'warning'),
    ]);
    // india: the error rule waived, a warning rule still failing.
    await record(store, 'india', 2, [
      finding('mod-go-sum', 'fail'),
      finding('ci-module-cache', 'fail', 'warning'),
    ]);
    await record(store, 'juliet', 5, failingError());

    const before = await store.listTriage({}, NOW);
    expect(names(before)).toEqual(['hotel', 'india', 'juliet']);

    const waivers = new WaiverStore(knex);
    const expiresAt = at(40);
    const waive = async (name: string) => {
      const created = await waivers.createWaiver(
        {
          entityRef: `component:default/${name}`,
          ruleId: 'mod-go-sum',
          reason: 'migrating the module proxy',
          expiresAt,
          createdBy: 'user:default/jo',
        },
        NOW,
      );
      if (created.outcome !== 'created') throw new Error(created.outcome);
      return created.waiver.id;
    };
    const hotelWaiver = await waive('hotel');
    await waive('india');

    const page = await store.listTriage({}, NOW);
    expect(names(page)).toEqual(['juliet', 'india', 'hotel']);
    const [juliet, india, hotel] = page.items;
    expect(juliet).toMatchObject({
      waiverState: 'none',
      worstSeverity: 'error',
    });
    expect(india).toMatchObject({
      level: 'bronze',
      waiverState: 'partial',
      worstSeverity: 'warning',
    });
    expect(india.failingRules.map(r => [r.ruleId, Boolean(r.waiver)])).toEqual([
      ['mod-go-sum', true],
      ['ci-module-cache', false],
    ]);
    expect(hotel).toMatchObject({
      level: 'bronze',
      waiverState: 'all',
      worstSeverity: undefined,
      failingRules: [
        { ruleId: 'mod-go-sum', waiver: { id: hotelWaiver, expiresAt } },
      ],
    });

    // Once the waivers expire the order is the unwaived one again.
    const later = await store.listTriage({}, at(41));
    expect(names(later)).toEqual(['hotel', 'india', 'juliet']);
    expect(later.items.map(i => i.waiverState)).toEqual([
      'none',
      'none',
      'none',
    ]);
  });

  it('answers an empty queue', async () => {
    await expect(store.listTriage({}, NOW)).resolves.toEqual({
      items: [],
      total: 0,
    });
  });
});
