import { IncomingHttpHeaders } from 'node:http';
import { RepoRegistry } from '../model/RepoRegistry';
import { RateLimitState } from './RateLimiter';

/** Who is calling, from the Authorization header. */
export type Caller =
  | { kind: 'anonymous'; address: string }
  | { kind: 'token'; token: string }
  | { kind: 'app'; appId: string; jwt: string };

export interface SimRequest {
  method: string;
  /** Path below the API base path, starting with "/". */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  caller: Caller;
  body: unknown;
  /** The absolute URL the client asked for, base path included. */
  url: URL;
  /** Path parameters, decoded. */
  params: Record<string, string>;
}

export interface SimResponse {
  status: number;
  headers?: Record<string, string>;
  /** A JSON body; `raw` wins when both are set. */
  json?: unknown;
  raw?: Buffer;
  contentType?: string;
}

/** Absolute URL builders, so bodies carry links that resolve on this server. */
export interface UrlContext {
  /** e.g. http://127.0.0.1:7008/api/v3 */
  api: string;
  /** e.g. http://127.0.0.1:7008 (html_url, blob pages) */
  web: string;
}

export interface RouteContext {
  registry: RepoRegistry;
  urls: UrlContext;
  /** Global limit on recursive tree entries before `truncated: true`. */
  truncateTreesOver: number;
  /** Issues an installation token (GitHub App flow). */
  issueInstallationToken(installationId: number): {
    token: string;
    expiresAt: string;
  };
  /** The installation a token was issued for, if it was. */
  installationOfToken(token: string): number | undefined;
  /** The caller's primary rate-limit window, for GET /rate_limit. */
  rateLimitOf(caller: Caller): RateLimitState;
  /** Tokens that may read but not write (a fine-grained token with read-only contents). */
  isReadOnly(caller: Caller): boolean;
}

export type RouteHandler = (
  request: SimRequest,
  context: RouteContext,
) => SimResponse | Promise<SimResponse>;

export interface RouteDefinition {
  method: string;
  /** GitHub's templated path, e.g. /repos/{owner}/{repo}/git/trees/{tree_sha}; `{+path}` takes the rest. */
  template: string;
  handler: RouteHandler;
  /** Calls that GitHub does not count against the rate limit. */
  free?: boolean;
}
