import { Finding, FindingStatus, RuleCategory, Severity } from './types';
import { ComplianceLevel, ScoreBreakdown } from './scoring';

/*
 * The shapes of the backend's REST API, as its OpenAPI document
 * (plugins/go-build-policy-backend/src/schema/openapi.yaml) describes them. The backend
 * types its responses with these and the frontend reads them, so the compiler checks
 * both sides of the contract. Dates are ISO 8601 strings (`date-time`), trend days
 * `YYYY-MM-DD` (`date`).
 */

/** Where an entity stands in the scanner. */
export type EntityScanState =
  | 'never-scanned'
  | 'queued'
  | 'scanning'
  | 'ok'
  | 'failed'
  | 'not-go'
  | 'no-source';

/** Catalog facts the backend copied onto the result (refs are full entity refs). */
export interface EntityInfo {
  entityRef: string;
  kind: string;
  title?: string;
  type?: string;
  owner?: string;
  system?: string;
  domain?: string;
  lifecycle?: string;
  tags?: string[];
}

/** The repository a scan read; `host` is the integration's host (GitHub Enterprise too). */
export interface RepositoryInfo {
  host: string;
  owner: string;
  name: string;
  defaultBranch?: string;
  commitSha?: string;
  moduleRoot?: string;
  archived?: boolean;
}

/** What a scan spent on GitHub. */
export interface ScanCost {
  requests?: number;
  rateLimitPoints?: number;
}

/** GET /entities/{kind}/{namespace}/{name}: `never-scanned` when the store has none. */
export interface EntityResult {
  entityRef: string;
  entity?: EntityInfo;
  state: EntityScanState;
  /** The result shown is older than a failed attempt. */
  stale: boolean;
  staleReason?: string;
  /** Why the last attempt failed (also when there is no good result to show). */
  failureReason?: string;
  score?: number;
  rawScore?: number;
  level?: ComplianceLevel;
  categories?: Partial<Record<RuleCategory, ScoreBreakdown>>;
  counts?: Partial<Record<FindingStatus, number>>;
  worstSeverity?: Severity;
  failingRuleIds: string[];
  findings: ResultFinding[];
  /** Rules waived now (active waivers): counted as passing in `score`, not in `rawScore`. */
  waivedRuleIds: string[];
  /** The scanned commit. */
  commit?: string;
  repository?: RepositoryInfo;
  scannedAt?: string;
  checkedAt?: string;
  cost?: ScanCost;
}

/**
 * A finding of the entity's latest result, with what triage attached to it. A waived
 * rule keeps its real status: `waiver` says it is waived.
 */
export interface ResultFinding extends Finding {
  /** The active waiver of this rule, if any. */
  waiver?: Waiver;
  /** Since when the rule has failed without interruption (from history); failing findings only. */
  failingSince?: string;
  /** The latest pull request opened with this rule's suggested fix. */
  pullRequest?: FixPullRequest;
}

/** One past scan, newest first in GET /entities/…/history. */
export interface HistoryEntry {
  scanId: string;
  commitSha: string;
  scannedAt: string;
  score: number;
  rawScore: number;
  level: ComplianceLevel;
  failingRuleIds: string[];
  cost?: ScanCost;
}

export type RepositorySortField =
  | 'score'
  | 'name'
  | 'owner'
  | 'lastScan'
  | 'failing'
  | 'severity';

/** Server-side filters of the org views; each list means "any of". */
export interface RepositoryFilter {
  owner?: string[];
  system?: string[];
  domain?: string[];
  level?: ComplianceLevel[];
  /** Entities failing (fail or error) any of these rules. */
  rule?: string[];
  /** Entity states; `stale` selects stale results. */
  status?: Array<EntityScanState | 'stale'>;
  /** Worst failing severity. */
  severity?: Severity[];
  /** Case-insensitive text over name, title, owner and system. */
  q?: string;
}

export interface RepositoryQuery extends RepositoryFilter {
  sort?: RepositorySortField;
  order?: 'asc' | 'desc';
  /** 1..1000, default 50. */
  limit?: number;
  offset?: number;
}

/** One row of GET /repositories. */
export interface RepositoryRow {
  entityRef: string;
  entity: EntityInfo;
  state: EntityScanState;
  stale: boolean;
  staleReason?: string;
  failureReason?: string;
  repository?: RepositoryInfo;
  commit?: string;
  score?: number;
  rawScore?: number;
  level?: ComplianceLevel;
  worstSeverity?: Severity;
  failingCount: number;
  failingRuleIds: string[];
  scannedAt?: string;
  checkedAt?: string;
}

export interface RepositoryPage {
  items: RepositoryRow[];
  /** Rows matching the filters over all pages. */
  total: number;
  limit: number;
  offset: number;
}

export type GroupDimension = 'owner' | 'system' | 'domain' | 'rule';

