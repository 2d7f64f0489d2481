import { SimResponse } from './types';

const DOCS = 'https://docs.github.com/rest';

/** A JSON error the way GitHub's REST API words it. */
export function githubError(
  status: number,
  message: string,
  documentationUrl = DOCS,
  extra: Record<string, unknown> = {},
): SimResponse {
  return {
    status,
    json: {
      message,
      ...extra,
      documentation_url: documentationUrl,
      status: String(status),
    },
  };
}

export function notFound(documentationUrl = DOCS): SimResponse {
  return githubError(404, 'Not Found', documentationUrl);
}

export function emptyRepository(documentationUrl = DOCS): SimResponse {
  return githubError(409, 'Git Repository is empty.', documentationUrl);
}

export function tooLargeForContents(): SimResponse {
  return githubError(
    403,
    'This API returns blobs up to 1 MB in size. The requested blob is too large to fetch via the API, but you can use the Git Data API to request blobs up to 100 MB in size.',
    `${DOCS}/repos/contents#get-repository-content`,
    { errors: [{ resource: 'Blob', field: 'data', code: 'too_large' }] },
  );
}

export function tooLargeForBlobs(): SimResponse {
  return githubError(
    403,
    'This API returns blobs up to 100 MB in size.',
    `${DOCS}/git/blobs#get-a-blob`,
    { errors: [{ resource: 'Blob', field: 'data', code: 'too_large' }] },
  );
}

export const RATE_LIMIT_DOCS = `${DOCS}/overview/rate-limits-for-the-rest-api`;

/** GitHub's primary-limit wording; the hint about tokens is for anonymous callers only. */
export function primaryRateLimitExceeded(
  who: string,
  anonymous: boolean,
): SimResponse {
  const hint = anonymous
    ? " (But here's the good news: Authenticated requests get a higher rate limit. Check out the documentation for more details.)"
    : '';
  return githubError(
    403,
    `API rate limit exceeded for ${who}.${hint}`,
    RATE_LIMIT_DOCS,
  );
}

/** GitHub's secondary-limit wording: Octokit's throttling plugin looks for "secondary rate". */
export function secondaryRateLimitExceeded(status: 403 | 429): SimResponse {
  return githubError(
    status,
    'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID.',
    `${DOCS}/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits`,
  );
}

export function badCredentials(): SimResponse {
  return githubError(401, 'Bad credentials', DOCS);
}

export function invalidJwt(): SimResponse {
  return githubError(
    401,
    'A JSON web token could not be decoded',
    `${DOCS}/apps/apps#get-an-app`,
  );
}

export function serverError(status: number): SimResponse {
  return githubError(
    status,
    status === 502 ? 'Server Error' : 'Service Unavailable',
  );
}
