import type {
  EntityResult as EntityResultResponse,
  HistoryEntry as HistoryEntryResponse,
  RepositoryRow as RepositoryRowResponse,
} from '@go-build-policy/plugin-go-build-policy-common';
import {
  EntityResult,
  HistoryEntry,
  RepositoryRow,
} from '../database/ScanStore';
import { waiverResponse } from './waiverRoutes';

/** The API's shape of a table row (dates as ISO strings). */
export function repositoryRowResponse(
  row: RepositoryRow,
): RepositoryRowResponse {
  return {
    entityRef: row.entity.entityRef,
    entity: row.entity,
    state: row.state,
    stale: row.stale,
    staleReason: row.staleReason,
    failureReason: row.failureReason,
    repository: row.repository,
    commit: row.commitSha,
    score: row.score,
    rawScore: row.rawScore,
    level: row.level,
    worstSeverity: row.worstSeverity,
    failingCount: row.failingCount,
    failingRuleIds: row.failingRuleIds,
    scannedAt: row.scannedAt?.toISOString(),
    checkedAt: row.checkedAt?.toISOString(),
  };
}

/** The latest result of an entity; an unknown entity is `never-scanned`. */
export function entityResultResponse(
  entityRef: string,
  result: EntityResult | undefined,
): EntityResultResponse {
  if (!result) {
    return {
      entityRef,
      state: 'never-scanned' as const,
      stale: false,
      findings: [],
      failingRuleIds: [],
      waivedRuleIds: [],
    };
  }
  return {
    entityRef: result.entity.entityRef,
    entity: result.entity,
    state: result.state,
    stale: result.stale,
    staleReason: result.staleReason,
    failureReason: result.failureReason,
    score: result.score,
    rawScore: result.rawScore,
    level: result.level,
    categories: result.categories,
    counts: result.counts,
    worstSeverity: result.worstSeverity,
    failingRuleIds: result.failingRuleIds,
    // A waived rule keeps its status; its finding carries the waiver.
    findings: result.findings.map(finding => {
      const waiver = result.waivers?.find(w => w.ruleId === finding.ruleId);
      return waiver ? { ...finding, waiver: waiverResponse(waiver) } : finding;
    }),
    waivedRuleIds: (result.waivers ?? []).map(w => w.ruleId),
    commit: result.repository?.commitSha || undefined,
    repository: result.repository,
    scannedAt: result.scannedAt?.toISOString(),
    checkedAt: result.checkedAt?.toISOString(),
    cost: result.cost,
  };
}

export function historyEntryResponse(
  entry: HistoryEntry,
): HistoryEntryResponse {
  return { ...entry, scannedAt: entry.scannedAt.toISOString() };
}
