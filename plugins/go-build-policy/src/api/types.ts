import {
  ComplianceLevel,
  Finding,
  FindingStatus,
  RuleCategory,
  RuleMetadata,
  ScoreBreakdown,
  Severity,
} from '@go-build-policy/plugin-go-build-policy-common';

/** Where an entity stands in the scanner (see the backend's OpenAPI document). */
export type EntityScanState =
  | 'never-scanned'
  | 'queued'
  | 'scanning'
  | 'ok'
  | 'failed'
  | 'not-go'
  | 'no-source';

export interface EntityInfo {
  entityRef: string;
  title?: string;
  kind: string;
  type?: string;
  owner?: string;
  system?: string;
  domain?: string;
  lifecycle?: string;
  tags?: string[];
}

export interface RepositoryInfo {
  host: string;
  owner: string;
  name: string;
  defaultBranch?: string;
  commitSha?: string;
  moduleRoot?: string;
  archived?: boolean;
}

/** GET /entities/{kind}/{namespace}/{name}. Dates are ISO 8601 strings. */
export interface EntityResult {
  entity: EntityInfo;
  state: EntityScanState;
  stale: boolean;
  staleReason?: string;
  scannedAt?: string;
  checkedAt?: string;
  repository?: RepositoryInfo;
  scanId?: string;
  score?: number;
  rawScore?: number;
  level?: ComplianceLevel;
  categories?: Partial<Record<RuleCategory, ScoreBreakdown>>;
  counts?: Record<FindingStatus, number>;
  findings: Finding[];
  worstSeverity?: Severity;
  failingRuleIds: string[];
}

export interface HistoryEntry {
  scanId: string;
  commitSha: string;
  scannedAt: string;
  score: number;
  rawScore: number;
  level: ComplianceLevel;
  failingRuleIds: string[];
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
  rule?: string[];
  status?: string[];
  severity?: Severity[];
  q?: string;
}

export interface RepositoryQuery extends RepositoryFilter {
  sort?: RepositorySortField;
  order?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
}

export interface RepositoryRow {
  entity: EntityInfo;
  state: EntityScanState;
  stale: boolean;
  staleReason?: string;
  repository?: { host: string; owner: string; name: string };
  commitSha?: string;
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
  total: number;
}

export type GroupDimension = 'owner' | 'system' | 'domain' | 'rule';

export interface GroupRow {
  key: string | null;
  scored: number;
  compliant: number;
  failing: number;
  failingShare: number;
  averageScore: number | null;
  total: number;
}

export interface Summary {
  entities: number;
  scored: number;
  compliant: number;
  compliantShare: number;
  averageScore: number | null;
  stale: number;
  levels: Record<ComplianceLevel, number>;
  states: Record<EntityScanState, number>;
  trend: Array<{ day: string; averageScore: number; scans: number }>;
}

export type { RuleMetadata };
