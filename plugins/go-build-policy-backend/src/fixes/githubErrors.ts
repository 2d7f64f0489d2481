import {
  ConflictError,
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { GithubFailure } from '../github/GithubFailure';

/**
 * A GitHub failure met while opening a fix pull request, as the error the API answers
 * with: what went wrong, on which repository, in words an admin can act on.
 */
export function fixPullRequestError(
  slug: string,
  step: string,
  failure: GithubFailure,
): Error {
  switch (failure.kind) {
    case 'forbidden':
      return new NotAllowedError(
        `The integration's credentials cannot write to ${slug} (${step}): ${failure.message}`,
      );
    case 'not-found':
      return new NotFoundError(
        `${slug} was not found while ${step} (it may have been deleted, or the integration's credentials cannot see it)`,
      );
    case 'rate-limited':
      return new ServiceUnavailableError(
        `GitHub's rate limit for ${slug} is spent${
          failure.resumeAt
            ? ` until ${new Date(failure.resumeAt).toISOString()}`
            : ''
        }; try again later`,
      );
    case 'unavailable':
      return new ServiceUnavailableError(
        `GitHub did not answer while ${step} on ${slug}: ${failure.message}`,
      );
    case 'empty':
      return new ConflictError(`${slug} has no commits to fix`);
    default:
      return new ConflictError(
        `GitHub refused ${step} on ${slug}: ${failure.message}`,
      );
  }
}
