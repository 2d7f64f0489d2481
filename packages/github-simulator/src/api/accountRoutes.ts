import { notFound } from '../http/githubErrors';
import {
  RouteContext,
  RouteDefinition,
  SimRequest,
  SimResponse,
} from '../http/types';
import { SimulatedRepository } from '../model/SimulatedRepository';
import { minimalRepositoryJson } from '../shapes/repositoryJson';
import { paginate } from './pagination';

type Sorter = (a: SimulatedRepository, b: SimulatedRepository) => number;

const SORTERS: Record<string, Sorter> = {
  full_name: (a, b) => a.fullName.localeCompare(b.fullName),
  created: (a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id,
  updated: (a, b) =>
    (a.pushedAt ?? '').localeCompare(b.pushedAt ?? '') || a.id - b.id,
  pushed: (a, b) =>
    (a.pushedAt ?? '').localeCompare(b.pushedAt ?? '') || a.id - b.id,
};

function listFor(
  request: SimRequest,
  context: RouteContext,
  owner: string,
  requireOrganization: boolean,
): SimResponse {
  const all = context.registry.list(owner);
  const isOrganization = all.some(
    repo => (repo.settings.ownerType ?? 'Organization') === 'Organization',
  );
  if (all.length === 0 || (requireOrganization && !isOrganization))
    return notFound();
  const type = request.query.get('type') ?? 'all';
  const visible = all.filter(repo => {
    if (repo.settings.private) {
      return request.caller.kind !== 'anonymous' && type !== 'public';
    }
    return type !== 'private';
  });
  // GitHub's default: full_name ascending for orgs' listings; dates newest first.
  const sort = request.query.get('sort') ?? 'full_name';
  const sorter = SORTERS[sort] ?? SORTERS.full_name;
  const direction =
    request.query.get('direction') ?? (sort === 'full_name' ? 'asc' : 'desc');
  const sorted = [...visible].sort(sorter);
  if (direction === 'desc') sorted.reverse();
  return paginate(request, sorted, repo =>
    minimalRepositoryJson(repo, context.urls),
  );
}

/** Repository listings with pagination: /orgs/{org}/repos and /users/{username}/repos. */
export const accountRoutes: RouteDefinition[] = [
  {
    method: 'GET',
    template: '/orgs/{org}/repos',
    handler: (request, context) =>
      listFor(request, context, request.params.org, true),
  },
  {
    method: 'GET',
    template: '/users/{username}/repos',
    handler: (request, context) =>
      listFor(request, context, request.params.username, false),
  },
];
