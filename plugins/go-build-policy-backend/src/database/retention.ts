import { Knex } from 'knex';
import { RetentionPolicy } from './ScanStore';
import { TABLES } from './rows';

const DAY_MS = 86_400_000;
const S = TABLES.scans;
const E = TABLES.entities;

/** Scans no retention rule may delete: each entity's latest good result. */
function protectedScanIds(db: Knex) {
  return db(E).select('latest_scan_id').whereNotNull('latest_scan_id');
}

async function deleteScans(
  tx: Knex.Transaction,
  victims: Knex.QueryBuilder,
): Promise<number> {
  // Findings go first: SQLite enforces ON DELETE CASCADE only with foreign_keys on.
  await tx(TABLES.findings).whereIn('scan_id', victims.clone()).delete();
  return tx(S).whereIn('id', victims).delete();
}

/**
 * Deletes scans older than `days` and beyond the newest `maxScansPerEntity` of each
 * entity, never an entity's latest good scan.
 */
export async function pruneHistory(
  db: Knex,
  retention: RetentionPolicy,
  now: Date,
): Promise<{ deletedScans: number }> {
  let deletedScans = 0;
  await db.transaction(async tx => {
    if (retention.days !== undefined && retention.days > 0) {
      const cutoff = now.getTime() - retention.days * DAY_MS;
      const tooOld = tx(S)
        .select('id')
        .where('finished_at', '<', cutoff)
        .whereNotIn('id', protectedScanIds(tx));
      deletedScans += await deleteScans(tx, tooOld);
    }
    const max = retention.maxScansPerEntity;
    if (max !== undefined && max > 0) {
      const ranked = tx(S)
        .select(
          'id',
          tx.raw(
            'row_number() over (partition by entity_ref order by finished_at desc, id desc) as position',
          ),
        )
        .as('ranked');
      const beyond = tx
        .select('ranked.id')
        .from(ranked)
        .where('ranked.position', '>', max)
        .whereNotIn('ranked.id', protectedScanIds(tx));
      deletedScans += await deleteScans(tx, beyond);
    }
  });
  return { deletedScans };
}
