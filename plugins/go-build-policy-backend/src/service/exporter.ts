import {
  RepositoryCursor,
  RepositoryQuery,
  RepositoryRow,
  ScanStore,
} from '../database/ScanStore';
import { CsvValue, csvLine } from './csv';
import { repositoryRowResponse } from './responses';

/** Exports stop here: a larger org should narrow the filters or page the JSON API. */
export const MAX_EXPORT_ROWS = 100_000;
const PAGE = 1000;

/**
 * Every row the query selects, page by page, up to MAX_EXPORT_ROWS. Pages follow a keyset
 * cursor, not an offset: scans finishing during a long export move rows, which would
 * repeat or skip rows under OFFSET.
 */
export async function* exportRows(
  store: Pick<ScanStore, 'listRepositoriesAfter'>,
  query: Omit<RepositoryQuery, 'limit' | 'offset'>,
  options: { pageSize?: number } = {},
): AsyncGenerator<RepositoryRow> {
  const pageSize = Math.max(1, options.pageSize ?? PAGE);
  let after: RepositoryCursor | undefined;
  let read = 0;
  while (read < MAX_EXPORT_ROWS) {
    const page = await store.listRepositoriesAfter(
      query,
      after,
      Math.min(pageSize, MAX_EXPORT_ROWS - read),
    );
    yield* page.items;
    read += page.items.length;
    if (!page.next) return;
    after = page.next;
  }
}

const COLUMNS: Array<[string, (row: RepositoryRow) => CsvValue]> = [
  ['entityRef', r => r.entity.entityRef],
  ['title', r => r.entity.title],
  ['kind', r => r.entity.kind],
  ['type', r => r.entity.type],
  ['owner', r => r.entity.owner],
  ['system', r => r.entity.system],
  ['domain', r => r.entity.domain],
  ['lifecycle', r => r.entity.lifecycle],
  ['state', r => r.state],
  ['stale', r => r.stale],
  ['staleReason', r => r.staleReason],
  ['score', r => r.score],
  ['rawScore', r => r.rawScore],
  ['level', r => r.level],
  ['worstSeverity', r => r.worstSeverity],
  ['failingCount', r => r.failingCount],
  ['failingRules', r => r.failingRuleIds.join(' ')],
  [
    'repository',
    r =>
      r.repository &&
      `${r.repository.host}/${r.repository.owner}/${r.repository.name}`,
  ],
  ['commit', r => r.commitSha],
  ['scannedAt', r => r.scannedAt?.toISOString()],
];

/** CSV lines: a header, then one line per row. */
export async function* csvExport(
  rows: AsyncIterable<RepositoryRow>,
): AsyncGenerator<string> {
  yield csvLine(COLUMNS.map(([name]) => name));
  for await (const row of rows) {
    yield csvLine(COLUMNS.map(([, value]) => value(row)));
  }
}

/** A JSON document `{ generatedAt, items: [...] }`, produced piecewise. */
export async function* jsonExport(
  rows: AsyncIterable<RepositoryRow>,
  now: Date = new Date(),
): AsyncGenerator<string> {
  yield `{"generatedAt":${JSON.stringify(now.toISOString())},"items":[`;
  let first = true;
  for await (const row of rows) {
    yield `${first ? '' : ','}${JSON.stringify(repositoryRowResponse(row))}`;
    first = false;
  }
  yield ']}';
}
