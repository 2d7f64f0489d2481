import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  RepositoryFilter,
  RepositoryQuery,
  RepositorySortField,
} from '../api/types';

export type OrgView = 'services' | 'owners' | 'rules';

export const FILTER_KEYS = [
  'owner',
  'system',
  'domain',
  'level',
  'rule',
  'severity',
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

const SORTS: RepositorySortField[] = [
  'score',
  'name',
  'owner',
  'lastScan',
  'failing',
  'severity',
];
export const PAGE_SIZES = [25, 50, 100];

export interface OrgQuery {
  view: OrgView;
  filter: RepositoryFilter;
  sort: RepositorySortField;
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

function positiveInt(value: string | null, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 ? n : fallback;
}

/** Parses the org page's state from the URL, so views, filters and pages can be shared. */
export function parseOrgQuery(params: URLSearchParams): OrgQuery {
  const filter: RepositoryFilter = {};
  for (const key of FILTER_KEYS) {
    const values = params.getAll(key).filter(Boolean);
    if (values.length) (filter as Record<string, string[]>)[key] = values;
  }
  const q = params.get('q');
  if (q) filter.q = q;
  const view = params.get('view');
  const sort = params.get('sort') as RepositorySortField | null;
  const pageSize = positiveInt(params.get('pageSize'), 25);
  return {
    view: view === 'owners' || view === 'rules' ? view : 'services',
    filter,
    sort: sort && SORTS.includes(sort) ? sort : 'score',
    order: params.get('order') === 'desc' ? 'desc' : 'asc',
    page: positiveInt(params.get('page'), 0),
    pageSize: PAGE_SIZES.includes(pageSize) ? pageSize : 25,
  };
}

export function toRepositoryQuery(query: OrgQuery): RepositoryQuery {
  return {
    ...query.filter,
    sort: query.sort,
    order: query.order,
    limit: query.pageSize,
    offset: query.page * query.pageSize,
  };
}

/** The org page's URL state and setters that keep it in the URL. */
export function useOrgQuery() {
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => parseOrgQuery(params), [params]);

  const update = useCallback(
    (change: (next: URLSearchParams) => void, resetPage = true) => {
      setParams(current => {
        const next = new URLSearchParams(current);
        change(next);
        if (resetPage) next.delete('page');
        return next;
      });
    },
    [setParams],
  );

  const setFilter = useCallback(
    (key: FilterKey | 'q', values: string[] | string) =>
      update(next => {
        next.delete(key);
        for (const v of Array.isArray(values) ? values : [values]) {
          if (v) next.append(key, v);
        }
      }),
    [update],
  );

  return {
    query,
    setFilter,
    /** One URL change: two separate ones would each start from the same URL. */
    showFiltered: (key: FilterKey, values: string[], view: OrgView) =>
      update(next => {
        next.delete(key);
        for (const v of values) next.append(key, v);
        next.set('view', view);
      }),
    setView: (view: OrgView) => update(next => next.set('view', view)),
    setSort: (sort: RepositorySortField, order: 'asc' | 'desc') =>
      update(next => {
        next.set('sort', sort);
        next.set('order', order);
      }),
    setPage: (page: number) =>
      update(next => next.set('page', String(page)), false),
    setPageSize: (size: number) =>
      update(next => next.set('pageSize', String(size))),
    clearFilters: () =>
      update(next => {
        for (const key of [...FILTER_KEYS, 'q']) next.delete(key);
      }),
  };
}
