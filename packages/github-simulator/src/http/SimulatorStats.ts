export interface StatsSnapshot {
  requests: number;
  /** By GitHub's templated route, e.g. `GET /repos/{owner}/{repo}/git/trees/{tree_sha}`. */
  byRoute: Record<string, number>;
  /** By token (`anonymous` without one, `app` for JWT calls). */
  byToken: Record<string, number>;
  byStatus: Record<string, number>;
  rateLimitPointsSpent: number;
  pointsByToken: Record<string, number>;
  notModified: number;
  faultsServed: number;
}

function bump(counts: Record<string, number>, key: string, by = 1) {
  counts[key] = (counts[key] ?? 0) + by;
}

/** Counters for tests and benchmarks: what the client really cost. */
export class SimulatorStats {
  private data: StatsSnapshot = SimulatorStats.empty();

  private static empty(): StatsSnapshot {
    return {
      requests: 0,
      byRoute: {},
      byToken: {},
      byStatus: {},
      rateLimitPointsSpent: 0,
      pointsByToken: {},
      notModified: 0,
      faultsServed: 0,
    };
  }

  record(entry: {
    route: string;
    tokenLabel: string;
    status: number;
    spent: boolean;
    fault: boolean;
  }) {
    this.data.requests += 1;
    bump(this.data.byRoute, entry.route);
    bump(this.data.byToken, entry.tokenLabel);
    bump(this.data.byStatus, String(entry.status));
    if (entry.status === 304) this.data.notModified += 1;
    if (entry.fault) this.data.faultsServed += 1;
    if (entry.spent) {
      this.data.rateLimitPointsSpent += 1;
      bump(this.data.pointsByToken, entry.tokenLabel);
    }
  }

  snapshot(): StatsSnapshot {
    return structuredClone(this.data);
  }

  reset(): void {
    this.data = SimulatorStats.empty();
  }
}
