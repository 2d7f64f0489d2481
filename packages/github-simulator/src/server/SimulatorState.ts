import { randomBytes } from 'node:crypto';
import { FaultInjector } from '../http/FaultInjector';
import { RateLimiter, RateLimitOptions } from '../http/RateLimiter';
import { SimulatorStats } from '../http/SimulatorStats';
import { Caller, RouteContext, UrlContext } from '../http/types';
import { RepoRegistry } from '../model/RepoRegistry';

/** GitHub's own ceiling for one recursive tree listing. */
export const GITHUB_TREE_ENTRY_LIMIT = 100_000;
const INSTALLATION_TOKEN_LIFETIME_MS = 60 * 60 * 1000;

export interface SimulatorSettings {
  /** API path prefix, e.g. /api/v3; "" serves the API at the root only. */
  basePath: string;
  /** Added to every API response. */
  latencyMs: number;
  truncateTreesOver: number;
  /** When set, other tokens get 401 Bad credentials. */
  tokens?: string[];
  /** Tokens answered 403 on writes. */
  readOnlyTokens?: string[];
  rateLimit?: RateLimitOptions;
}

/** Everything a running simulator knows; the HTTP layer and the control API share it. */
export class SimulatorState {
  readonly registry = new RepoRegistry();
  readonly faults = new FaultInjector();
  readonly stats = new SimulatorStats();
  readonly limiter: RateLimiter;
  private readonly installationTokens = new Map<string, number>();

  constructor(readonly settings: SimulatorSettings) {
    this.limiter = new RateLimiter(settings.rateLimit);
  }

  isKnownCaller(caller: Caller): boolean {
    if (caller.kind !== 'token' || !this.settings.tokens) return true;
    return (
      this.settings.tokens.includes(caller.token) ||
      this.installationTokens.has(caller.token)
    );
  }

  routeContext(urls: UrlContext): RouteContext {
    return {
      registry: this.registry,
      urls,
      truncateTreesOver:
        this.faults.treeLimitOverride ?? this.settings.truncateTreesOver,
      issueInstallationToken: installationId => {
        const token = `ghs_${randomBytes(18).toString('base64url')}`;
        this.installationTokens.set(token, installationId);
        return {
          token,
          expiresAt: new Date(Date.now() + INSTALLATION_TOKEN_LIFETIME_MS)
            .toISOString()
            .replace(/\.\d+Z$/, 'Z'),
        };
      },
      installationOfToken: token => this.installationTokens.get(token),
      rateLimitOf: caller => this.limiter.state(caller),
      isReadOnly: caller =>
        caller.kind === 'token' &&
        (this.settings.readOnlyTokens ?? []).includes(caller.token),
    };
  }
}
