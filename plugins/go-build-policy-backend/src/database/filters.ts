import { Knex } from 'knex';
import { RepositoryFilter, RepositorySortField } from './ScanStore';
import { normalizeRef, TABLES } from './rows';

const E = TABLES.entities;

function isActivity(state: string): boolean {
  return state === 'queued' || state === 'scanning';
}

function nonEmpty<T>(values: T[] | undefined): values is T[] {
  return Array.isArray(values) && values.length > 0;
}

/** Escapes LIKE wildcards so that free text matches literally. */
function likePattern(text: string): string {
  const escaped = text
    .toLocaleLowerCase('en-US')
    .replace(/[\\%_]/g, c => `\\${c}`);
  return `%${escaped}%`;
}

/**
 * Narrows a query over gbp_entities to the filter. Columns are qualified so the query may
 * join other tables.
 */
export function applyRepositoryFilter(
  query: Knex.QueryBuilder,
  filter: RepositoryFilter = {},
): Knex.QueryBuilder {
  if (nonEmpty(filter.owner)) {
    query.whereIn(`${E}.owner`, filter.owner.map(normalizeRef));
  }
  if (nonEmpty(filter.system)) {
    query.whereIn(`${E}.system`, filter.system.map(normalizeRef));
  }
  if (nonEmpty(filter.domain)) {
    query.whereIn(`${E}.domain`, filter.domain.map(normalizeRef));
  }
  if (nonEmpty(filter.level)) {
    query.whereIn(`${E}.level`, filter.level);
  }
  if (nonEmpty(filter.severity)) {
    query.whereIn(`${E}.worst_severity`, filter.severity);
  }
  if (nonEmpty(filter.status)) {
    const activities = filter.status.filter(isActivity);
    const outcomes = filter.status.filter(s => s !== 'stale' && !isActivity(s));
    const wantsStale = filter.status.includes('stale');
    query.where(inner => {
      if (activities.length) inner.orWhereIn(`${E}.activity`, activities);
      if (outcomes.length) {
        // An outcome shows only while no activity hides it.
        inner.orWhere(sub =>
          sub.whereIn(`${E}.state`, outcomes).whereNull(`${E}.activity`),
        );
      }
      if (wantsStale) inner.orWhere(`${E}.stale`, true);
    });
  }
  if (nonEmpty(filter.rule)) {
    const rules = filter.rule;
    query.whereIn(`${E}.entity_ref`, sub =>
      sub
        .select('entity_ref')
        .from(TABLES.ruleResults)
        .whereIn('rule_id', rules)
        .andWhere('failing', true),
    );
  }
  if (filter.q && filter.q.trim()) {
    query.whereRaw(`${E}.search_text LIKE ? ESCAPE '\\'`, [
      likePattern(filter.q.trim()),
    ]);
  }
  return query;
}

const SORT_COLUMNS: Record<RepositorySortField, string> = {
  score: 'score',
  name: 'name',
  owner: 'owner',
  lastScan: 'scanned_at',
  failing: 'failing_count',
  severity: 'worst_severity_rank',
};

/** The gbp_entities column a sort field orders by. */
export function sortColumn(sort: RepositorySortField = 'name'): string {
  return SORT_COLUMNS[sort];
}

/** Orders by the field (missing values last whatever the direction), then by ref. */
export function applySort(
  query: Knex.QueryBuilder,
  sort: RepositorySortField = 'name',
  order: 'asc' | 'desc' = 'asc',
): Knex.QueryBuilder {
  const column = `${E}.${SORT_COLUMNS[sort]}`;
  // Spelled out: knex's `nulls last` for SQLite drops the column itself (knex 3.1).
  return query
    .orderByRaw(`case when ?? is null then 1 else 0 end`, [column])
    .orderBy(column, order)
    .orderBy(`${E}.entity_ref`, 'asc');
}
