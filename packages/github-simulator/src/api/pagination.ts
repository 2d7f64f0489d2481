import { githubError } from '../http/githubErrors';
import { SimRequest, SimResponse } from '../http/types';

const DEFAULT_PER_PAGE = 30;
const MAX_PER_PAGE = 100;

function positiveInteger(
  value: string | null,
  fallback: number,
): number | undefined {
  if (value === null || value === '') return fallback;
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed >= 0 ? parsed : undefined;
}

function pageUrl(request: SimRequest, page: number, perPage: number): string {
  const url = new URL(request.url.toString());
  url.searchParams.set('per_page', String(perPage));
  url.searchParams.set('page', String(page));
  return url.toString();
}

/** One page of `items` with GitHub's `link` header (first, prev, next, last). */
export function paginate<T>(
  request: SimRequest,
  items: T[],
  toJson: (item: T) => unknown,
): SimResponse {
  const perPageAsked = positiveInteger(
    request.query.get('per_page'),
    DEFAULT_PER_PAGE,
  );
  const pageAsked = positiveInteger(request.query.get('page'), 1);
  if (perPageAsked === undefined || pageAsked === undefined) {
    return githubError(
      422,
      'Invalid request.\n\nper_page and page must be integers.',
    );
  }
  // GitHub treats per_page=0 as the default and caps it at 100; page 0 is page 1.
  const perPage = Math.min(perPageAsked || DEFAULT_PER_PAGE, MAX_PER_PAGE);
  const page = Math.max(pageAsked, 1);
  const lastPage = Math.max(1, Math.ceil(items.length / perPage));
  const slice = items.slice((page - 1) * perPage, page * perPage);
  const links: string[] = [];
  if (page > 1) {
    links.push(
      `<${pageUrl(
        request,
        Math.min(page - 1, lastPage),
        perPage,
      )}>; rel="prev"`,
    );
  }
  if (page < lastPage) {
    links.push(`<${pageUrl(request, page + 1, perPage)}>; rel="next"`);
    links.push(`<${pageUrl(request, lastPage, perPage)}>; rel="last"`);
  }
  if (page > 1) links.push(`<${pageUrl(request, 1, perPage)}>; rel="first"`);
  return {
    status: 200,
    json: slice.map(toJson),
    headers: links.length ? { link: links.join(', ') } : {},
  };
}