/** One roll-up row of GET /groups/{dimension}. */
export interface GroupRow {
  /** Owner, system or domain ref, or rule id; null groups entities without one. */
  key: string | null;
  total: number;
  /** For a rule: entities where it applies. */
  scored: number;
  /** Silver or better; for a rule: passing it. */
  compliant: number;
  failing: number;
  failingShare: number;
  averageScore: number | null;
}

export interface TrendPoint {
  /** UTC day, `YYYY-MM-DD`. */
  day: string;
  averageScore: number;
  scans: number;
}

/** GET /summary: headline figures under the filters. */
export interface Summary {
  entities: number;
  scored: number;
  compliant: number;
  compliantShare: number;
  averageScore: number | null;
  stale: number;
  levels: Partial<Record<ComplianceLevel, number>>;
  states: Partial<Record<EntityScanState, number>>;
  /** Mean score of the scans finished each UTC day, oldest first. */
  trend: TrendPoint[];
}

/** Where a waiver stands: an expired one stops applying by itself. */
export type WaiverState = 'active' | 'expired' | 'revoked';

/** A rule waived for one entity until a date, with the reason and who decided it. */
export interface Waiver {
  id: string;
  entityRef: string;
  ruleId: string;
  reason: string;
  expiresAt: string;
  createdBy: string;
  createdAt: string;
  revokedBy?: string;
  revokedAt?: string;
  state: WaiverState;
}

/** POST /entities/{kind}/{namespace}/{name}/waivers. */
export interface CreateWaiverRequest {
  ruleId: string;
  /** Why the rule does not apply or cannot be met yet (1..2000 characters). */
  reason: string;
  /** Required; in the future, at most `waivers.maxDays` (app-config) from now. */
  expiresAt: string;
}

/** GET /entities/{kind}/{namespace}/{name}/waivers: every waiver of the entity, newest first. */
export interface WaiverList {
  items: Waiver[];
}

/** GET /waivers: a page of the org's waivers, with the entity facts for the table. */
export interface WaiverPage {
  items: Array<Waiver & { entity?: EntityInfo }>;
  total: number;
  limit: number;
  offset: number;
}

/** GET /waivers: the org's waivers, newest first; the scorecard filters apply to their entities. */
export interface WaiverQuery extends RepositoryFilter {
  state?: WaiverState[];
  /** Waivers that expire before this time (find the ones running out). */
  expiresBefore?: string;
  limit?: number;
  offset?: number;
}

/** A failing rule of a triage row. */
export interface TriageRule {
  ruleId: string;
  severity: Severity;
  status: FindingStatus;
  /** Since when this rule has failed without interruption (from history). */
  failingSince?: string;
  /** Set when an active waiver covers the rule. */
  waiver?: { id: string; expiresAt: string };
}

/** Whether the failing rules of a triage row are waived. */
export type TriageWaiverState = 'none' | 'partial' | 'all';

/**
 * One noncompliant service of GET /triage: below silver, or failing an error-severity
 * rule, on its effective score. Waived rules are listed, marked, not hidden.
 */
export interface TriageRow {
  entityRef: string;
  entity: EntityInfo;
  repository?: RepositoryInfo;
  score?: number;
  rawScore?: number;
  level?: ComplianceLevel;
  /** Worst severity among failing rules that are not waived. */
  worstSeverity?: Severity;
  /** Since when the service has been noncompliant without interruption (from history). */
  failingSince: string;
  failingRules: TriageRule[];
  waiverState: TriageWaiverState;
  stale: boolean;
  scannedAt?: string;
}

/** GET /triage: ordered by worst severity, then longest failing first, then name. */
export interface TriagePage {
  items: TriageRow[];
  total: number;
  limit: number;
  offset: number;
}

export type FixPullRequestState = 'open' | 'closed' | 'merged';

/** A pull request the plugin opened with a rule's suggested fix, recorded on the finding. */
export interface FixPullRequest {
  entityRef: string;
  ruleId: string;
  number: number;
  url: string;
  branch: string;
  /** The base commit the fix was computed against. */
  baseCommit: string;
  state: FixPullRequestState;
  createdBy: string;
  createdAt: string;
}

/**
 * GET /capabilities: what this installation allows, so the UI offers only what works
 * (permissions are checked separately, per entity).
 */
export interface Capabilities {
  waivers: {
    /** The longest a waiver may last, in days (app-config `goBuildPolicy.waivers.maxDays`). */
    maxDays: number;
  };
  pullRequests: {
    /** Off unless app-config `goBuildPolicy.pullRequests.enabled` is true. */
    enabled: boolean;
  };
}

/** The payload of the `go-build-policy:scan` signal: refetch, the API checks permissions. */
export interface ScanSignal {
  entityRef: string;
  state: EntityScanState;
}

/** The signal channel the backend publishes finished scans on. */
export const SCAN_SIGNAL_CHANNEL = 'go-build-policy:scan';
