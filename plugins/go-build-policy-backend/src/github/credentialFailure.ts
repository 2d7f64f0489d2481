import { GithubFailure } from './GithubFailure';

/** Node's codes for a connection that failed or timed out: worth trying again later. */
const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
]);

const FALLBACK_RATE_LIMIT_WAIT_MS = 60_000;

type Headers = Record<string, string | number | undefined>;

/**
 * Types an error thrown while getting credentials (for a GitHub App: renewing the
 * installation token, which itself calls GitHub). GitHub being down, a network error or a
 * rate limit on the token endpoint say nothing about the repository and are transient;
 * anything else (no installation, a suspended app, a bad private key) is `forbidden`.
 */
export function credentialFailure(
  host: string,
  error: unknown,
  message: string,
  now: number = Date.now(),
): GithubFailure {
  const text = `No credentials for ${host}: ${message}`;
  const status = statusOf(error);
  const headers: Headers = (error as any)?.response?.headers ?? {};
  if (status === 429 || (status === 403 && isRateLimit(headers, message))) {
    return {
      kind: 'rate-limited',
      status,
      message: text,
      resumeAt: resumeAt(headers, now),
    };
  }
  if ((status !== undefined && status >= 500) || isNetworkError(error)) {
    return { kind: 'unavailable', status, message: text };
  }
  return { kind: 'forbidden', status, message: text };
}

function statusOf(error: unknown): number | undefined {
  const status = (error as any)?.status;
  return typeof status === 'number' ? status : undefined;
}

function isRateLimit(headers: Headers, message: string): boolean {
  return (
    String(headers['x-ratelimit-remaining']) === '0' ||
    headers['retry-after'] !== undefined ||
    /rate limit/i.test(message)
  );
}

function resumeAt(headers: Headers, now: number): number {
  const retryAfter = Number(headers['retry-after']);
  if (headers['retry-after'] !== undefined && Number.isFinite(retryAfter)) {
    return now + Math.max(0, retryAfter) * 1000;
  }
  const reset = Number(headers['x-ratelimit-reset']);
  if (String(headers['x-ratelimit-remaining']) === '0' && reset > 0) {
    return reset * 1000;
  }
  return now + FALLBACK_RATE_LIMIT_WAIT_MS;
}

/** A failure to reach GitHub at all, looking through `cause` chains (fetch wraps them). */
function isNetworkError(error: unknown): boolean {
  for (let e: any = error, depth = 0; e && depth < 5; e = e.cause, depth++) {
    if (typeof e.code === 'string' && NETWORK_CODES.has(e.code)) return true;
    if (e.name === 'AbortError' || e.name === 'TimeoutError') return true;
    if (e instanceof TypeError && /fetch failed/i.test(e.message)) return true;
  }
  return false;
}
