import { invalidJwt, badCredentials, notFound } from '../http/githubErrors';
import {
  RouteContext,
  RouteDefinition,
  SimRequest,
  SimResponse,
} from '../http/types';
import { accountJson } from '../shapes/accountJson';
import { accountId } from '../shapes/nodeId';
import { minimalRepositoryJson } from '../shapes/repositoryJson';
import { paginate } from './pagination';

const APP_PERMISSIONS = { contents: 'read', metadata: 'read' };
const INSTALLED_AT = '2026-01-01T00:00:00Z';

function installationJson(owner: string, appId: string, context: RouteContext) {
  const id = accountId(owner);
  return {
    id,
    account: accountJson(owner, 'Organization', context.urls),
    repository_selection: 'all',
    access_tokens_url: `${context.urls.api}/app/installations/${id}/access_tokens`,
    repositories_url: `${context.urls.api}/installation/repositories`,
    html_url: `${context.urls.web}/organizations/${owner}/settings/installations/${id}`,
    app_id: Number(appId) || 1,
    app_slug: 'go-build-policy',
    target_id: id,
    target_type: 'Organization',
    permissions: APP_PERMISSIONS,
    events: [],
    created_at: INSTALLED_AT,
    updated_at: INSTALLED_AT,
    single_file_name: null,
    has_multiple_single_files: false,
    single_file_paths: [],
    suspended_by: null,
    suspended_at: null,
  };
}

/** App endpoints take the app's JWT; the signature is not checked, the shape is. */
function asApp(
  request: SimRequest,
  handle: (appId: string) => SimResponse,
): SimResponse {
  return request.caller.kind === 'app'
    ? handle(request.caller.appId)
    : invalidJwt();
}

/** Enough of the GitHub App flow for Backstage's DefaultGithubCredentialsProvider. */
export const appRoutes: RouteDefinition[] = [
  {
    method: 'GET',
    template: '/app/installations',
    handler: (request, context) =>
      asApp(request, appId =>
        paginate(request, context.registry.owners(), owner =>
          installationJson(owner, appId, context),
        ),
      ),
  },
  {
    method: 'POST',
    template: '/app/installations/{installation_id}/access_tokens',
    handler: (request, context) =>
      asApp(request, () => {
        const id = Number(request.params.installation_id);
        const owner = context.registry
          .owners()
          .find(login => accountId(login) === id);
        if (!owner)
          return notFound(
            'https://docs.github.com/rest/apps/apps#create-an-installation-access-token-for-an-app',
          );
        const issued = context.issueInstallationToken(id);
        return {
          status: 201,
          json: {
            token: issued.token,
            expires_at: issued.expiresAt,
            permissions: APP_PERMISSIONS,
            repository_selection: 'all',
          },
        };
      }),
  },
  {
    method: 'GET',
    template: '/installation/repositories',
    handler: (request, context) => {
      const installation =
        request.caller.kind === 'token'
          ? context.installationOfToken(request.caller.token)
          : undefined;
      if (installation === undefined) return badCredentials();
      const owner = context.registry
        .owners()
        .find(login => accountId(login) === installation);
      const repos = owner ? context.registry.list(owner) : [];
      const page = paginate(request, repos, repo =>
        minimalRepositoryJson(repo, context.urls),
      );
      if (page.status !== 200) return page;
      return {
        ...page,
        json: {
          total_count: repos.length,
          repository_selection: 'all',
          repositories: page.json,
        },
      };
    },
  },
];
