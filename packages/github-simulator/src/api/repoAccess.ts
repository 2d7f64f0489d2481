import { githubError, notFound } from '../http/githubErrors';
import { RouteContext, SimRequest, SimResponse } from '../http/types';
import { SimulatedRepository } from '../model/SimulatedRepository';

/**
 * Finds the repository named in the path and runs `handle` on it, answering
 * as GitHub does otherwise: 404 for unknown (or private to anonymous
 * callers), 301 to /repositories/{id}/... for an old name.
 */
export function withRepo(
  request: SimRequest,
  context: RouteContext,
  handle: (repo: SimulatedRepository) => SimResponse,
): SimResponse {
  const { owner, repo: name } = request.params;
  const found = context.registry.lookup(owner, name);
  if (found.kind === 'missing') return notFound();
  if (found.repo.settings.private && request.caller.kind === 'anonymous') {
    return notFound();
  }
  if (found.kind === 'moved') {
    // The path is /repos/{owner}/{repo}/rest...: keep "rest" on the new location.
    const rest = request.path.split('/').slice(4).join('/');
    const target = `${context.urls.api}/repositories/${found.repo.id}${
      rest ? `/${rest}` : ''
    }${request.url.search}`;
    const moved = githubError(
      301,
      'Moved Permanently',
      'https://docs.github.com/rest/guides/best-practices-for-using-the-rest-api#follow-redirects',
      { url: target },
    );
    return { ...moved, headers: { location: target } };
  }
  return handle(found.repo);
}
