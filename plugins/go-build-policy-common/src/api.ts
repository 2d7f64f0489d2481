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
  findings: Finding[];
  /** The scanned commit. */
  commit?: string;
  repository?: RepositoryInfo;
  scannedAt?: string;
  checkedAt?: string;
  cost?: ScanCost;
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
