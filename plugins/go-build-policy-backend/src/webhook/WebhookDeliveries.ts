import type { Knex } from 'knex';

const TABLE = 'gbp_webhook_deliveries';
/** GitHub redelivers on request, usually within hours; a day covers it with room. */
export const DEFAULT_DELIVERY_WINDOW_MS = 24 * 3600_000;

/**
 * The webhook deliveries handled recently, in the plugin's database so that every replica
 * sees them. Claiming a delivery id is one insert that a primary-key conflict turns into
 * a no-op, so two replicas receiving the same delivery at once cannot both handle it.
 */
export class WebhookDeliveries {
  constructor(
    private readonly db: Knex,
    private readonly options: { windowMs?: number; now?: () => number } = {},
  ) {}

  /** True when `deliveryId` was not handled within the window; it is taken from now on. */
  async claim(deliveryId: string): Promise<boolean> {
    const now = this.now();
    const windowMs = this.options.windowMs ?? DEFAULT_DELIVERY_WINDOW_MS;
    // Expired ids go first, so an old id delivered again is handled again.
    await this.db(TABLE)
      .where('received_at', '<', now - windowMs)
      .delete();
    const inserted = await this.db(TABLE)
      .insert({ delivery_id: deliveryId, received_at: now })
      .onConflict('delivery_id')
      .ignore()
      .returning('delivery_id');
    return inserted.length > 0;
  }

  /** Gives an id back after its handling failed, so GitHub's redelivery is handled. */
  async release(deliveryId: string): Promise<void> {
    await this.db(TABLE).where('delivery_id', deliveryId).delete();
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }
}
