import type { ScanStore } from '../database/ScanStore';
import { entityInfo } from '../scanning/entityInfo';
import { EntitySelector } from '../scanning/EntitySelector';
import { ScanQueue } from './ScanQueue';

export type ScanRequestResult =
  /** Queued ahead of the scheduled sweep; the state becomes `queued`. */
  | { status: 'queued'; entityRef: string }
  | { status: 'not-found'; entityRef: string }
  /** Opted out or outside the configured filters. */
  | { status: 'excluded'; entityRef: string; reason: string };

/** Asks for a scan of one entity now (the rescan route and the webhook use it). */
export interface ScanRequester {
  /** `reason` is free text for logs; `webhook` gives the scan the webhook's priority. */
  requestScan(entityRef: string, reason?: string): Promise<ScanRequestResult>;
}

/** Queues requested scans and wakes this replica's worker so they start at once. */
export class QueueScanRequester implements ScanRequester {
  constructor(
    private readonly options: {
      queue: ScanQueue;
      selector: Pick<EntitySelector, 'entity' | 'exclusionReason' | 'domainOf'>;
      store: Pick<ScanStore, 'markState'>;
      wake: () => void;
    },
  ) {}

  async requestScan(
    entityRef: string,
    reason: string = 'request',
  ): Promise<ScanRequestResult> {
    const { selector, queue, store } = this.options;
    const entity = await selector.entity(entityRef);
    if (!entity) return { status: 'not-found', entityRef };
    const info = entityInfo(entity, await selector.domainOf(entity));
    const excluded = selector.exclusionReason(entity);
    if (excluded)
      return {
        status: 'excluded',
        entityRef: info.entityRef,
        reason: excluded,
      };
    await queue.enqueue(
      [info.entityRef],
      reason === 'webhook' ? 'webhook' : 'request',
    );
    await store.markState([info], 'queued');
    this.options.wake();
    return { status: 'queued', entityRef: info.entityRef };
  }
}
