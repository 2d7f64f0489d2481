import {
  githubError,
  notFound,
  tooLargeForContents,
} from '../http/githubErrors';
import { RouteDefinition } from '../http/types';
import { directoryContentJson, fileContentJson } from '../shapes/contentsJson';
import { BLOB_API_LIMIT_BYTES } from './gitDataRoutes';
import { wantsObject, wantsRaw } from './mediaTypes';
import { withRepo } from './repoAccess';

const CONTENTS_DOCS =
  'https://docs.github.com/rest/repos/contents#get-repository-content';
/** Above 1 MB the contents API only answers the raw and object media types. */
export const CONTENTS_API_LIMIT_BYTES = 1024 * 1024;

/** GET /repos/{owner}/{repo}/contents/{path}?ref=: files and directories. */
export const contentsRoutes: RouteDefinition[] = [
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/contents/{+path}',
    handler: (request, context) =>
      withRepo(request, context, repo => {
        if (repo.isEmpty)
          return githubError(404, 'This repository is empty.', CONTENTS_DOCS);
        const ref = request.query.get('ref') || repo.defaultBranch;
        const commit = repo.resolveCommit(ref);
        if (!commit)
          return githubError(
            404,
            `No commit found for the ref ${ref}`,
            CONTENTS_DOCS,
          );
        const path = request.params.path.replace(/\/+$/, '');
        const found = repo.lookupPath(commit.tree, path);
        if (!found) return notFound(CONTENTS_DOCS);
        const common = { repo, ref, path, sha: found.sha, urls: context.urls };
        if (found.object.kind === 'tree') {
          return {
            status: 200,
            json: directoryContentJson({
              ...common,
              entries: found.object.entries,
            }),
          };
        }
        const content = found.object.content;
        if (wantsRaw(request)) {
          if (content.length > BLOB_API_LIMIT_BYTES)
            return tooLargeForContents();
          return {
            status: 200,
            raw: content,
            contentType: 'application/vnd.github.raw',
          };
        }
        const small = content.length <= CONTENTS_API_LIMIT_BYTES;
        if (!small && !wantsObject(request)) return tooLargeForContents();
        return {
          status: 200,
          json: fileContentJson({ ...common, content, inline: small }),
        };
      }),
  },
];
