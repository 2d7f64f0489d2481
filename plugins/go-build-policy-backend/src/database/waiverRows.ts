import type { WaiverState } from '@go-build-policy/plugin-go-build-policy-common';
import { Knex } from 'knex';

export const WAIVERS_TABLE = 'gbp_waivers';

/** A waiver as the store returns it (dates as Date; the API turns them into strings). */
export interface WaiverRecord {
  id: string;
  entityRef: string;
  ruleId: string;
  reason: string;
  expiresAt: Date;
  createdBy: string;
  createdAt: Date;
  revokedBy?: string;
  revokedAt?: Date;
  /** Computed from the times against "now" when read. */
  state: WaiverState;
}

/** A row of gbp_waivers as the drivers return it (pg gives bigint as string). */
export interface WaiverRow {
  id: string;
  entity_ref: string;
  rule_id: string;
  reason: string;
  expires_at: string | number;
  created_by: string;
  created_at: string | number;
  revoked_by: string | null;
  revoked_at: string | number | null;
  expiry_applied: boolean | number;
}

export function waiverState(row: WaiverRow, now: Date): WaiverState {
  if (row.revoked_at !== null) return 'revoked';
  return Number(row.expires_at) > now.getTime() ? 'active' : 'expired';
}

export function waiverFromRow(row: WaiverRow, now: Date): WaiverRecord {
  return {
    id: row.id,
    entityRef: row.entity_ref,
    ruleId: row.rule_id,
    reason: row.reason,
    expiresAt: new Date(Number(row.expires_at)),
    createdBy: row.created_by,
    createdAt: new Date(Number(row.created_at)),
    revokedBy: row.revoked_by ?? undefined,
    revokedAt:
      row.revoked_at === null ? undefined : new Date(Number(row.revoked_at)),
    state: waiverState(row, now),
  };
}

/** Narrows a query over gbp_waivers to the waivers in force at `now`. */
export function whereActive(
  query: Knex.QueryBuilder,
  now: Date,
  table = WAIVERS_TABLE,
): Knex.QueryBuilder {
  return query
    .whereNull(`${table}.revoked_at`)
    .where(`${table}.expires_at`, '>', now.getTime());
}

/** The waivers of one entity in force at `now`, oldest rule id first. */
export async function activeWaiversOf(
  db: Knex,
  entityRef: string,
  now: Date,
): Promise<WaiverRecord[]> {
  const rows: WaiverRow[] = await whereActive(
    db(WAIVERS_TABLE).where('entity_ref', entityRef),
    now,
  ).orderBy('rule_id');
  return rows.map(row => waiverFromRow(row, now));
}
