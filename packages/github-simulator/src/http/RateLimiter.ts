import { Caller } from './types';

export interface RateLimitOptions {
  /** Requests per window for a token (GitHub: 5,000 an hour). */
  limit?: number;
  /** Requests per window without a token (GitHub: 60 an hour, per address). */
  unauthenticatedLimit?: number;
  windowSeconds?: number;
  /** Budgets for particular tokens. */
  perToken?: Record<string, number>;
}

export interface RateLimitState {
  limit: number;
  used: number;
  remaining: number;
  /** Epoch seconds when the window restarts. */
  reset: number;
}

export interface BudgetChange {
  /** A token, or `*`: every caller seen so far, and the default limit for new ones. */
  token: string;
  limit?: number;
  remaining?: number;
  /** Epoch seconds; or use `resetInSeconds`. */
  reset?: number;
  resetInSeconds?: number;
}

interface Window {
  limit: number;
  used: number;
  resetAt: number;
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** Identity GitHub counts against: the token, the app, or the caller's address. */
export function budgetKey(caller: Caller): string {
  switch (caller.kind) {
    case 'token':
      return caller.token;
    case 'app':
      return `app:${caller.appId}`;
    default:
      return `ip:${caller.address}`;
  }
}

/** GitHub's primary rate limit: a fixed window per identity. */
export class RateLimiter {
  private readonly windows = new Map<string, Window>();
  private limit: number;
  private unauthenticatedLimit: number;
  private readonly windowSeconds: number;
  private readonly perToken: Map<string, number>;

  constructor(options: RateLimitOptions = {}) {
    this.limit = options.limit ?? 5000;
    this.unauthenticatedLimit = options.unauthenticatedLimit ?? 60;
    this.windowSeconds = options.windowSeconds ?? 3600;
    this.perToken = new Map(Object.entries(options.perToken ?? {}));
  }

  state(caller: Caller): RateLimitState {
    const window = this.window(budgetKey(caller), caller.kind === 'anonymous');
    return {
      limit: window.limit,
      used: window.used,
      remaining: Math.max(0, window.limit - window.used),
      reset: window.resetAt,
    };
  }

  isExhausted(caller: Caller): boolean {
    return this.state(caller).remaining === 0;
  }

  spend(caller: Caller): void {
    this.window(budgetKey(caller), caller.kind === 'anonymous').used += 1;
  }

  setBudget(change: BudgetChange): void {
    const keys =
      change.token === '*' ? [...this.windows.keys()] : [change.token];
    if (change.token === '*' && change.limit !== undefined) {
      // One budget for everyone, callers without a token included.
      this.limit = change.limit;
      this.unauthenticatedLimit = change.limit;
    } else if (change.limit !== undefined) {
      this.perToken.set(change.token, change.limit);
    }
    for (const key of keys) {
      const window = this.window(key, key.startsWith('ip:'));
      if (change.limit !== undefined) window.limit = change.limit;
      if (change.remaining !== undefined) {
        window.used = Math.max(0, window.limit - change.remaining);
      }
      if (change.reset !== undefined) window.resetAt = change.reset;
      if (change.resetInSeconds !== undefined) {
        window.resetAt = nowSeconds() + change.resetInSeconds;
      }
    }
  }

  /** Forgets all spending and budget changes made after start. */
  resetAll(): void {
    this.windows.clear();
  }

  private window(key: string, anonymous: boolean): Window {
    const now = nowSeconds();
    let window = this.windows.get(key);
    if (!window) {
      const limit = anonymous
        ? this.unauthenticatedLimit
        : this.perToken.get(key) ?? this.limit;
      window = { limit, used: 0, resetAt: now + this.windowSeconds };
      this.windows.set(key, window);
    } else if (now >= window.resetAt) {
      window.used = 0;
      window.resetAt = now + this.windowSeconds;
    }
    return window;
  }
}
