import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import {
  CompletedScan,
  EntityResult,
  GroupDimension,
  GroupRow,
  HistoryEntry,
  LastGoodScan,
  RepositoryFilter,
  RepositoryCursor,
  RepositoryKeysetPage,
  RepositoryPage,
  RepositoryQuery,
  RetentionPolicy,
  ScannedEntityInfo,
  ScannedRepository,
  ScanStore,
  Summary,
  TriageList,
  TriageQuery,
} from './ScanStore';
import { recordScanWithWaivers, withActiveWaivers } from './applyWaivers';
import { applyRepositoryFilter, applySort } from './filters';
import { listRepositoriesAfter } from './keysetPage';
import { readEntityResult } from './readEntityResult';
import { pruneHistory } from './retention';
import { replaceRuleResults } from './ruleResults';
import { getGroups, getSummary } from './rollups';
import { listTriage } from './triage';
import {
  EntityRow,
  entityInfoColumns,
  historyEntryFromScan,
  isPostgres,
  normalizeRef,
  repositoryRowFromEntity,
  ScanRow,
  TABLES,
} from './rows';
import { writeScan } from './writeScan';

const MIGRATIONS_DIR = resolvePackagePath(
  '@go-build-policy/plugin-go-build-policy-backend',
  'migrations',
);

/** Entity info for a ref the store has never seen, when the caller gave none. */
function minimalInfo(entityRef: string): ScannedEntityInfo {
  const kind = entityRef.split(':')[0] ?? 'component';
  return { entityRef, kind };
}

/** The ScanStore on the plugin's database (SQLite or PostgreSQL). */
export class DatabaseScanStore implements ScanStore {
  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<DatabaseScanStore> {
    const client = await options.database.getClient();
    if (!options.skipMigrations && !options.database.migrations?.skip) {
      await client.migrate.latest({ directory: MIGRATIONS_DIR });
    }
    return new DatabaseScanStore(client);
  }

  /** The folder of the plugin's knex migrations. */
  static readonly migrationsDirectory = MIGRATIONS_DIR;

  constructor(private readonly db: Knex) {}

  async recordScan(scan: CompletedScan): Promise<{ scanId: string }> {
    return this.db.transaction(tx =>
      recordScanWithWaivers(tx, scan, new Date(), writeScan),
    );
  }

  async recordFailure(
    entityRef: string,
    reason: string,
    options: { entity?: ScannedEntityInfo; at?: Date; startedAt?: Date } = {},
  ): Promise<void> {
    const ref = normalizeRef(entityRef);
    const at = (options.at ?? new Date()).getTime();
    const startedAt = options.startedAt?.getTime() ?? at;
    await this.db.transaction(async tx => {
      const currentQuery = tx<EntityRow>(TABLES.entities)
        .where('entity_ref', ref)
        .first('latest_scan_id', 'scanned_at');
      // Locked like writeScan does, so a scan committing meanwhile is seen.
      const current = await (isPostgres(tx)
        ? currentQuery.forUpdate()
        : currentQuery);
      // Out of order across replicas: a good scan that finished after this attempt began
      // is newer news than the failure, which must not mark it stale.
      if (current?.scanned_at && Number(current.scanned_at) > startedAt) {
        await tx(TABLES.entities)
          .where('entity_ref', ref)
          .update({ activity: null });
        return;
      }
      const info = entityInfoColumns(options.entity ?? minimalInfo(ref));
      const outcome = {
        state: 'failed',
        activity: null,
        stale: Boolean(current?.latest_scan_id),
        failure_reason: reason,
        checked_at: at,
      };
      if (!current) {
        await tx(TABLES.entities).insert({ ...info, ...outcome });
        return;
      }
      await tx(TABLES.entities)
        .where('entity_ref', ref)
        .update({ ...(options.entity ? info : {}), ...outcome });
    });
  }

  async recordNotGo(
    entity: ScannedEntityInfo,
    repository?: Omit<ScannedRepository, 'commitSha'> & { commitSha?: string },
    at?: Date,
  ): Promise<void> {
    await this.recordWithoutResult(entity, 'not-go', repository, at);
  }

  async recordNoSource(entity: ScannedEntityInfo, at?: Date): Promise<void> {
    await this.recordWithoutResult(entity, 'no-source', undefined, at);
  }

  /** An outcome with nothing to score: the entity leaves the roll-ups' scored counts. */
  private async recordWithoutResult(
    entity: ScannedEntityInfo,
    state: 'not-go' | 'no-source',
    repository: Partial<ScannedRepository> | undefined,
    at: Date = new Date(),
  ): Promise<void> {
    const ref = normalizeRef(entity.entityRef);
    const row = {
      ...entityInfoColumns(entity),
      state,
      activity: null,
      stale: false,
      failure_reason: null,
      latest_scan_id: null,
      repo_host: repository?.host ?? null,
      repo_owner: repository?.owner ?? null,
      repo_name: repository?.name ?? null,
      default_branch: repository?.defaultBranch ?? null,
      commit_sha: repository?.commitSha ?? null,
      score: null,
      raw_score: null,
      level: null,
      worst_severity: null,
      worst_severity_rank: 0,
      failing_count: 0,
      failing_rule_ids: '[]',
      failing_since: null,
      scanned_at: null,
      checked_at: at.getTime(),
    };
    await this.db.transaction(async tx => {
      await tx(TABLES.entities).insert(row).onConflict('entity_ref').merge();
      await replaceRuleResults(tx, [ref], []);
    });
  }

