import { isPostgres } from '../database/rows';
import type { Knex } from 'knex';

const QUEUE = 'gbp_scan_queue';
const TARGETS = 'gbp_scan_targets';

export type ScanReason = 'schedule' | 'request' | 'webhook';

/** Explicit requests jump ahead of the scheduled sweep. */
const PRIORITY: Record<ScanReason, number> = {
  schedule: 0,
  request: 10,
  webhook: 5,
};

export interface ClaimedScan {
  entityRef: string;
  generation: number;
  attempts: number;
  reason: ScanReason;
}

/**
 * What settling a claim did. `lost`: another replica took the row over after this
 * replica's lease ran out; the row is theirs now and was left untouched.
 */
export type ClaimSettlement = 'completed' | 'requeued' | 'deferred' | 'lost';

/** Explicit requests start a new series of attempts; the sweep continues the current one. */
const RESETS_ATTEMPTS: Record<ScanReason, boolean> = {
  schedule: false,
  request: true,
  webhook: true,
};

export interface ScanTarget {
  entityRef: string;
  host: string;
  owner: string;
  name: string;
}

/**
 * The database queue that splits scans across replicas. Enqueueing is an upsert that
 * bumps a generation, so a request arriving during a scan is not swallowed by that scan's
 * completion. Claiming is one atomic statement: on PostgreSQL the candidate rows are
 * locked with `FOR UPDATE SKIP LOCKED`, so concurrent replicas never claim the same row;
 * SQLite has a single writer, so the same UPDATE … RETURNING is atomic there too.
 */
export class ScanQueue {
  constructor(
    private readonly db: Knex,
    private readonly now: () => number = Date.now,
  ) {}

  private get isPostgres(): boolean {
    return isPostgres(this.db);
  }

  /** Adds entities (or moves them earlier); never delays an entity already due sooner. */
  async enqueue(
    entityRefs: readonly string[],
    reason: ScanReason,
    options: { dueAt?: number } = {},
  ): Promise<void> {
    const now = this.now();
    const dueAt = options.dueAt ?? now;
    const rows = [...new Set(entityRefs.map(r => r.toLowerCase()))].map(
      ref => ({
        entity_ref: ref,
        reason,
        priority: PRIORITY[reason],
        due_at: dueAt,
        generation: 0,
        attempts: 0,
        enqueued_at: now,
      }),
    );
    for (let i = 0; i < rows.length; i += 200) {
      await this.db(QUEUE)
        .insert(rows.slice(i, i + 200))
        .onConflict('entity_ref')
        .merge({
          due_at: this.db.raw(
            `CASE WHEN ${QUEUE}.due_at < excluded.due_at THEN ${QUEUE}.due_at ELSE excluded.due_at END`,
          ),
          priority: this.db.raw(
            `CASE WHEN ${QUEUE}.priority > excluded.priority THEN ${QUEUE}.priority ELSE excluded.priority END`,
          ),
          reason: this.db.raw(
            `CASE WHEN ${QUEUE}.priority > excluded.priority THEN ${QUEUE}.reason ELSE excluded.reason END`,
          ),
          generation: this.db.raw(`${QUEUE}.generation + 1`),
          // A leased row keeps its count: the scan in hand is still part of that series.
          ...(RESETS_ATTEMPTS[reason]
            ? {
                attempts: this.db.raw(
                  `CASE WHEN ${QUEUE}.lease_expires_at IS NOT NULL AND ${QUEUE}.lease_expires_at >= ? THEN ${QUEUE}.attempts ELSE 0 END`,
                  [now],
                ),
              }
            : {}),
        } as any);
    }
  }

  /** Claims up to `limit` due rows for `owner` until `leaseMs` from now. */
  async claim(
    owner: string,
    limit: number,
    leaseMs: number,
  ): Promise<ClaimedScan[]> {
    const now = this.now();
    const lock = this.isPostgres ? 'FOR UPDATE SKIP LOCKED' : '';
    const result = await this.db.raw(
      `UPDATE ${QUEUE}
          SET lease_owner = ?, lease_expires_at = ?, attempts = attempts + 1
        WHERE entity_ref IN (
          SELECT entity_ref FROM ${QUEUE}
           WHERE due_at <= ? AND (lease_expires_at IS NULL OR lease_expires_at < ?)
           ORDER BY priority DESC, due_at ASC
           LIMIT ? ${lock})
        RETURNING entity_ref, generation, attempts, reason`,
      [owner, now + leaseMs, now, now, limit],
    );
    const rows: any[] = Array.isArray(result) ? result : result.rows;
    return rows.map(row => ({
      entityRef: row.entity_ref,
      generation: Number(row.generation),
      attempts: Number(row.attempts),
      reason: row.reason,
    }));
  }

