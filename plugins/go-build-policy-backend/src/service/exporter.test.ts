import {
  RepositoryCursor,
  RepositoryQuery,
  RepositoryRow,
  ScanStore,
} from '../database/ScanStore';
import { csvExport, exportRows, jsonExport } from './exporter';

function row(index: number): RepositoryRow {
  return {
    entity: { entityRef: `component:default/s${index}`, kind: 'Component' },
    state: 'ok',
    stale: false,
    failingCount: 0,
    failingRuleIds: [],
    score: index % 101,
    scannedAt: new Date('2026-11-20T10:00:00Z'),
  };
}

/** A store holding `count` rows, recording the pages asked for. */
function storeWith(count: number) {
  const pages: Array<{ after?: string; limit: number }> = [];
  const store = {
    listRepositoriesAfter: async (
      _query: RepositoryQuery,
      after: RepositoryCursor | undefined,
      limit: number,
    ) => {
      pages.push({ after: after?.entityRef, limit });
      const start = after ? Number(after.entityRef.split('/s')[1]) + 1 : 0;
      const end = Math.min(count, start + limit);
      const items = [];
      for (let i = start; i < end; i++) items.push(row(i));
      const last = items[items.length - 1];
      return {
        items,
        next:
          items.length === limit && last
            ? { value: null, entityRef: last.entity.entityRef }
            : undefined,
      };
    },
  } as unknown as ScanStore;
  return { store, pages };
}

async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of source) out.push(item);
  return out;
}

describe('exportRows', () => {
  it('follows the cursor of each page until the last', async () => {
    const { store, pages } = storeWith(2_345);
    const rows = await collect(exportRows(store, { sort: 'name' }));
    expect(rows).toHaveLength(2_345);
    expect(rows[2_344].entity.entityRef).toBe('component:default/s2344');
    expect(pages).toEqual([
      { after: undefined, limit: 1000 },
      { after: 'component:default/s999', limit: 1000 },
      { after: 'component:default/s1999', limit: 1000 },
    ]);
  });

  it('stops at the export cap', async () => {
    const { store } = storeWith(150_000);
    const rows = await collect(exportRows(store, {}));
    expect(rows).toHaveLength(100_000);
  });
});

describe('csvExport and jsonExport', () => {
  it('writes a header and one CSV line per row', async () => {
    const { store } = storeWith(2);
    const lines = await collect(csvExport(exportRows(store, {})));
    expect(lines).toHaveLength(3);
    expect(lines[0].startsWith('"entityRef","title","kind"')).toBe(true);
    expect(lines[1]).toContain('"component:default/s0"');
    expect(lines[1]).toContain('"2026-11-20T10:00:00.000Z"');
  });

  it('writes a JSON document that parses', async () => {
    const { store } = storeWith(3);
    const text = (
      await collect(
        jsonExport(exportRows(store, {}), new Date('2026-11-21T00:00:00Z')),
      )
    ).join('');
    const parsed = JSON.parse(text);
    expect(parsed.generatedAt).toBe('2026-11-21T00:00:00.000Z');
    expect(parsed.items.map((r: { entityRef: string }) => r.entityRef)).toEqual(
      ['component:default/s0', 'component:default/s1', 'component:default/s2'],
    );
  });

  it('writes an empty JSON list when nothing matches', async () => {
    const { store } = storeWith(0);
    const text = (await collect(jsonExport(exportRows(store, {})))).join('');
    expect(JSON.parse(text).items).toEqual([]);
  });
});
