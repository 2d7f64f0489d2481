import type {
  FixPullRequest,
  FixPullRequestState,
  FixSuggestion,
} from '@go-build-policy/plugin-go-build-policy-common';
import { Knex } from 'knex';
import { normalizeRef } from './rows';

const TABLE = 'gbp_fix_pull_requests';

/** A pull request to record: the API's shape plus the repository it lives in. */
export interface NewFixPullRequest extends Omit<FixPullRequest, 'createdAt'> {
  /** `host/owner/name`: with `number`, identifies the pull request. */
  repository: string;
  createdAt: Date;
}

/** Pull requests opened with suggested fixes, per entity and rule. */
export interface PullRequestStore {
  /** Records a pull request; recording the same repository and number again updates it. */
  record(pullRequest: NewFixPullRequest): Promise<void>;
  /** The latest pull request of an entity's rule, if any. */
  latest(
    entityRef: string,
    ruleId: string,
  ): Promise<(FixPullRequest & { repository: string }) | undefined>;
  /** Every pull request of an entity, newest first. */
  list(entityRef: string): Promise<FixPullRequest[]>;
  /** The latest pull request of each rule of an entity. */
  latestByRule(entityRef: string): Promise<Map<string, FixPullRequest>>;
  setState(
    repository: string,
    number: number,
    state: FixPullRequestState,
  ): Promise<void>;
}

interface PullRequestRow {
  id: number | string;
  entity_ref: string;
  rule_id: string;
  repository: string;
  number: number | string;
  url: string;
  branch: string;
  base_commit: string;
  state: string;
  created_by: string;
  created_at: number | string;
}

function fromRow(row: PullRequestRow): FixPullRequest & { repository: string } {
  return {
    entityRef: row.entity_ref,
    ruleId: row.rule_id,
    repository: row.repository,
    number: Number(row.number),
    url: row.url,
    branch: row.branch,
    baseCommit: row.base_commit,
    state: row.state as FixPullRequestState,
    createdBy: row.created_by,
    createdAt: new Date(Number(row.created_at)).toISOString(),
  };
}

function withoutRepository({
  repository: _,
  ...pullRequest
}: FixPullRequest & { repository: string }): FixPullRequest {
  return pullRequest;
}

/**
 * The latest pull request of each rule of an entity, read in the caller's connection or
 * transaction (the entity result reader attaches them to findings).
 */
export async function latestPullRequestsByRule(
  db: Knex,
  entityRef: string,
): Promise<Map<string, FixPullRequest>> {
  const rows = await db<PullRequestRow>(TABLE)
    .where('entity_ref', normalizeRef(entityRef))
    .orderBy([
      { column: 'created_at', order: 'asc' },
      { column: 'id', order: 'asc' },
    ]);
  // Ascending, so the newest row of a rule is the one left in the map.
  return new Map(
    rows.map(row => [row.rule_id, withoutRepository(fromRow(row))]),
  );
}

/** PullRequestStore on the plugin's database (its migrations run with DatabaseScanStore). */
export class DatabasePullRequestStore implements PullRequestStore {
  constructor(private readonly db: Knex) {}

  async record(pullRequest: NewFixPullRequest): Promise<void> {
    await this.db<PullRequestRow>(TABLE)
      .insert({
        entity_ref: normalizeRef(pullRequest.entityRef),
        rule_id: pullRequest.ruleId,
        repository: pullRequest.repository.toLocaleLowerCase('en-US'),
        number: pullRequest.number,
        url: pullRequest.url,
        branch: pullRequest.branch,
        base_commit: pullRequest.baseCommit,
        state: pullRequest.state,
        created_by: pullRequest.createdBy,
        created_at: pullRequest.createdAt.getTime(),
      })
      .onConflict(['repository', 'number'])
      .merge(['state', 'url']);
  }

  async latest(entityRef: string, ruleId: string) {
    const row = await this.db<PullRequestRow>(TABLE)
      .where({ entity_ref: normalizeRef(entityRef), rule_id: ruleId })
      .orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .first();
    return row ? fromRow(row) : undefined;
  }

  async list(entityRef: string): Promise<FixPullRequest[]> {
    const rows = await this.db<PullRequestRow>(TABLE)
      .where('entity_ref', normalizeRef(entityRef))
      .orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ]);
    return rows.map(row => withoutRepository(fromRow(row)));
  }

  latestByRule(entityRef: string): Promise<Map<string, FixPullRequest>> {
    return latestPullRequestsByRule(this.db, entityRef);
  }

  async setState(
    repository: string,
    number: number,
    state: FixPullRequestState,
  ): Promise<void> {
    await this.db<PullRequestRow>(TABLE)
      .where({ repository: repository.toLocaleLowerCase('en-US'), number })
      .update({ state });
  }
}

/**
 * A stored finding with its fix suggestion (the `fix` JSON column) and the latest pull
 * request of its rule. An unreadable suggestion is dropped rather than failing the read.
 */
export function withFixAndPullRequest<T extends { ruleId: string }>(
  finding: T,
  fixJson: string | null | undefined,
  pullRequests: ReadonlyMap<string, FixPullRequest>,
): T & { fix?: FixSuggestion; pullRequest?: FixPullRequest } {
  let fix: FixSuggestion | undefined;
  try {
    fix = fixJson ? (JSON.parse(fixJson) as FixSuggestion) : undefined;
  } catch {
    fix = undefined;
  }
  const pullRequest = pullRequests.get(finding.ruleId);
  return {
    ...finding,
    ...(fix ? { fix } : {}),
    ...(pullRequest ? { pullRequest } : {}),
  };
}
