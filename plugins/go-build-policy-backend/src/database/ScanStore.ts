import {
  ComplianceLevel,
  Finding,
  FindingStatus,
  RuleCategory,
  ScoreBreakdown,
  Severity,
} from '@go-build-policy/plugin-go-build-policy-common';
import type {
  EntityInfo,
  EntityScanState,
  FixPullRequest,
  GroupDimension,
  GroupRow,
  RepositoryFilter,
  RepositoryQuery,
  RepositorySortField,
  TrendPoint,
} from '@go-build-policy/plugin-go-build-policy-common';
import type { ScanResult } from '@go-build-policy/plugin-go-build-policy-node';
import type { WaiverRecord } from './waiverRows';

// Shapes without dates are the REST API's own (in -common); the store returns them as they
// are. Entity refs in them are compared case-insensitively (the store lower-cases them).
export type {
  EntityScanState,
  GroupDimension,
  GroupRow,
  RepositoryFilter,
  RepositoryQuery,
  RepositorySortField,
};
/** Catalog facts copied onto each stored result, so roll-ups never ask the catalog. */
export type ScannedEntityInfo = EntityInfo;
/** Mean score of the scans finished on one UTC day. */
export type DailyAverage = TrendPoint;

export const ENTITY_SCAN_STATES: readonly EntityScanState[] = [
  'never-scanned',
  'queued',
  'scanning',
  'ok',
  'failed',
  'not-go',
  'no-source',
];

/** The repository a scan read. */
export interface ScannedRepository {
  /** GitHub host, e.g. `github.com` or a GitHub Enterprise host. */
  host: string;
  owner: string;
  name: string;
  defaultBranch: string;
  commitSha: string;
  /** Repo-relative module root from `go-build-policy/module-root`, if any. */
  moduleRoot?: string;
  archived?: boolean;
}

/** What a scan spent on GitHub. */
export interface ScanCost {
  /** HTTP requests sent, including 304 answers. */
  requests: number;
  /** Rate-limit points spent (304 answers cost none). */
  rateLimitPoints: number;
}

export interface ScanTimings {
  startedAt: Date;
  finishedAt: Date;
  /** Time spent reading GitHub. */
  fetchMs?: number;
  /** Time spent in the engine. */
  evaluateMs?: number;
}

/** Everything one successful scan produced; written in one transaction. */
export interface CompletedScan {
  entity: ScannedEntityInfo;
  repository: ScannedRepository;
  result: ScanResult;
  /**
   * Hash of what besides the commit decides the findings (policy settings, rule set and
   * versions, waivers). An unchanged head with an unchanged fingerprint needs no new scan.
   */
  policyFingerprint: string;
  cost: ScanCost;
  timings: ScanTimings;
}

/** What a skip decision needs: the last good scan's commit and policy fingerprint. */
export interface LastGoodScan {
  scanId: string;
  commitSha: string;
  policyFingerprint: string;
  scannedAt: Date;
}

/** A finding of an entity's latest result. */
export type EntityFinding = Finding & {
  /** Since when the rule has failed without interruption (ISO time, as the API shows it). */
  failingSince?: string;
  /** The latest pull request opened with this rule's suggested fix. */
  pullRequest?: FixPullRequest;
};

/** The latest known result of one entity (the entity page's data). */
export interface EntityResult {
  entity: ScannedEntityInfo;
  state: EntityScanState;
  /** True when the result shown is older than a failed attempt. */
  stale: boolean;
  /** Why the last attempt failed, when the result shown is stale. */
  staleReason?: string;
  /** Why the last attempt failed (also when there is no good result to show). */
  failureReason?: string;
  /** When the last good scan finished. */
  scannedAt?: Date;
  /** When the scanner last looked at this entity (scan, skip, failure or not-go). */
  checkedAt?: Date;
  repository?: ScannedRepository;
  scanId?: string;
  score?: number;
  rawScore?: number;
  level?: ComplianceLevel;
  categories?: Partial<Record<RuleCategory, ScoreBreakdown>>;
  counts?: Record<FindingStatus, number>;
  findings: EntityFinding[];
  /** Worst severity among failing (fail/error) findings. */
  worstSeverity?: Severity;
  failingRuleIds: string[];
  cost?: ScanCost;
  /** The waivers in force when read; their rules count as passing in `score`. */
  waivers?: WaiverRecord[];
}

/** One past scan of an entity, newest first in lists. */
export interface HistoryEntry {
  scanId: string;
  commitSha: string;
  scannedAt: Date;
  score: number;
  rawScore: number;
  level: ComplianceLevel;
  failingRuleIds: string[];
  cost: ScanCost;
}

/** One row of the org table. */
export interface RepositoryRow {
  entity: ScannedEntityInfo;
  state: EntityScanState;
  stale: boolean;
  staleReason?: string;
  failureReason?: string;
  repository?: { host: string; owner: string; name: string };
  commitSha?: string;
  score?: number;
  rawScore?: number;
  level?: ComplianceLevel;
  worstSeverity?: Severity;
  failingCount: number;
  failingRuleIds: string[];
  scannedAt?: Date;
  checkedAt?: Date;
}

export interface RepositoryPage {
  items: RepositoryRow[];
  /** Rows matching the filters, over all pages. */
  total: number;
}

/** Where a keyset page ends: the last row's sort value and its (unique) entity ref. */
export interface RepositoryCursor {
  value: string | number | null;
  entityRef: string;
}

export interface RepositoryKeysetPage {
  items: RepositoryRow[];
  /** The cursor of the next page; absent on the last one. */
  next?: RepositoryCursor;
}

