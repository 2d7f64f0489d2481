import { parseEntityRef } from '@backstage/catalog-model';
import type { Knex } from 'knex';
import {
  ComplianceLevel,
  Finding,
  FindingStatus,
  Severity,
} from '@go-build-policy/plugin-go-build-policy-common';
import {
  EntityScanState,
  HistoryEntry,
  RepositoryRow,
  ScannedEntityInfo,
} from './ScanStore';

/** Table names, in one place. */
export const TABLES = {
  scans: 'gbp_scans',
  findings: 'gbp_findings',
  entities: 'gbp_entities',
  ruleResults: 'gbp_rule_results',
  dailyScores: 'gbp_daily_scores',
  ruleTallies: 'gbp_rule_tallies',
} as const;

export const DAY_MS = 86_400_000;

/** Whether the database is PostgreSQL (row locks, `FOR UPDATE`); otherwise SQLite. */
export function isPostgres(db: Knex): boolean {
  return String(db.client.config.client).includes('pg');
}

export const SEVERITY_RANK: Record<Severity, number> = {
  info: 1,
  warning: 2,
  error: 3,
};

/** A row of gbp_entities as the drivers return it (pg gives bigint as string). */
export interface EntityRow {
  entity_ref: string;
  kind: string;
  namespace: string;
  name: string;
  title: string | null;
  type: string | null;
  owner: string | null;
  system: string | null;
  domain: string | null;
  lifecycle: string | null;
  tags: string;
  search_text: string;
  state: string;
  activity: string | null;
  stale: boolean | number;
  failure_reason: string | null;
  latest_scan_id: string | number | null;
  repo_host: string | null;
  repo_owner: string | null;
  repo_name: string | null;
  default_branch: string | null;
  commit_sha: string | null;
  score: number | null;
  raw_score: number | null;
  level: string | null;
  worst_severity: string | null;
  worst_severity_rank: number;
  failing_count: number;
  failing_rule_ids: string;
  scanned_at: string | number | null;
  checked_at: string | number | null;
}

export interface ScanRow {
  id: string | number;
  entity_ref: string;
  repo_host: string;
  repo_owner: string;
  repo_name: string;
  default_branch: string;
  commit_sha: string;
  module_root: string | null;
  archived: boolean | number;
  policy_fingerprint: string;
  score: number;
  raw_score: number;
  level: string;
  raw_level: string;
  categories: string;
  counts: string;
  failing_rule_ids: string;
  requests: number;
  rate_limit_points: number;
  started_at: string | number;
  finished_at: string | number;
  fetch_ms: number | null;
  evaluate_ms: number | null;
}

export interface FindingRow {
  scan_id: string | number;
  rule_id: string;
  position: number;
  status: string;
  severity: string;
  message: string;
  locations: string;
  remediation: string;
  notes: string | null;
}

/** Lower-cased full ref; the store's key. */
export function normalizeRef(ref: string): string {
  return ref.trim().toLocaleLowerCase('en-US');
}

export function toDate(value: string | number | null | undefined) {
  return value === null || value === undefined
    ? undefined
    : new Date(Number(value));
}

export function parseJson<T>(text: string | null | undefined, fallback: T): T {
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

/** Findings that count against the repository. */
export function isFailing(status: FindingStatus): boolean {
  return status === 'fail' || status === 'error';
}

export function worstFailingSeverity(
  findings: readonly Finding[],
): Severity | undefined {
  let worst: Severity | undefined;
  for (const f of findings) {
    if (!isFailing(f.status)) continue;
    if (!worst || SEVERITY_RANK[f.severity] > SEVERITY_RANK[worst]) {
      worst = f.severity;
    }
  }
  return worst;
}

/** Columns of gbp_entities that carry catalog facts. */
export function entityInfoColumns(entity: ScannedEntityInfo) {
  const ref = normalizeRef(entity.entityRef);
  const parsed = parseEntityRef(entity.entityRef);
  const owner = entity.owner ? normalizeRef(entity.owner) : null;
  const system = entity.system ? normalizeRef(entity.system) : null;
  const searchText = [parsed.name, entity.title, owner, system]
    .filter(Boolean)
    .join(' ')
    .toLocaleLowerCase('en-US');
  return {
    entity_ref: ref,
    kind: entity.kind || parsed.kind,
    namespace: parsed.namespace,
    name: parsed.name,
    title: entity.title ?? null,
    type: entity.type ?? null,
    owner,
    system,
    domain: entity.domain ? normalizeRef(entity.domain) : null,
    lifecycle: entity.lifecycle ?? null,
    tags: JSON.stringify(entity.tags ?? []),
    search_text: searchText,
  };
}

export function entityInfoFromRow(row: EntityRow): ScannedEntityInfo {
  return {
    entityRef: row.entity_ref,
    kind: row.kind,
    title: row.title ?? undefined,
    type: row.type ?? undefined,
    owner: row.owner ?? undefined,
    system: row.system ?? undefined,
    domain: row.domain ?? undefined,
    lifecycle: row.lifecycle ?? undefined,
    tags: parseJson<string[]>(row.tags, []),
  };
}

/** What the API shows: the scheduler's activity while it lasts, else the outcome. */
export function effectiveState(row: EntityRow): EntityScanState {
  return (row.activity ?? row.state) as EntityScanState;
}

/** The repository columns of an entity row, when a scan has set them. */
export function repositoryOfRow(
  row: Pick<EntityRow, 'repo_host' | 'repo_owner' | 'repo_name'>,
): { host: string; owner: string; name: string } | undefined {
  return row.repo_host && row.repo_owner && row.repo_name
    ? { host: row.repo_host, owner: row.repo_owner, name: row.repo_name }
    : undefined;
}

export function repositoryRowFromEntity(row: EntityRow): RepositoryRow {
  return {
    entity: entityInfoFromRow(row),
    state: effectiveState(row),
    stale: Boolean(row.stale),
    staleReason: row.stale ? row.failure_reason ?? undefined : undefined,
    failureReason: row.failure_reason ?? undefined,
    repository: repositoryOfRow(row),
    commitSha: row.commit_sha ?? undefined,
    score: row.score ?? undefined,
    rawScore: row.raw_score ?? undefined,
    level: (row.level as ComplianceLevel | null) ?? undefined,
    worstSeverity: (row.worst_severity as Severity | null) ?? undefined,
    failingCount: Number(row.failing_count),
    failingRuleIds: parseJson<string[]>(row.failing_rule_ids, []),
    scannedAt: toDate(row.scanned_at),
    checkedAt: toDate(row.checked_at),
  };
}

export function historyEntryFromScan(row: ScanRow): HistoryEntry {
  return {
    scanId: String(row.id),
    commitSha: row.commit_sha,
    scannedAt: new Date(Number(row.finished_at)),
    score: row.score,
    rawScore: row.raw_score,
    level: row.level as ComplianceLevel,
    failingRuleIds: parseJson<string[]>(row.failing_rule_ids, []),
    cost: {
      requests: Number(row.requests),
      rateLimitPoints: Number(row.rate_limit_points),
    },
  };
}

export function findingFromRow(row: FindingRow): Finding {
  const finding: Finding = {
    ruleId: row.rule_id,
    status: row.status as FindingStatus,
    severity: row.severity as Severity,
    message: row.message,
    locations: parseJson(row.locations, []),
    remediation: row.remediation,
  };
  const notes = parseJson<string[] | null>(row.notes, null);
  if (notes?.length) finding.notes = notes;
  return finding;
}
