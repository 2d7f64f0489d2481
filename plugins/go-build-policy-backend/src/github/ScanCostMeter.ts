/**
 * Counts what one scan spends on GitHub. A 304 answer to a conditional request costs no
 * rate-limit points (GitHub does not count it), so it is a request but not a point.
 */
export class ScanCostMeter {
  requests = 0;
  rateLimitPoints = 0;

  record(status: number | undefined): void {
    this.requests += 1;
    if (status !== undefined && status !== 304) this.rateLimitPoints += 1;
  }

  snapshot(): { requests: number; rateLimitPoints: number } {
    return { requests: this.requests, rateLimitPoints: this.rateLimitPoints };
  }
}
