import { TestDatabases } from '@backstage/backend-test-utils';
import { DatabaseScanStore } from '../database/DatabaseScanStore';
import { WebhookDeliveries } from './WebhookDeliveries';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

async function migrated(id: Parameters<typeof databases.init>[0]) {
  const knex = await databases.init(id);
  await knex.migrate.latest({
    directory: DatabaseScanStore.migrationsDirectory,
  });
  return knex;
}

describe.each(databases.eachSupportedId())('WebhookDeliveries on %s', id => {
  it('lets exactly one of two replicas claim a delivery', async () => {
    const knex = await migrated(id);
    const a = new WebhookDeliveries(knex);
    const b = new WebhookDeliveries(knex);

    const claims = await Promise.all([a.claim('d-1'), b.claim('d-1')]);

    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await a.claim('d-2')).toBe(true);
  });

  it('forgets deliveries older than the window, and released ones', async () => {
    const knex = await migrated(id);
    let now = 1_000_000;
    const deliveries = new WebhookDeliveries(knex, {
      windowMs: 60_000,
      now: () => now,
    });
    expect(await deliveries.claim('d-1')).toBe(true);
    now += 59_000;
    expect(await deliveries.claim('d-1')).toBe(false);
    now += 2_000;
    expect(await deliveries.claim('d-1')).toBe(true);

    await deliveries.release('d-1');
    expect(await deliveries.claim('d-1')).toBe(true);
    // Expired rows are deleted as deliveries arrive: the table stays small.
    now += 120_000;
    expect(await deliveries.claim('d-2')).toBe(true);
    expect(
      (await knex('gbp_webhook_deliveries').select('delivery_id')).map(
        r => r.delivery_id,
      ),
    ).toEqual(['d-2']);
  });
});
