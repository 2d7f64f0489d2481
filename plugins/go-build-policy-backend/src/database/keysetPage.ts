import { Knex } from 'knex';
import { applyRepositoryFilter, applySort, sortColumn } from './filters';
import { EntityRow, repositoryRowFromEntity, TABLES } from './rows';
import type {
  RepositoryCursor,
  RepositoryKeysetPage,
  RepositoryQuery,
} from './ScanStore';

const E = TABLES.entities;
/** Sort columns PostgreSQL may return as strings (bigint) that compare as numbers. */
const NUMERIC_COLUMNS = new Set([
  'score',
  'scanned_at',
  'failing_count',
  'worst_severity_rank',
]);

/**
 * One page of the repository table after `after`, in the order `applySort` gives (the
 * field with missing values last, then the unique entity ref). Unlike OFFSET, a row
 * added, removed or moved before the cursor while a long export runs shifts nothing: rows
 * that keep their place are read exactly once, and no page costs more than its own rows.
 */
export async function listRepositoriesAfter(
  db: Knex,
  query: Omit<RepositoryQuery, 'limit' | 'offset'>,
  after: RepositoryCursor | undefined,
  limit: number,
): Promise<RepositoryKeysetPage> {
  const column = sortColumn(query.sort);
  const qualified = `${E}.${column}`;
  const select = applyRepositoryFilter(db(E), query).select(`${E}.*`);
  if (after) {
    const ref = `${E}.entity_ref`;
    if (after.value === null) {
      select.whereNull(qualified).andWhere(ref, '>', after.entityRef);
    } else {
      const beyond = query.order === 'desc' ? '<' : '>';
      const value = after.value;
      select.where(inner =>
        inner
          .whereNull(qualified)
          .orWhere(qualified, beyond, value)
          .orWhere(tie =>
            tie.where(qualified, value).andWhere(ref, '>', after.entityRef),
          ),
      );
    }
  }
  const rows = (await applySort(select, query.sort, query.order).limit(
    Math.max(1, limit),
  )) as EntityRow[];
  const last = rows[rows.length - 1];
  return {
    items: rows.map(repositoryRowFromEntity),
    next: rows.length < limit || !last ? undefined : cursorOf(last, column),
  };
}

function cursorOf(row: EntityRow, column: string): RepositoryCursor {
  const raw = (row as unknown as Record<string, unknown>)[column];
  let value: string | number | null;
  if (raw === null || raw === undefined) value = null;
  else value = NUMERIC_COLUMNS.has(column) ? Number(raw) : String(raw);
  return { value, entityRef: row.entity_ref };
}
