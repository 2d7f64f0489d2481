import type { ScanCost } from '../database/ScanStore';

/** What happened to one entity's scan; the queue decides from it what to do next. */
export type ScanOutcome =
  | { kind: 'scanned'; scanId: string; cost: ScanCost }
  /** Head and policy unchanged since the last good scan: nothing evaluated. */
  | { kind: 'unchanged'; cost: ScanCost }
  | { kind: 'not-go'; cost: ScanCost }
  | { kind: 'no-source'; reason: string }
  /** Recorded as a failure; the last good result stays, marked stale. */
  | { kind: 'failed'; reason: string; cost: ScanCost }
  /** Not done for a reason unrelated to the repository (rate limit, GitHub down): retry later. */
  | {
      kind: 'deferred';
      reason: string;
      retryAt: number;
      /** A spent rate-limit share is no fault of the repository and never gives up. */
      rateLimited: boolean;
      cost: ScanCost;
    };
