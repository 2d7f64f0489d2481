import { credentialFailure } from './credentialFailure';

const NOW = 1_000_000;

function httpError(status: number, headers: Record<string, string> = {}) {
  return Object.assign(new Error(`HTTP ${status}`), {
    status,
    response: { headers },
  });
}

describe('credentialFailure', () => {
  it('reads GitHub being down or unreachable during a token renewal as transient', () => {
    expect(credentialFailure('github.com', httpError(502), 'm', NOW).kind).toBe(
      'unavailable',
    );
    const reset = Object.assign(new TypeError('fetch failed'), {
      cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
    });
    expect(credentialFailure('github.com', reset, 'm', NOW)).toMatchObject({
      kind: 'unavailable',
      message: 'No credentials for github.com: m',
    });
  });

  it('reads a rate-limited token endpoint as rate-limited, resuming when GitHub says', () => {
    expect(
      credentialFailure(
        'github.com',
        httpError(403, {
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset': '5000',
        }),
        'API rate limit exceeded',
        NOW,
      ),
    ).toMatchObject({ kind: 'rate-limited', resumeAt: 5_000_000 });
    expect(
      credentialFailure(
        'github.com',
        httpError(429, { 'retry-after': '30' }),
        'm',
        NOW,
      ),
    ).toMatchObject({ kind: 'rate-limited', resumeAt: NOW + 30_000 });
  });

  it('keeps a missing installation or a rejected key the integration’s fault', () => {
    const missing = Object.assign(
      new Error('No app installation found for acme in 4242'),
      { name: 'NotFoundError' },
    );
    expect(credentialFailure('github.com', missing, 'm', NOW).kind).toBe(
      'forbidden',
    );
    expect(credentialFailure('github.com', httpError(401), 'm', NOW).kind).toBe(
      'forbidden',
    );
  });
});