export interface Summary {
  /** Entities known to the store (after filters). */
  entities: number;
  /** Entities with a scored result. */
  scored: number;
  compliant: number;
  /** compliant / scored, 0..1. */
  compliantShare: number;
  averageScore: number | null;
  stale: number;
  levels: Record<ComplianceLevel, number>;
  states: Record<EntityScanState, number>;
  /** Daily averages of scans finished in the window, oldest first. */
  trend: DailyAverage[];
}

/** GET /triage's query: the scorecard filters and a page. */
export type TriageQuery = RepositoryFilter & {
  limit?: number;
  offset?: number;
};

/** A failing rule of a triage entry; `waiver` is the active waiver covering it. */
export interface TriageRuleEntry {
  ruleId: string;
  severity: Severity;
  status: FindingStatus;
  failingSince?: Date;
  waiver?: { id: string; expiresAt: Date };
}

/** One noncompliant entity of the triage queue. */
export interface TriageEntry {
  entity: ScannedEntityInfo;
  repository?: { host: string; owner: string; name: string };
  commitSha?: string;
  score?: number;
  rawScore?: number;
  level?: ComplianceLevel;
  /** Worst severity among failing rules that are not waived. */
  worstSeverity?: Severity;
  /** Since when the entity has been noncompliant without interruption. */
  failingSince: Date;
  failingRules: TriageRuleEntry[];
  waiverState: 'none' | 'partial' | 'all';
  stale: boolean;
  scannedAt?: Date;
}

export interface TriageList {
  items: TriageEntry[];
  /** Entries matching the filters, over all pages. */
  total: number;
}

export interface RetentionPolicy {
  /** Delete scans older than this many days (the latest good scan always stays). */
  days?: number;
  /** Keep at most this many scans per entity (the latest good scan always stays). */
  maxScansPerEntity?: number;
}

/**
 * Persistence of scan results, history and the org roll-ups. Every method is safe to call
 * from several replicas at once; writes for one scan happen in one transaction.
 */
export interface ScanStore {
  /** Stores a successful scan and makes it the entity's latest good result. */
  recordScan(scan: CompletedScan): Promise<{ scanId: string }>;

  /**
   * Records a failed attempt. The last good result stays and is marked stale with the
   * reason; an entity never scanned becomes `failed`. `entity` refreshes the catalog facts.
   * `startedAt` (when the failed attempt began, default `at`) orders it against scans: a
   * good scan that finished after it leaves the failure unrecorded.
   */
  recordFailure(
    entityRef: string,
    reason: string,
    options?: { entity?: ScannedEntityInfo; at?: Date; startedAt?: Date },
  ): Promise<void>;

  /** The repository has no go.mod: state `not-go`, no findings, not failing. */
  recordNotGo(
    entity: ScannedEntityInfo,
    repository?: Omit<ScannedRepository, 'commitSha'> & { commitSha?: string },
    at?: Date,
  ): Promise<void>;

  /** The entity has no source on a configured GitHub integration: state `no-source`. */
  recordNoSource(entity: ScannedEntityInfo, at?: Date): Promise<void>;

  /**
   * The head and policy fingerprint are unchanged since the last good scan: only the
   * checked time moves, a stale mark is cleared, and catalog facts are refreshed if given.
   */
  recordUnchanged(
    entityRef: string,
    options?: { entity?: ScannedEntityInfo; at?: Date },
  ): Promise<void>;

  /** Marks entities `queued` or `scanning` (creating rows for unknown ones). */
  markState(
    entities: ScannedEntityInfo[],
    state: 'queued' | 'scanning',
  ): Promise<void>;

  /** The last good scan's commit and fingerprint, for skip decisions. */
  getLastGoodScan(entityRef: string): Promise<LastGoodScan | undefined>;

  /** The latest result of one entity, with findings; undefined when unknown. */
  getEntityResult(entityRef: string): Promise<EntityResult | undefined>;

  /** Past scans of one entity, newest first. */
  getHistory(
    entityRef: string,
    options?: { limit?: number },
  ): Promise<HistoryEntry[]>;

  /** Filtered, sorted, paged table rows with the total count. */
  listRepositories(query?: RepositoryQuery): Promise<RepositoryPage>;

  /**
   * Table rows after `after` in the query's order, without a count: the export reads
   * every row this way, stable while results change and fast deep into the table.
   */
  listRepositoriesAfter(
    query: Omit<RepositoryQuery, 'limit' | 'offset'>,
    after: RepositoryCursor | undefined,
    limit: number,
  ): Promise<RepositoryKeysetPage>;

  /**
   * The triage queue: noncompliant scored entities, worst unwaived failing severity first,
   * then longest failing, then name; waivers in force at `now` mark their rules.
   */
  listTriage(query?: TriageQuery, now?: Date): Promise<TriageList>;

  /** Roll-up by owner, system, domain or rule over the filtered entities. */
  getGroups(
    dimension: GroupDimension,
    filter?: RepositoryFilter,
  ): Promise<GroupRow[]>;

  /** Headline figures, level distribution and the daily trend of the last `trendDays`. */
  getSummary(
    filter?: RepositoryFilter,
    options?: { trendDays?: number; now?: Date },
  ): Promise<Summary>;

  /** Removes entities no longer in the catalog, with their history. */
  removeEntities(entityRefs: string[]): Promise<number>;

  /** All entity refs the store knows (to find the ones the catalog dropped). */
  listEntityRefs(): Promise<string[]>;

  /**
   * Deletes scans beyond the retention policy, never an entity's latest good scan.
   * Returns the number of scans deleted.
   */
  pruneHistory(
    retention: RetentionPolicy,
    now?: Date,
  ): Promise<{ deletedScans: number }>;
}
