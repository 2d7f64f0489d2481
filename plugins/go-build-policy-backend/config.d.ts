import type { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  /** Configuration of the go-build-policy backend plugin. */
  goBuildPolicy?: {
    /**
     * Cadence of the sweep that queues every selected entity for a (cheap, conditional)
     * rescan. Default: every hour, 15 minutes timeout, first run 1 minute after start.
     */
    schedule?: SchedulerServiceTaskScheduleDefinitionConfig;

    /** Repositories scanned in parallel on each replica. Default 4. */
    concurrency?: number;

    /** Scan queue tuning (defaults suit most installations). */
    queue?: {
      /** How often each replica looks for due scans, in seconds. Default 10. */
      pollIntervalSeconds?: number;
      /** Seconds a replica owns a claimed scan before another may take it over. Default 900. */
      leaseSeconds?: number;
      /** Attempts after transient GitHub failures before a scan is recorded as failed. Default 5. */
      maxAttempts?: number;
    };

    /** Which catalog entities are held to the policy. */
    entities?: {
      /** Entity kinds. Default ['Component']. */
      kinds?: string[];
      /** `spec.type` values (any of); all when unset. */
      types?: string[];
      /** Tags (any of); all when unset. */
      tags?: string[];
      /** `spec.lifecycle` values (any of); all when unset. */
      lifecycles?: string[];
    };

    rateLimit?: {
      /**
       * Share (0..1) of each GitHub integration's rate limit the plugin may spend. Scanning
       * of a host pauses while fewer than (1 - share) of its limit remain, and resumes
       * after GitHub's reset. Default 0.5.
       */
      share?: number;
    };

    retention?: {
      /** Delete scans older than this many days (the latest good scan always stays). Default 180. */
      days?: number;
      /** Keep at most this many scans per entity. Default 100. */
      maxScansPerEntity?: number;
    };

    webhook?: {
      /**
       * Secret of the GitHub webhook (push events). The endpoint
       * `POST /api/go-build-policy/webhooks/github` is off without it.
       * @visibility secret
       */
      secret?: string;
    };

    policy?: {
      /** Per-rule overrides, keyed by rule id. */
      rules?: {
        [ruleId: string]: {
          enabled?: boolean;
          /** error, warning or info. */
          severity?: 'error' | 'warning' | 'info';
        };
      };
      /** GOPRIVATE-style patterns of the organisation's private modules. */
      privateModules?: string[];
      /** Also treat each organisation's private repositories as private modules. Default false. */
      learnPrivateModules?: boolean;
    };

    /** Waivers of rules for single entities. */
    waivers?: {
      /** The longest a waiver may last, in days; every waiver needs an expiry. Default 90. */
      maxDays?: number;
    };

    /** Pull requests with suggested fixes, opened through the GitHub integration. */
    pullRequests?: {
      /**
       * Off by default: when true, users allowed `go-build-policy.pull-request.create`
       * may open a branch, commit and pull request in the entity's repository (the
       * integration's credentials need contents and pull-request write access).
       */
      enabled?: boolean;
      /** Prefix of fix branches. Default `go-build-policy/`. */
      branchPrefix?: string;
    };

    /** Messages to owners through the notifications plugin, when it is installed. */
    notifications?: {
      /** Notify owners when a result regresses (a rule starts failing, or the level drops). Default true. */
      enabled?: boolean;
    };
  };
}
