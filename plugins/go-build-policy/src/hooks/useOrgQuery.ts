import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  RepositoryFilter,
  RepositoryQuery,
  RepositorySortField,
  WaiverQuery,
  WaiverState,
} from '../api/types';

export type OrgView = 'services' | 'owners' | 'rules' | 'triage' | 'waivers';
const VIEWS: OrgView[] = ['services', 'owners', 'rules', 'triage', 'waivers'];

/** The waivers view's state filter; `any` lists every state. */
export type WaiverStateFilter = WaiverState | 'any';
const WAIVER_STATES: WaiverStateFilter[] = [
  'active',
  'expired',
  'revoked',
  'any',
];
/** What "expiring soon" means in the waivers view. */
export const EXPIRING_SOON_DAYS = 14;

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
  waiverState: WaiverStateFilter;
  /** Only waivers expiring within EXPIRING_SOON_DAYS. */
  expiringSoon: boolean;
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
  const waiverState = params.get('waiverState') as WaiverStateFilter | null;
  return {
    view: VIEWS.includes(view as OrgView) ? (view as OrgView) : 'services',
    filter,
    sort: sort && SORTS.includes(sort) ? sort : 'score',
    order: params.get('order') === 'desc' ? 'desc' : 'asc',
    page: positiveInt(params.get('page'), 0),
    pageSize: PAGE_SIZES.includes(pageSize) ? pageSize : 25,
    waiverState:
      waiverState && WAIVER_STATES.includes(waiverState)
        ? waiverState
        : 'active',
    expiringSoon: params.get('expiring') === String(EXPIRING_SOON_DAYS),
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

/** The triage query: the filters and the page; the server decides the order. */
export function toTriageQuery(query: OrgQuery): RepositoryQuery {
  return {
    ...query.filter,
    limit: query.pageSize,
    offset: query.page * query.pageSize,
  };
}

/** The waivers query; "expiring soon" counts from `now`. */
export function toWaiverQuery(
  query: OrgQuery,
  now: number = Date.now(),
): WaiverQuery {
  return {
    ...query.filter,
    state: query.waiverState === 'any' ? undefined : [query.waiverState],
    expiresBefore: query.expiringSoon
      ? new Date(now + EXPIRING_SOON_DAYS * 24 * 3600 * 1000).toISOString()
      : undefined,
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
    setWaiverState: (state: WaiverStateFilter) =>
      update(next => next.set('waiverState', state)),
    setExpiringSoon: (on: boolean) =>
      update(next =>
        on
          ? next.set('expiring', String(EXPIRING_SOON_DAYS))
          : next.delete('expiring'),
      ),
    clearFilters: () =>
      update(next => {
        for (const key of [...FILTER_KEYS, 'q']) next.delete(key);
      }),
  };
}
