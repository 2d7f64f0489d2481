import { Finding } from '@go-build-policy/plugin-go-build-policy-common';
import { CompletedScan } from './ScanStore';
import { isFailing, SEVERITY_RANK, worstFailingSeverity } from './rows';

function failingRuleIds(findings: readonly Finding[]): string[] {
  return findings.filter(f => isFailing(f.status)).map(f => f.ruleId);
}

/** The gbp_scans row of a completed scan. */
export function scanColumns(entityRef: string, scan: CompletedScan) {
  const { repository: repo, result, cost, timings } = scan;
  return {
    entity_ref: entityRef,
    repo_host: repo.host,
    repo_owner: repo.owner,
    repo_name: repo.name,
    default_branch: repo.defaultBranch,
    commit_sha: repo.commitSha,
    module_root: repo.moduleRoot ?? null,
    archived: Boolean(repo.archived),
    policy_fingerprint: scan.policyFingerprint,
    score: result.score,
    raw_score: result.rawScore,
    level: result.level,
    raw_level: result.rawLevel,
    categories: JSON.stringify(result.categories ?? {}),
    counts: JSON.stringify(result.counts ?? {}),
    failing_rule_ids: JSON.stringify(failingRuleIds(result.findings)),
    requests: Math.round(cost.requests),
    rate_limit_points: Math.round(cost.rateLimitPoints),
    started_at: timings.startedAt.getTime(),
    finished_at: timings.finishedAt.getTime(),
    fetch_ms:
      timings.fetchMs === undefined ? null : Math.round(timings.fetchMs),
    evaluate_ms:
      timings.evaluateMs === undefined ? null : Math.round(timings.evaluateMs),
  };
}

/** The gbp_entities columns a good scan sets (catalog facts aside). */
export function latestResultColumns(scan: CompletedScan) {
  const { repository: repo, result } = scan;
  const worst = worstFailingSeverity(result.findings);
  const failing = failingRuleIds(result.findings);
  const finishedAt = scan.timings.finishedAt.getTime();
  return {
    state: 'ok',
    activity: null,
    stale: false,
    failure_reason: null,
    repo_host: repo.host,
    repo_owner: repo.owner,
    repo_name: repo.name,
    default_branch: repo.defaultBranch,
    commit_sha: repo.commitSha,
    score: result.score,
    raw_score: result.rawScore,
    level: result.level,
    worst_severity: worst ?? null,
    worst_severity_rank: worst ? SEVERITY_RANK[worst] : 0,
    failing_count: failing.length,
    failing_rule_ids: JSON.stringify(failing),
    scanned_at: finishedAt,
    checked_at: finishedAt,
  };
}

/** One gbp_rule_results row per rule of the scan (a rule id appears once). */
export function ruleResultRows(
  entityRef: string,
  findings: readonly Finding[],
  entityScore: number,
) {
  const seen = new Set<string>();
  const rows = [];
  for (const f of findings) {
    if (seen.has(f.ruleId)) continue;
    seen.add(f.ruleId);
    rows.push({
      entity_ref: entityRef,
      rule_id: f.ruleId,
      status: f.status,
      severity: f.severity,
      failing: isFailing(f.status),
      entity_score: entityScore,
    });
  }
  return rows;
}
