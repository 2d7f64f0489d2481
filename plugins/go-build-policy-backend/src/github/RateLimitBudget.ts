/** What GitHub told us about a host's primary (core) rate limit. */
interface RateLimitWindow {
  limit: number;
  remaining: number;
  /** Epoch milliseconds at which the window resets. */
  resetAt: number;
}

export type BudgetDecision =
  | { allowed: true }
  | { allowed: false; resumeAt: number };

/**
 * The share of a host's rate limit this plugin may spend. It reads GitHub's own counters
 * from the `x-ratelimit-*` headers and stops while fewer than `(1 - share) * limit` points
 * remain: whatever other tools (or other replicas of this plugin) spend, they always keep
 * that reserve. Because the numbers come from GitHub, replicas need not coordinate.
 */
export class RateLimitBudget {
  private readonly windows = new Map<string, RateLimitWindow>();

  constructor(
    private readonly share: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records the rate-limit headers of a response from `host`. */
  observe(host: string, headers: Record<string, unknown>): void {
    if (String(headers['x-ratelimit-resource'] ?? 'core') !== 'core') return;
    const limit = Number(headers['x-ratelimit-limit']);
    const remaining = Number(headers['x-ratelimit-remaining']);
    const reset = Number(headers['x-ratelimit-reset']);
    if (![limit, remaining, reset].every(Number.isFinite) || limit <= 0) return;
    this.windows.set(host, { limit, remaining, resetAt: reset * 1000 });
  }

  /** Marks the host exhausted until `resumeAt` (GitHub answered with a primary limit error). */
  exhaust(host: string, resumeAt: number): void {
    const window = this.windows.get(host);
    this.windows.set(host, {
      limit: window?.limit ?? 1,
      remaining: 0,
      resetAt: resumeAt,
    });
  }

  /** Whether the plugin may send another rate-limited request to `host` now. */
  check(host: string): BudgetDecision {
    const window = this.windows.get(host);
    if (!window) return { allowed: true };
    if (this.now() >= window.resetAt) {
      // The window has reset: forget it until the next response tells us the new one.
      this.windows.delete(host);
      return { allowed: true };
    }
    const reserve = Math.ceil(window.limit * (1 - this.share));
    if (window.remaining > reserve) return { allowed: true };
    return { allowed: false, resumeAt: window.resetAt };
  }

  /** The last known window of a host, for logs and tests. */
  status(host: string): Readonly<RateLimitWindow> | undefined {
    return this.windows.get(host);
  }
}
