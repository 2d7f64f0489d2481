/** Matches a request path: a glob (`*` within a segment, `**` across) or a RegExp. */
export type PathPattern = string | RegExp;

export interface FaultSpec {
  /** HTTP method to match; any when omitted. */
  method?: string;
  path: PathPattern;
  status: number;
  /** Answer this many matching requests, then stop; until cleared when omitted. */
  times?: number;
  /** Seconds, sent as `retry-after` (403/429 then read as a secondary rate limit). */
  retryAfter?: number;
  /** Replaces GitHub's usual body for the status. */
  body?: unknown;
}

export interface LatencySpec {
  method?: string;
  /** Any path when omitted. */
  path?: PathPattern;
  ms: number;
}

interface ActiveFault extends FaultSpec {
  id: number;
  matcher: RegExp;
  served: number;
}

interface ActiveLatency extends LatencySpec {
  id: number;
  matcher: RegExp;
}

function globToRegExp(glob: string): RegExp {
  const escaped = glob
    .split('**')
    .map(part =>
      part
        .split('*')
        .map(piece => piece.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('[^/]*'),
    )
    .join('.*');
  return new RegExp(`^${escaped}/?$`);
}

function toMatcher(pattern: PathPattern | undefined): RegExp {
  if (pattern === undefined) return /.*/;
  return typeof pattern === 'string' ? globToRegExp(pattern) : pattern;
}

function methodMatches(wanted: string | undefined, method: string): boolean {
  return !wanted || wanted.toUpperCase() === method.toUpperCase();
}

/** Faults and delays switched on per test, matched against the API path. */
export class FaultInjector {
  private nextId = 1;
  private faults: ActiveFault[] = [];
  private latencies: ActiveLatency[] = [];
  private treeLimit: number | undefined;

  /** Adds a fault; returns its id for `clear`. */
  inject(spec: FaultSpec): number {
    const id = this.nextId++;
    this.faults.push({ ...spec, id, matcher: toMatcher(spec.path), served: 0 });
    return id;
  }

  /** Adds a delay for matching requests (on top of the global latency). */
  addLatency(spec: LatencySpec): number {
    const id = this.nextId++;
    this.latencies.push({ ...spec, id, matcher: toMatcher(spec.path) });
    return id;
  }

  /** Truncates every recursive tree listing above `entries` (undefined: back to the server's setting). */
  truncateTreesOver(entries: number | undefined): void {
    this.treeLimit = entries;
  }

  get treeLimitOverride(): number | undefined {
    return this.treeLimit;
  }

  /** Removes one fault or delay, or all of them. */
  clear(id?: number): void {
    if (id === undefined) {
      this.faults = [];
      this.latencies = [];
      this.treeLimit = undefined;
      return;
    }
    this.faults = this.faults.filter(fault => fault.id !== id);
    this.latencies = this.latencies.filter(latency => latency.id !== id);
  }

  list(): { faults: FaultSpec[]; latencies: LatencySpec[] } {
    const describe = (pattern: PathPattern | undefined) =>
      pattern instanceof RegExp ? pattern.toString() : pattern;
    return {
      faults: this.faults.map(({ matcher, path, ...rest }) => ({
        ...rest,
        path: describe(path)!,
      })),
      latencies: this.latencies.map(({ matcher, path, ...rest }) => ({
        ...rest,
        path: describe(path),
      })),
    };
  }

  /** The fault that answers this request, if any; counts it as served. */
  take(method: string, path: string): FaultSpec | undefined {
    const fault = this.faults.find(
      candidate =>
        methodMatches(candidate.method, method) && candidate.matcher.test(path),
    );
    if (!fault) return undefined;
    fault.served += 1;
    if (fault.times !== undefined && fault.served >= fault.times) {
      this.faults = this.faults.filter(candidate => candidate !== fault);
    }
    return fault;
  }

  delayFor(method: string, path: string): number {
    return this.latencies
      .filter(
        latency =>
          methodMatches(latency.method, method) && latency.matcher.test(path),
      )
      .reduce((total, latency) => total + latency.ms, 0);
  }
}
