import { Octokit } from '@octokit/rest';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type {
  CacheService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { credentialFailure } from './credentialFailure';
import { GithubFailure, GithubResult } from './GithubFailure';
import { RateLimitBudget } from './RateLimitBudget';
import { ScanCostMeter } from './ScanCostMeter';
import { redactSecrets } from './redactSecrets';

/** How hard to try before giving a request up. */
export interface GithubRequestPolicy {
  /** Retries of 5xx, network errors and short secondary rate limits. */
  maxRetries: number;
  /** First backoff for 5xx and network errors, doubled on each retry. */
  retryBaseDelayMs: number;
  /** Longest `retry-after` we wait in place; longer waits defer the scan instead. */
  maxRetryAfterMs: number;
  /** Per-request timeout. */
  timeoutMs: number;
}

export const DEFAULT_REQUEST_POLICY: GithubRequestPolicy = {
  maxRetries: 3,
  retryBaseDelayMs: 500,
  maxRetryAfterMs: 60_000,
  timeoutMs: 30_000,
};

export interface GithubHostClientOptions {
  host: string;
  apiBaseUrl: string;
  /**
   * Authorization headers for a repository owner of this host (from the integration's
   * credentials provider: a GitHub App has one installation token per organisation).
   */
  getAuthHeaders: (owner: string) => Promise<Record<string, string>>;
  budget: RateLimitBudget;
  /** Holds ETags with the bodies they stand for; a 304 then costs no points. */
  cache: CacheService;
  logger: LoggerService;
  policy?: Partial<GithubRequestPolicy>;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

interface CachedResponse {
  etag: string;
  data: unknown;
}

type Headers = Record<string, string | number | undefined>;

const defaultSleep = (ms: number) => new Promise<void>(r => setTimeout(r, ms));

/**
 * GET requests to one GitHub host, through Octokit, with our own small retry and
 * rate-limit layer rather than plugin-throttling/plugin-retry: those plugins wait in
 * place (up to an hour for a primary limit), holding a scan worker and its queue lease.
 * Here a short `retry-after` is waited out, while a spent budget or a long wait returns a
 * typed `rate-limited` failure with the time to resume, so the queue reschedules the scan
 * and the worker moves on. It also needs every response's headers for the budget and the
 * cost meter, which is simplest in one place.
 */
export class GithubHostClient {
  readonly host: string;
  private readonly octokit: Octokit;
  private readonly policy: GithubRequestPolicy;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;

  constructor(private readonly options: GithubHostClientOptions) {
    this.host = options.host;
    this.policy = { ...DEFAULT_REQUEST_POLICY, ...options.policy };
    this.sleep = options.sleep ?? defaultSleep;
    this.now = options.now ?? Date.now;
    // Keep-alive: a scan sends several requests to one host in a row, and a new TLS
    // connection per request would cost more than the request itself.
    const agents = {
      http: new HttpAgent({ keepAlive: true, maxSockets: 64 }),
      https: new HttpsAgent({ keepAlive: true, maxSockets: 64 }),
    };
    this.octokit = new Octokit({
      baseUrl: options.apiBaseUrl.replace(/\/+$/, ''),
      userAgent: 'go-build-policy-backstage-plugin',
      request: {
        agent: (url: URL) =>
          url.protocol === 'http:' ? agents.http : agents.https,
      },
      log: { debug() {}, info() {}, warn() {}, error() {} },
    });
  }

  /**
   * GETs a route such as `/repos/{owner}/{repo}`. With `conditional`, the last ETag is
   * sent and a 304 answers with the cached body.
   */
  async get<T>(
    route: string,
    params: Record<string, string | number | boolean>,
    meter: ScanCostMeter,
    options: { conditional?: boolean; accept?: string } = {},
  ): Promise<GithubResult<T>> {
    const cacheKey = `etag:${this.host}:${expandRoute(route, params)}`;
    const cached = options.conditional
      ? await this.options.cache.get<any>(cacheKey).catch(() => undefined)
      : undefined;
    for (let attempt = 0; ; attempt++) {
      const budget = this.options.budget.check(this.host);
      if (!budget.allowed) {
        return failed({
          kind: 'rate-limited',
          message: `The rate-limit share for ${
            this.host
          } is spent until ${new Date(budget.resumeAt).toISOString()}`,
          resumeAt: budget.resumeAt,
        });
      }
      const outcome = await this.send<T>(route, params, meter, cached, options);
      if (outcome.ok) {
        if (options.conditional && outcome.etag && !outcome.notModified) {
          const value: CachedResponse = {
            etag: outcome.etag,
            data: outcome.data,
          };
          await this.options.cache
            .set(cacheKey, value as any, { ttl: { days: 1 } })
            .catch(() => {});
        }
        return {
          ok: true,
          data: outcome.data,
          notModified: outcome.notModified,
          url: outcome.url,
        };
      }
      const delay = this.retryDelay(outcome.failure, outcome.headers, attempt);
      if (delay === undefined) return failed(outcome.failure);
      await this.sleep(delay);
    }
  }

  /**
   * One write (POST, PATCH, PUT, DELETE), never retried: a repeated write may act twice
   * (a second commit, a 422 for a branch the first attempt created). Failures are typed
   * like reads', with GitHub's status kept for the caller to word.
   */
  async write<T>(
    method: 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    route: string,
    params: Record<string, unknown>,
    meter: ScanCostMeter,
  ): Promise<GithubResult<T>> {
    const budget = this.options.budget.check(this.host);
    if (!budget.allowed) {
      return failed({
        kind: 'rate-limited',
        message: `The rate-limit share for ${
          this.host
        } is spent until ${new Date(budget.resumeAt).toISOString()}`,
        resumeAt: budget.resumeAt,
      });
    }
    let authHeaders: Record<string, string>;
    try {
      authHeaders = await this.options.getAuthHeaders(
        String(params.owner ?? ''),
      );
    } catch (e) {
      return failed(credentialFailure(this.host, e, this.clean(e), this.now()));
    }
    try {
      const response = await this.octokit.request(`${method} ${route}`, {
        ...params,
        headers: lowerCaseKeys(authHeaders),
        request: { signal: AbortSignal.timeout(this.policy.timeoutMs) },
      });
      meter.record(response.status);
      this.options.budget.observe(this.host, response.headers as Headers);
      return {
        ok: true,
        data: response.data as T,
        notModified: false,
        url: response.url,
      };
    } catch (e: any) {
      const { status, headers, reachedGithub } = this.observeError(e, meter);
      return failed(
        this.classify(status, reachedGithub, headers, e, authHeaders),
      );
    }
  }

  private async send<T>(
    route: string,
    params: Record<string, string | number | boolean>,
    meter: ScanCostMeter,
    cached: CachedResponse | undefined,
    options: { accept?: string },
  ): Promise<
    | { ok: true; data: T; notModified: boolean; url: string; etag?: string }
    | { ok: false; failure: GithubFailure; headers: Headers }
  > {
    let authHeaders: Record<string, string> = {};
    try {
      authHeaders = await this.options.getAuthHeaders(
        String(params.owner ?? params.org ?? ''),
      );
    } catch (e: any) {
      // A token renewal that failed for GitHub's sake is retried like any other request.
      return {
        ok: false,
        failure: credentialFailure(this.host, e, this.clean(e), this.now()),
        headers: e?.response?.headers ?? {},
      };
    }
    const headers: Record<string, string> = { ...lowerCaseKeys(authHeaders) };
    if (cached) headers['if-none-match'] = cached.etag;
    if (options.accept) headers.accept = options.accept;
    try {
      const response = await this.octokit.request(`GET ${route}`, {
        ...params,
        headers,
        request: { signal: AbortSignal.timeout(this.policy.timeoutMs) },
      });
      meter.record(response.status);
      this.options.budget.observe(this.host, response.headers as Headers);
      return {
        ok: true,
        data: response.data as T,
        notModified: false,
        url: response.url,
        etag: response.headers.etag,
      };
    } catch (e: any) {
      const {
        status,
        headers: responseHeaders,
        reachedGithub,
      } = this.observeError(e, meter);
      if (status === 304 && cached) {
        return {
          ok: true,
          data: cached.data as T,
          notModified: true,
          url: route,
        };
      }
      return {
        ok: false,
        failure: this.classify(
          status,
          reachedGithub,
          responseHeaders,
          e,
          authHeaders,
        ),
        headers: responseHeaders,
      };
    }
  }

  /** Counts a failed request and feeds GitHub's rate-limit headers, when it answered, to the budget. */
  private observeError(e: any, meter: ScanCostMeter) {
    const status: number | undefined =
      typeof e?.status === 'number' ? e.status : undefined;
    const headers: Headers = e?.response?.headers ?? {};
    const reachedGithub = Boolean(e?.response);
    meter.record(reachedGithub ? status : undefined);
    if (reachedGithub) this.options.budget.observe(this.host, headers);
    return { status, headers, reachedGithub };
  }

  private classify(
    status: number | undefined,
    reachedGithub: boolean,
    headers: Headers,
    error: unknown,
    authHeaders: Record<string, string>,
  ): GithubFailure {
    const message = this.clean(error, Object.values(authHeaders));
    if (!reachedGithub || status === undefined || status >= 500) {
      return {
        kind: 'unavailable',
        status: reachedGithub ? status : undefined,
        message,
      };
    }
    if (status === 404 || status === 410)
      return { kind: 'not-found', status, message };
    if (status === 401)
      return {
        kind: 'forbidden',
        status,
        message: `Credentials rejected: ${message}`,
      };
    if (status === 409) return { kind: 'empty', status, message };
    if (status === 403 || status === 429) {
      const resumeAt = this.rateLimitResume(status, headers, message);
      if (resumeAt !== undefined) {
        if (
          headers['x-ratelimit-remaining'] === '0' ||
          headers['x-ratelimit-remaining'] === 0
        ) {
          this.options.budget.exhaust(this.host, resumeAt);
        }
        return { kind: 'rate-limited', status, message, resumeAt };
      }
      return { kind: 'forbidden', status, message };
    }
    return { kind: 'unexpected', status, message };
  }

  /** When a 403/429 is a rate limit, the time GitHub allows the next request. */
  private rateLimitResume(
    status: number,
    headers: Headers,
    message: string,
  ): number | undefined {
    const retryAfter = Number(headers['retry-after']);
    if (headers['retry-after'] !== undefined && Number.isFinite(retryAfter)) {
      return this.now() + Math.max(0, retryAfter) * 1000;
    }
    if (String(headers['x-ratelimit-remaining']) === '0') {
      const reset = Number(headers['x-ratelimit-reset']);
      return Number.isFinite(reset) ? reset * 1000 : this.now() + 60_000;
    }
    // Secondary limits without retry-after: GitHub asks to wait at least a minute.
    if (status === 429 || /rate limit/i.test(message))
      return this.now() + 60_000;
    return undefined;
  }

  /** Milliseconds to wait before retrying, or undefined to give up now. */
  private retryDelay(
    failure: GithubFailure,
    headers: Headers,
    attempt: number,
  ): number | undefined {
    if (attempt >= this.policy.maxRetries) return undefined;
    if (failure.kind === 'unavailable')
      return this.policy.retryBaseDelayMs * 2 ** attempt;
    if (failure.kind === 'rate-limited' && failure.resumeAt !== undefined) {
      const primary =
        String(headers['x-ratelimit-remaining']) === '0' &&
        headers['retry-after'] === undefined;
      const wait = failure.resumeAt - this.now();
      if (!primary && wait <= this.policy.maxRetryAfterMs)
        return Math.max(0, wait);
    }
    return undefined;
  }

  private clean(error: unknown, secrets: string[] = []): string {
    const raw = error instanceof Error ? error.message : String(error);
    const tokens = secrets.map(s => s.replace(/^(token|bearer|basic)\s+/i, ''));
    return redactSecrets(raw, tokens).slice(0, 500);
  }
}

function failed<T>(f: GithubFailure): GithubResult<T> {
  return { ok: false, failure: f };
}

function lowerCaseKeys(
  headers: Record<string, string>,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]),
  );
}

function expandRoute(
  route: string,
  params: Record<string, string | number | boolean>,
): string {
  const path = route.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(String(params[name] ?? '')),
  );
  const query = Object.entries(params)
    .filter(([name]) => !route.includes(`{${name}}`))
    .map(([name, value]) => `${name}=${encodeURIComponent(String(value))}`)
    .join('&');
  return query ? `${path}?${query}` : path;
}