  /**
   * Extends the lease of a claim still held by `owner` (a heartbeat while a long scan
   * runs). False when another replica has taken the row over, or it is gone.
   */
  async renew(
    owner: string,
    claim: ClaimedScan,
    leaseMs: number,
  ): Promise<boolean> {
    const updated = await this.db(QUEUE)
      .where({ entity_ref: claim.entityRef, lease_owner: owner })
      .update({ lease_expires_at: this.now() + leaseMs });
    return updated > 0;
  }

  /**
   * Ends a claimed scan. The row goes away unless it was enqueued again meanwhile; then
   * only the lease is released (with a fresh attempt count), so the new request runs too.
   * A row another replica has taken over is left alone.
   */
  async complete(owner: string, claim: ClaimedScan): Promise<ClaimSettlement> {
    const deleted = await this.db(QUEUE)
      .where({
        entity_ref: claim.entityRef,
        generation: claim.generation,
        lease_owner: owner,
      })
      .delete();
    if (deleted > 0) return 'completed';
    const released = await this.release(owner, claim.entityRef, {
      attempts: 0,
    });
    return released ? 'requeued' : 'lost';
  }

  /**
   * Gives a claimed row back, due again at `dueAt` (a retry), keeping the error for
   * operators. A row another replica has taken over is left alone (`lost`).
   */
  async defer(
    owner: string,
    claim: ClaimedScan,
    dueAt: number,
    error: string,
    options: { countsAsAttempt: boolean },
  ): Promise<ClaimSettlement> {
    const released = await this.release(owner, claim.entityRef, {
      due_at: dueAt,
      last_error: error.slice(0, 2000),
      ...(options.countsAsAttempt
        ? {}
        : { attempts: this.db.raw('attempts - 1') }),
    });
    return released ? 'deferred' : 'lost';
  }

  /** Clears `owner`'s lease; false when the row is not (any longer) leased to `owner`. */
  private async release(
    owner: string,
    entityRef: string,
    changes: Record<string, unknown>,
  ): Promise<boolean> {
    const updated = await this.db(QUEUE)
      .where({ entity_ref: entityRef, lease_owner: owner })
      .update({ ...changes, lease_owner: null, lease_expires_at: null });
    return updated > 0;
  }

  /** Entity refs waiting or being scanned, and which of them are leased. */
  async pending(): Promise<Array<{ entityRef: string; leased: boolean }>> {
    const now = this.now();
    const rows = await this.db(QUEUE).select('entity_ref', 'lease_expires_at');
    return rows.map(row => ({
      entityRef: row.entity_ref,
      leased:
        row.lease_expires_at !== null && Number(row.lease_expires_at) >= now,
    }));
  }

  /** Drops entities no longer selected, from the queue and the targets. */
  async forget(entityRefs: readonly string[]): Promise<void> {
    const refs = entityRefs.map(r => r.toLowerCase());
    for (let i = 0; i < refs.length; i += 500) {
      const chunk = refs.slice(i, i + 500);
      await this.db(QUEUE).whereIn('entity_ref', chunk).delete();
      await this.db(TARGETS).whereIn('entity_ref', chunk).delete();
    }
  }

  /** Remembers which repository each entity reads (webhooks look entities up by it). */
  async saveTargets(targets: readonly ScanTarget[]): Promise<void> {
    const now = this.now();
    const rows = targets.map(t => ({
      entity_ref: t.entityRef.toLowerCase(),
      repo_host: t.host.toLowerCase(),
      repo_owner: t.owner.toLowerCase(),
      repo_name: t.name.toLowerCase(),
      updated_at: now,
    }));
    for (let i = 0; i < rows.length; i += 200) {
      await this.db(TARGETS)
        .insert(rows.slice(i, i + 200))
        .onConflict('entity_ref')
        .merge(['repo_host', 'repo_owner', 'repo_name', 'updated_at']);
    }
  }

  /** Entity refs that read a repository. */
  async entitiesOfRepository(
    host: string,
    owner: string,
    name: string,
  ): Promise<string[]> {
    const rows = await this.db(TARGETS)
      .where({
        repo_host: host.toLowerCase(),
        repo_owner: owner.toLowerCase(),
        repo_name: name.toLowerCase(),
      })
      .select('entity_ref');
    return rows.map(row => row.entity_ref);
  }

  /** Every entity ref with a saved target. */
  async targetEntityRefs(): Promise<string[]> {
    const rows = await this.db(TARGETS).select('entity_ref');
    return rows.map(row => row.entity_ref);
  }
}
