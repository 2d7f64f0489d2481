import { IncomingMessage } from 'node:http';
import { randomBytes } from 'node:crypto';
import { callerLabel, callerOf } from '../http/callers';
import { matchesIfNoneMatch, strongEtag } from '../http/conditional';
import {
  badCredentials,
  notFound,
  primaryRateLimitExceeded,
} from '../http/githubErrors';
import { RouteMatch, Router } from '../http/router';
import { Caller, SimResponse, UrlContext } from '../http/types';
import { faultResponse } from './faultResponse';
import { SimulatorState } from './SimulatorState';

export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  body?: Buffer;
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

function rateLimitHeaders(
  state: SimulatorState,
  caller: Caller,
): Record<string, string> {
  const window = state.limiter.state(caller);
  return {
    'x-ratelimit-limit': String(window.limit),
    'x-ratelimit-remaining': String(window.remaining),
    'x-ratelimit-used': String(window.used),
    'x-ratelimit-reset': String(window.reset),
    'x-ratelimit-resource': 'core',
  };
}

function whoIsLimited(caller: Caller): string {
  return caller.kind === 'anonymous'
    ? caller.address
    : `token ${callerLabel(caller)}`;
}

function toBody(response: SimResponse): {
  body?: Buffer;
  contentType?: string;
} {
  if (response.raw)
    return { body: response.raw, contentType: response.contentType };
  if (response.json === undefined) return {};
  return {
    body: Buffer.from(JSON.stringify(response.json)),
    contentType: 'application/json; charset=utf-8',
  };
}

interface Outcome {
  response: SimResponse;
  /** Answered by an injected fault. */
  fault: boolean;
  /** Refused before any work: bad credentials or an exhausted budget spend nothing. */
  refused: boolean;
}

async function answer(options: {
  state: SimulatorState;
  request: IncomingMessage;
  url: URL;
  path: string;
  urls: UrlContext;
  body: unknown;
  web: boolean;
  method: string;
  caller: Caller;
  match: RouteMatch | undefined;
  free: boolean;
}): Promise<Outcome> {
  const { state, caller, method, path, match } = options;
  if (!state.isKnownCaller(caller)) {
    return { response: badCredentials(), fault: false, refused: true };
  }
  if (!options.free && state.limiter.isExhausted(caller)) {
    return {
      response: primaryRateLimitExceeded(
        whoIsLimited(caller),
        caller.kind === 'anonymous',
      ),
      fault: false,
      refused: true,
    };
  }
  const injected = options.web ? undefined : state.faults.take(method, path);
  if (injected)
    return { response: faultResponse(injected), fault: true, refused: false };
  if (!match) return { response: notFound(), fault: false, refused: false };
  const request = {
    method,
    path,
    query: options.url.searchParams,
    headers: options.request.headers,
    caller,
    body: options.body,
    url: options.url,
    params: match.params,
  };
  try {
    const response = await match.route.handler(
      request,
      state.routeContext(options.urls),
    );
    return { response, fault: false, refused: false };
  } catch (error) {
    // A bug in a route must not take the server down: answer like GitHub's 500.
    const message = `Simulator error: ${(error as Error).message}`;
    return {
      response: { status: 500, json: { message } },
      fault: false,
      refused: false,
    };
  }
}

/**
 * One API request, GitHub-style: latency, primary rate limit, injected
 * faults, the route itself, then ETag / 304 and the x-ratelimit headers.
 * A 304 to an authenticated request spends nothing, as on GitHub.
 */
export async function handleApiRequest(options: {
  state: SimulatorState;
  router: Router;
  request: IncomingMessage;
  url: URL;
  path: string;
  urls: UrlContext;
  body: unknown;
  /** Web pages: no rate limit headers, no latency. */
  web: boolean;
}): Promise<WireResponse> {
  const { state, router, request, path } = options;
  const method = (request.method ?? 'GET').toUpperCase();
  const caller = callerOf(request);
  const match = router.match(method === 'HEAD' ? 'GET' : method, path);
  const route = match
    ? `${method} ${match.route.template}`
    : `${method} (no route)`;
  const free = options.web || Boolean(match?.route.free);

  if (!options.web) {
    const delay =
      state.settings.latencyMs + state.faults.delayFor(method, path);
    if (delay > 0) await sleep(delay);
  }

  const outcome = await answer({ ...options, method, caller, match, free });
  const { response, fault, refused } = outcome;

  const { body, contentType } = toBody(response);
  const headers: Record<string, string> = { ...response.headers };
  if (contentType) headers['content-type'] = contentType;
  let status = response.status;
  let sentBody = body;
  if ((method === 'GET' || method === 'HEAD') && status === 200 && body) {
    const etag = strongEtag(body);
    headers.etag = etag;
    if (
      matchesIfNoneMatch(
        request.headers['if-none-match'] as string | undefined,
        etag,
      )
    ) {
      status = 304;
      sentBody = undefined;
      delete headers['content-type'];
    }
  }
  const authenticated = caller.kind !== 'anonymous' && !refused;
  const spent =
    !free && !fault && !refused && !(status === 304 && authenticated);
  if (spent) state.limiter.spend(caller);
  if (!options.web) {
    Object.assign(headers, rateLimitHeaders(state, caller), {
      'x-github-media-type': 'github.v3; format=json',
      'x-github-api-version-selected': '2022-11-28',
      'x-github-request-id': randomBytes(8).toString('hex').toUpperCase(),
      'cache-control': authenticated
        ? 'private, max-age=60, s-maxage=60'
        : 'public, max-age=60, s-maxage=60',
      vary: 'Accept, Authorization, Cookie, X-GitHub-OTP',
      'access-control-expose-headers':
        'ETag, Link, Location, Retry-After, X-GitHub-OTP, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Used, X-RateLimit-Resource, X-RateLimit-Reset, X-GitHub-Request-Id',
    });
  }
  state.stats.record({
    route,
    tokenLabel: callerLabel(caller),
    status,
    spent,
    fault,
  });
  return { status, headers, body: method === 'HEAD' ? undefined : sentBody };
}
