import { emptyRepository, githubError } from '../http/githubErrors';
import { RouteDefinition } from '../http/types';
import { branchJson, commitJson, refJson } from '../shapes/gitJson';
import { fullRepositoryJson } from '../shapes/repositoryJson';
import { paginate } from './pagination';
import { withRepo } from './repoAccess';

const BRANCH_DOCS =
  'https://docs.github.com/rest/branches/branches#get-a-branch';
const COMMIT_DOCS = 'https://docs.github.com/rest/commits/commits#get-a-commit';

/** Repository metadata, branches, commits and refs. */
export const repositoryRoutes: RouteDefinition[] = [
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}',
    handler: (request, context) =>
      withRepo(request, context, repo => ({
        status: 200,
        json: fullRepositoryJson(repo, context.urls),
      })),
  },
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/branches/{+branch}',
    handler: (request, context) =>
      withRepo(request, context, repo => {
        const head = repo.branchHead(request.params.branch);
        if (!head) return githubError(404, 'Branch not found', BRANCH_DOCS);
        return {
          status: 200,
          json: branchJson(repo, head, context.urls, request.params.branch),
        };
      }),
  },
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/commits',
    handler: (request, context) =>
      withRepo(request, context, repo => {
        if (repo.isEmpty) return emptyRepository(COMMIT_DOCS);
        const start = repo.resolveCommit(request.query.get('sha') ?? 'HEAD');
        if (!start) return githubError(404, 'Not Found', COMMIT_DOCS);
        return paginate(request, repo.history(start), commit =>
          commitJson(repo, commit, context.urls),
        );
      }),
  },
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/commits/{+ref}',
    handler: (request, context) =>
      withRepo(request, context, repo => {
        if (repo.isEmpty) return emptyRepository(COMMIT_DOCS);
        const commit = repo.resolveCommit(request.params.ref);
        if (!commit) {
          return githubError(
            422,
            `No commit found for SHA: ${request.params.ref}`,
            COMMIT_DOCS,
          );
        }
        return {
          status: 200,
          json: commitJson(repo, commit, context.urls, true),
        };
      }),
  },
  ...['ref', 'refs'].map(
    (segment): RouteDefinition => ({
      method: 'GET',
      template: `/repos/{owner}/{repo}/git/${segment}/{+ref}`,
      handler: (request, context) =>
        withRepo(request, context, repo => {
          if (repo.isEmpty)
            return emptyRepository(
              'https://docs.github.com/rest/git/refs#get-a-reference',
            );
          const branch = /^heads\/(.+)$/.exec(request.params.ref)?.[1];
          const head = branch ? repo.branchHead(branch) : undefined;
          if (!branch || !head) {
            return githubError(
              404,
              'Not Found',
              'https://docs.github.com/rest/git/refs#get-a-reference',
            );
          }
          return {
            status: 200,
            json: refJson(repo, head, context.urls, branch),
          };
        }),
    }),
  ),
];
