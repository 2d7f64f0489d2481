import { TestDatabases } from '@backstage/backend-test-utils';
import {
  completedScan,
  entity,
  finding,
  migratedStore,
} from '../__testUtils__/scans';
import { DatabaseScanStore } from '../database/DatabaseScanStore';
import { RepositoryQuery, RepositorySortField } from '../database/ScanStore';
import { exportRows } from './exporter';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
const SORTS: RepositorySortField[] = [
  'score',
  'name',
  'owner',
  'lastScan',
  'failing',
  'severity',
];

/** 18 scanned entities with many equal sort values, and 5 never scanned (nulls). */
async function seeded(id: Parameters<typeof databases.init>[0]) {
  const store = await migratedStore(await databases.init(id));
  for (let i = 0; i < 18; i++) {
    const failing = i % 3 === 0 ? 'fail' : 'pass';
    await store.recordScan(
      completedScan(
        entity(`svc-${String(i).padStart(2, '0')}`, {
          owner: i % 4 === 0 ? undefined : `group:default/team-${i % 2}`,
        }),
        [
          finding('ci-build-cache', failing),
          finding('mod-tidy', i % 2 ? 'fail' : 'pass', 'warning'),
        ],
        { at: new Date(Date.UTC(2026, 10, 20, 10, i % 5)) },
      ),
    );
  }
  await store.markState(
    Array.from({ length: 5 }, (_, i) => entity(`new-${i}`)),
    'queued',
  );
  return store;
}

async function exported(
  store: DatabaseScanStore,
  query: Omit<RepositoryQuery, 'limit' | 'offset'>,
  pageSize: number,
): Promise<string[]> {
  const refs: string[] = [];
  for await (const row of exportRows(store, query, { pageSize })) {
    refs.push(row.entity.entityRef);
  }
  return refs;
}

describe.each(databases.eachSupportedId())('export pages on %s', id => {
  it('reads every row once, in the table order, for each sort and direction', async () => {
    const store = await seeded(id);
    for (const sort of SORTS) {
      for (const order of ['asc', 'desc'] as const) {
        const table = await store.listRepositories({
          sort,
          order,
          limit: 1000,
        });
        const expected = table.items.map(r => r.entity.entityRef);
        expect({
          sort,
          order,
          refs: await exported(store, { sort, order }, 4),
        }).toEqual({ sort, order, refs: expected });
      }
    }
  });

  it('neither repeats nor skips rows when results change during the export', async () => {
    const store = await seeded(id);
    const query = { sort: 'score', order: 'desc' } as const;
    const before = (
      await store.listRepositories({ ...query, limit: 1000 })
    ).items.map(r => r.entity.entityRef);

    const refs: string[] = [];
    for await (const row of exportRows(store, query, { pageSize: 5 })) {
      refs.push(row.entity.entityRef);
      if (refs.length === 6) {
        // Two entities get their first result, sorting ahead of the rows read so far.
        for (const name of ['new-0', 'new-1']) {
          await store.recordScan(
            completedScan(entity(name), [finding('ci-build-cache', 'pass')], {
              at: new Date('2026-11-21T10:00:00Z'),
            }),
          );
        }
      }
    }

    expect(new Set(refs).size).toBe(refs.length);
    const unchanged = before.filter(
      ref => !ref.endsWith('/new-0') && !ref.endsWith('/new-1'),
    );
    expect(refs.filter(ref => unchanged.includes(ref))).toEqual(unchanged);
  });
});
