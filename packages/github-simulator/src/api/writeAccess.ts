import { emptyRepository, githubError } from '../http/githubErrors';
import { RouteContext, SimRequest, SimResponse } from '../http/types';
import { Actor } from '../model/pullRequests';
import { SimulatedRepository } from '../model/SimulatedRepository';
import { withRepo } from './repoAccess';

/** GitHub's answer to a request body that does not match the operation's schema. */
export function invalidRequest(reason: string, docs?: string): SimResponse {
  return githubError(422, `Invalid request.\n\n${reason}`, docs);
}

/** GitHub's "Validation Failed" with its `errors` list. */
export function validationFailed(
  errors: Record<string, unknown>[],
  docs?: string,
): SimResponse {
  return githubError(422, 'Validation Failed', docs, { errors });
}

/** Who a write is attributed to: a token's user, or an installation's bot. */
export function actorOf(request: SimRequest, context: RouteContext): Actor {
  const { caller } = request;
  if (caller.kind === 'token' && context.installationOfToken(caller.token)) {
    return { login: 'go-build-policy-simulator[bot]', type: 'Bot' };
  }
  return { login: 'simulated-user', type: 'User' };
}

/**
 * Runs a write on the repository named in the path, refusing as GitHub does: 401 without
 * credentials, 403 for a read-only token or an archived repository, 409 when empty.
 */
export function withWritableRepo(
  request: SimRequest,
  context: RouteContext,
  docs: string,
  handle: (
    repo: SimulatedRepository,
    body: Record<string, unknown>,
  ) => SimResponse,
  options: { allowEmpty?: boolean; bodyOptional?: boolean } = {},
): SimResponse {
  if (request.caller.kind === 'anonymous')
    return githubError(401, 'Requires authentication', docs);
  if (context.isReadOnly(request.caller)) {
    return githubError(
      403,
      'Resource not accessible by personal access token',
      docs,
    );
  }
  return withRepo(request, context, repo => {
    if (repo.settings.archived)
      return githubError(403, 'Repository was archived so is read-only.', docs);
    if (repo.isEmpty && !options.allowEmpty) return emptyRepository(docs);
    const body = request.body ?? (options.bodyOptional ? {} : undefined);
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      return invalidRequest('Body must be a JSON object.', docs);
    return handle(repo, body as Record<string, unknown>);
  });
}

export function isSha(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9a-f]{40}$/i.test(value);
}