  async recordUnchanged(
    entityRef: string,
    options: { entity?: ScannedEntityInfo; at?: Date } = {},
  ): Promise<void> {
    const ref = normalizeRef(entityRef);
    const at = (options.at ?? new Date()).getTime();
    await this.db(TABLES.entities)
      .where('entity_ref', ref)
      .whereNotNull('latest_scan_id')
      .update({
        ...(options.entity ? entityInfoColumns(options.entity) : {}),
        state: 'ok',
        activity: null,
        stale: false,
        failure_reason: null,
        checked_at: at,
      });
  }

  async markState(
    entities: ScannedEntityInfo[],
    state: 'queued' | 'scanning',
  ): Promise<void> {
    if (!entities.length) return;
    const rows = entities.map(e => ({
      ...entityInfoColumns(e),
      state: 'never-scanned',
      activity: state,
    }));
    // New rows start never-scanned; existing rows keep their outcome while catalog
    // facts follow the catalog.
    const updatable = Object.keys(rows[0]).filter(column => column !== 'state');
    await this.db.transaction(async tx => {
      for (let i = 0; i < rows.length; i += 200) {
        await tx(TABLES.entities)
          .insert(rows.slice(i, i + 200))
          .onConflict('entity_ref')
          .merge(updatable);
      }
    });
  }

  async getLastGoodScan(entityRef: string): Promise<LastGoodScan | undefined> {
    const row = await this.db<ScanRow>(`${TABLES.scans} as s`)
      .join(`${TABLES.entities} as e`, 'e.latest_scan_id', 's.id')
      .where('e.entity_ref', normalizeRef(entityRef))
      .first('s.id', 's.commit_sha', 's.policy_fingerprint', 's.finished_at');
    if (!row) return undefined;
    return {
      scanId: String(row.id),
      commitSha: row.commit_sha,
      policyFingerprint: row.policy_fingerprint,
      scannedAt: new Date(Number(row.finished_at)),
    };
  }

  async getEntityResult(entityRef: string): Promise<EntityResult | undefined> {
    const result = await readEntityResult(this.db, entityRef);
    return result && withActiveWaivers(this.db, result, new Date());
  }

  async getHistory(
    entityRef: string,
    options: { limit?: number } = {},
  ): Promise<HistoryEntry[]> {
    const rows = await this.db<ScanRow>(TABLES.scans)
      .where('entity_ref', normalizeRef(entityRef))
      .orderBy([
        { column: 'finished_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(Math.min(Math.max(options.limit ?? 100, 1), 1000));
    return rows.map(historyEntryFromScan);
  }

  async listRepositories(query: RepositoryQuery = {}): Promise<RepositoryPage> {
    const limit = Math.min(Math.max(query.limit ?? 50, 1), 1000);
    const offset = Math.max(query.offset ?? 0, 0);
    const filtered = () =>
      applyRepositoryFilter(this.db(TABLES.entities), query);
    // Count and page in parallel: two connections answer sooner than one.
    const [[countRow], rows] = await Promise.all([
      filtered().count({ total: '*' }),
      applySort(
        filtered().select(`${TABLES.entities}.*`),
        query.sort,
        query.order,
      )
        .limit(limit)
        .offset(offset),
    ]);
    return {
      items: (rows as EntityRow[]).map(repositoryRowFromEntity),
      total: Number(countRow?.total ?? 0),
    };
  }

  listRepositoriesAfter(
    query: Omit<RepositoryQuery, 'limit' | 'offset'>,
    after: RepositoryCursor | undefined,
    limit: number,
  ): Promise<RepositoryKeysetPage> {
    return listRepositoriesAfter(this.db, query, after, limit);
  }

  listTriage(
    query: TriageQuery = {},
    now: Date = new Date(),
  ): Promise<TriageList> {
    return listTriage(this.db, query, now);
  }

  getGroups(
    dimension: GroupDimension,
    filter: RepositoryFilter = {},
  ): Promise<GroupRow[]> {
    return getGroups(this.db, dimension, filter);
  }

  getSummary(
    filter: RepositoryFilter = {},
    options: { trendDays?: number; now?: Date } = {},
  ): Promise<Summary> {
    return getSummary(this.db, filter, options);
  }

  async removeEntities(entityRefs: string[]): Promise<number> {
    const refs = entityRefs.map(normalizeRef);
    let removed = 0;
    await this.db.transaction(async tx => {
      for (let i = 0; i < refs.length; i += 500) {
        const chunk = refs.slice(i, i + 500);
        const scanIds = tx(TABLES.scans)
          .select('id')
          .whereIn('entity_ref', chunk);
        await tx(TABLES.findings).whereIn('scan_id', scanIds).delete();
        await tx(TABLES.scans).whereIn('entity_ref', chunk).delete();
        await replaceRuleResults(tx, chunk, []);
        removed += await tx(TABLES.entities)
          .whereIn('entity_ref', chunk)
          .delete();
      }
    });
    return removed;
  }

  async listEntityRefs(): Promise<string[]> {
    const rows = await this.db(TABLES.entities)
      .select('entity_ref')
      .orderBy('entity_ref');
    return rows.map(r => r.entity_ref as string);
  }

  pruneHistory(
    retention: RetentionPolicy,
    now: Date = new Date(),
  ): Promise<{ deletedScans: number }> {
    return pruneHistory(this.db, retention, now);
  }
}
