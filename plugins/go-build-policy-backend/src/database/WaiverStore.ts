import { DatabaseService } from '@backstage/backend-plugin-api';
import type { WaiverState } from '@go-build-policy/plugin-go-build-policy-common';
import { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import { RepositoryFilter, ScannedEntityInfo } from './ScanStore';
import { reapplyWaivers } from './applyWaivers';
import { applyRepositoryFilter } from './filters';
import {
  EntityRow,
  entityInfoFromRow,
  isPostgres,
  normalizeRef,
  TABLES,
} from './rows';
import {
  activeWaiversOf,
  WAIVERS_TABLE,
  waiverFromRow,
  WaiverRecord,
  WaiverRow,
  whereActive,
} from './waiverRows';

export type { WaiverRecord };

const W = WAIVERS_TABLE;
const E = TABLES.entities;

export interface NewWaiver {
  entityRef: string;
  ruleId: string;
  reason: string;
  expiresAt: Date;
  createdBy: string;
}

export type CreateWaiverOutcome =
  | { outcome: 'created'; waiver: WaiverRecord }
  /** The store has no result for the entity: nothing to waive. */
  | { outcome: 'unknown-entity' }
  | { outcome: 'already-waived'; active: WaiverRecord };

export type RevokeWaiverOutcome =
  | { outcome: 'revoked'; waiver: WaiverRecord }
  | { outcome: 'not-found' }
  /** Already revoked or expired. */
  | { outcome: 'not-active'; waiver: WaiverRecord };

/** GET /waivers: the scorecard filters apply to the waivers' entities. */
export interface WaiverListQuery extends RepositoryFilter {
  state?: WaiverState[];
  expiresBefore?: Date;
  limit?: number;
  offset?: number;
}

export interface WaiverListPage {
  items: Array<WaiverRecord & { entity?: ScannedEntityInfo }>;
  total: number;
}

/** Narrows a query over gbp_waivers to waivers in any of the states at `now`. */
function whereStates(
  query: Knex.QueryBuilder,
  states: readonly WaiverState[],
  now: Date,
): Knex.QueryBuilder {
  return query.where(any => {
    if (states.includes('active')) any.orWhere(q => whereActive(q, now));
    if (states.includes('expired')) {
      any.orWhere(q =>
        q
          .whereNull(`${W}.revoked_at`)
          .where(`${W}.expires_at`, '<=', now.getTime()),
      );
    }
    if (states.includes('revoked')) any.orWhereNotNull(`${W}.revoked_at`);
  });
}

/**
 * Waivers on the plugin's database. Creating and revoking recompute the entity's stored
 * result in the same transaction, so the org views follow at once; expiry is applied by
 * `applyExpired`, which the expiry sweep runs every minute.
 */
export class WaiverStore {
  /** Assumes the migrations have run (DatabaseScanStore.create runs them). */
  static async create(options: {
    database: DatabaseService;
  }): Promise<WaiverStore> {
    return new WaiverStore(await options.database.getClient());
  }

  constructor(private readonly db: Knex) {}

  /** Waives a rule; at most one waiver of an entity and rule is active at a time. */
  async createWaiver(
    input: NewWaiver,
    now: Date = new Date(),
  ): Promise<CreateWaiverOutcome> {
    const ref = normalizeRef(input.entityRef);
    return this.db.transaction(async tx => {
      // The entity's row lock serialises waiver writes and scans of one entity.
      const entityQuery = tx(E)
        .where('entity_ref', ref)
        .first('entity_ref', 'latest_scan_id');
      const entity = await (isPostgres(tx)
        ? entityQuery.forUpdate()
        : entityQuery);
      // A not-Go or never-scanned entity has a row but no result a waiver could change.
      if (!entity || entity.latest_scan_id === null) {
        return { outcome: 'unknown-entity' as const };
      }
      const [active] = await activeWaiversOf(tx, ref, now).then(list =>
        list.filter(w => w.ruleId === input.ruleId),
      );
      if (active) return { outcome: 'already-waived' as const, active };
      const row: WaiverRow = {
        id: randomUUID(),
        entity_ref: ref,
        rule_id: input.ruleId,
        reason: input.reason,
        expires_at: input.expiresAt.getTime(),
        created_by: input.createdBy,
        created_at: now.getTime(),
        revoked_by: null,
        revoked_at: null,
        expiry_applied: false,
      };
      await tx(W).insert(row);
      await reapplyWaivers(tx, ref, now);
      return { outcome: 'created' as const, waiver: waiverFromRow(row, now) };
    });
  }

  /** Revokes an active waiver of the entity. */
  async revokeWaiver(
    entityRef: string,
    waiverId: string,
    revokedBy: string,
    now: Date = new Date(),
  ): Promise<RevokeWaiverOutcome> {
    const ref = normalizeRef(entityRef);
    return this.db.transaction(async tx => {
      const entityQuery = tx(E).where('entity_ref', ref).first('entity_ref');
      await (isPostgres(tx) ? entityQuery.forUpdate() : entityQuery);
      const row: WaiverRow | undefined = await tx(W)
        .where({ id: waiverId, entity_ref: ref })
        .first();
      if (!row) return { outcome: 'not-found' as const };
      const current = waiverFromRow(row, now);
      if (current.state !== 'active') {
        return { outcome: 'not-active' as const, waiver: current };
      }
      const revoked = {
        ...row,
        revoked_at: now.getTime(),
        revoked_by: revokedBy,
      };
      await tx(W)
        .where('id', row.id)
        .update({ revoked_at: revoked.revoked_at, revoked_by: revokedBy });
      await reapplyWaivers(tx, ref, now);
      return {
        outcome: 'revoked' as const,
        waiver: waiverFromRow(revoked, now),
      };
    });
  }

  /** Every waiver of the entity, newest first, with its state at `now`. */
  async listForEntity(
    entityRef: string,
    now: Date = new Date(),
  ): Promise<WaiverRecord[]> {
    const rows: WaiverRow[] = await this.db(W)
      .where('entity_ref', normalizeRef(entityRef))
      .orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ]);
    return rows.map(row => waiverFromRow(row, now));
  }

  /** The org's waivers, newest first, filtered and paged, with their entities' facts. */
  async listWaivers(
    query: WaiverListQuery = {},
    now: Date = new Date(),
  ): Promise<WaiverListPage> {
    const limit = Math.min(Math.max(query.limit ?? 50, 1), 1000);
    const offset = Math.max(query.offset ?? 0, 0);
    const { state, expiresBefore } = query;
    // The scorecard filters read gbp_entities' columns; waivers of entities the store
    // no longer knows show without entity facts when no filter asks for them.
    const filtered = () => {
      const q = applyRepositoryFilter(
        this.db(W).leftJoin(E, `${E}.entity_ref`, `${W}.entity_ref`),
        query,
      );
      if (state?.length) whereStates(q, state, now);
      if (expiresBefore)
        q.where(`${W}.expires_at`, '<', expiresBefore.getTime());
      return q;
    };
    const [[count], rows] = await Promise.all([
      filtered().count({ total: '*' }),
      filtered()
        .select(
          `${W}.*`,
          `${E}.entity_ref as e_entity_ref`,
          `${E}.kind`,
          `${E}.title`,
          `${E}.type`,
          `${E}.owner`,
          `${E}.system`,
          `${E}.domain`,
          `${E}.lifecycle`,
          `${E}.tags`,
        )
        .orderBy([
          { column: `${W}.created_at`, order: 'desc' },
          { column: `${W}.id`, order: 'desc' },
        ])
        .limit(limit)
        .offset(offset),
    ]);
    return {
      items: (
        rows as Array<WaiverRow & EntityRow & { e_entity_ref: string | null }>
      ).map(row => {
        const waiver = waiverFromRow(row, now);
        if (!row.e_entity_ref) return waiver;
        return {
          ...waiver,
          entity: entityInfoFromRow({ ...row, entity_ref: row.e_entity_ref }),
        };
      }),
      total: Number(count?.total ?? 0),
    };
  }

  /** Unrevoked waivers expired by `now` whose expiry the stored results do not show yet. */
  private pendingExpiry(db: Knex, now: Date): Knex.QueryBuilder {
    return db(W)
      .where('expiry_applied', false)
      .whereNull('revoked_at')
      .where('expires_at', '<=', now.getTime());
  }

  /** The rule ids waived for the entity at `now`. */
  async activeRuleIds(
    entityRef: string,
    now: Date = new Date(),
  ): Promise<string[]> {
    const active = await activeWaiversOf(this.db, normalizeRef(entityRef), now);
    return active.map(w => w.ruleId);
  }

  /**
   * Recomputes the stored results of entities whose waivers expired by `now` and were not
   * applied yet, one entity per transaction, then marks those waivers. Idempotent: a
   * second run, or a second replica, finds nothing left or recomputes the same result.
   */
  async applyExpired(
    now: Date = new Date(),
    options: { batchSize?: number } = {},
  ): Promise<{ entities: number; waivers: number }> {
    const batchSize = options.batchSize ?? 500;
    let entities = 0;
    let waivers = 0;
    for (;;) {
      const refs: string[] = (
        await this.pendingExpiry(this.db, now)
          .distinct('entity_ref')
          .orderBy('entity_ref')
          .limit(batchSize)
      ).map((r: { entity_ref: string }) => r.entity_ref);
      for (const ref of refs) {
        waivers += await this.db.transaction(async tx => {
          // The latest of the entity's expiries is when it certainly lost their cover.
          const [{ expiredAt }] = await this.pendingExpiry(tx, now)
            .where('entity_ref', ref)
            .max({ expiredAt: 'expires_at' });
          await reapplyWaivers(
            tx,
            ref,
            now,
            expiredAt === null ? now : new Date(Number(expiredAt)),
          );
          const marked: number = await this.pendingExpiry(tx, now)
            .where('entity_ref', ref)
            .update({ expiry_applied: true });
          return marked;
        });
      }
      entities += refs.length;
      if (refs.length < batchSize) break;
    }
    return { entities, waivers };
  }
}
