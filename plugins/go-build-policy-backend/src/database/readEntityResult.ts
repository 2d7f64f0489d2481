import { Knex } from 'knex';
import {
  latestPullRequestsByRule,
  withFixAndPullRequest,
} from './PullRequestStore';
import { EntityResult } from './ScanStore';
import {
  EntityRow,
  FindingRow,
  findingFromRow,
  isFailing,
  normalizeRef,
  parseJson,
  repositoryRowFromEntity,
  ScanRow,
  TABLES,
} from './rows';

/** The repository of an entity without a good scan (not-go), from its own columns. */
function repositoryOf(entity: EntityRow): Partial<EntityResult> {
  if (!entity.repo_host || !entity.repo_owner || !entity.repo_name) return {};
  return {
    repository: {
      host: entity.repo_host,
      owner: entity.repo_owner,
      name: entity.repo_name,
      defaultBranch: entity.default_branch ?? '',
      commitSha: entity.commit_sha ?? '',
    },
  };
}

/** ISO failing-since time of each failing rule of the entity's latest result. */
async function failingSinceByRule(
  db: Knex,
  entityRef: string,
): Promise<Map<string, string>> {
  const rows = await db(TABLES.ruleResults)
    .where('entity_ref', entityRef)
    .whereNotNull('failing_since')
    .select('rule_id', 'failing_since');
  return new Map(
    rows.map(r => [
      r.rule_id as string,
      new Date(Number(r.failing_since)).toISOString(),
    ]),
  );
}

/** The latest result of one entity with the findings of its latest good scan. */
export async function readEntityResult(
  db: Knex,
  entityRef: string,
): Promise<EntityResult | undefined> {
  const entity = await db<EntityRow>(TABLES.entities)
    .where('entity_ref', normalizeRef(entityRef))
    .first();
  if (!entity) return undefined;
  const row = repositoryRowFromEntity(entity);
  const result: EntityResult = {
    ...row,
    findings: [],
    repository: undefined,
  };
  if (entity.latest_scan_id === null) {
    return { ...result, ...repositoryOf(entity) };
  }
  const [scan, findings, failingSince, pullRequests] = await Promise.all([
    db<ScanRow>(TABLES.scans).where('id', entity.latest_scan_id).first(),
    db<FindingRow>(TABLES.findings)
      .where('scan_id', entity.latest_scan_id)
      .orderBy('position'),
    failingSinceByRule(db, entity.entity_ref),
    latestPullRequestsByRule(db, entity.entity_ref),
  ]);
  if (!scan) return result;
  return {
    ...result,
    scanId: String(scan.id),
    repository: {
      host: scan.repo_host,
      owner: scan.repo_owner,
      name: scan.repo_name,
      defaultBranch: scan.default_branch,
      commitSha: scan.commit_sha,
      moduleRoot: scan.module_root ?? undefined,
      archived: Boolean(scan.archived),
    },
    categories: parseJson(scan.categories, {}),
    counts: parseJson(scan.counts, undefined),
    findings: findings.map(findingRow => {
      const finding = withFixAndPullRequest(
        findingFromRow(findingRow),
        (findingRow as FindingRow & { fix?: string | null }).fix,
        pullRequests,
      );
      const since = isFailing(finding.status)
        ? failingSince.get(finding.ruleId)
        : undefined;
      return since ? { ...finding, failingSince: since } : finding;
    }),
    cost: {
      requests: Number(scan.requests),
      rateLimitPoints: Number(scan.rate_limit_points),
    },
  };
}
