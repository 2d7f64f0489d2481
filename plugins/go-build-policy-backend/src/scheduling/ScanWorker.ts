import type { LoggerService } from '@backstage/backend-plugin-api';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Entity } from '@backstage/catalog-model';
import type { ScanStore } from '../database/ScanStore';
import { entityInfo } from '../scanning/entityInfo';
import { EntitySelector } from '../scanning/EntitySelector';
import { ScanOutcome } from '../scanning/ScanOutcome';
import { LeaseHeartbeat } from './LeaseHeartbeat';
import { ClaimedScan, ClaimSettlement, ScanQueue } from './ScanQueue';
import type { ScanNotifier } from '../notifications/ScanNotifier';

/** The entity state each outcome leaves behind, for the live signal. */
const STATE_AFTER: Record<
  Exclude<ScanOutcome['kind'], 'scanned'>,
  'ok' | 'not-go' | 'no-source' | 'failed' | 'queued'
> = {
  unchanged: 'ok',
  'not-go': 'not-go',
  'no-source': 'no-source',
  failed: 'failed',
  deferred: 'queued',
};

export interface ScanWorkerOptions {
  queue: ScanQueue;
  selector: Pick<
    EntitySelector,
    'entity' | 'exclusionReason' | 'domainOf' | 'resetDomains'
  >;
  scanner: { scan(entity: Entity, domain?: string): Promise<ScanOutcome> };
  store: Pick<ScanStore, 'markState' | 'recordFailure'>;
  logger: LoggerService;
  /** Repositories scanned in parallel on this replica. */
  concurrency: number;
  /** How long a claimed row belongs to this replica before another may take it. */
  leaseMs: number;
  /** Transient failures (GitHub down) tolerated before the attempt is recorded as failed. */
  maxAttempts: number;
  /** Delay after an unexpected error (for example the catalog unreachable). */
  errorRetryMs?: number;
  /** Live signals and regression notifications; never fails a scan. */
  notifier?: Pick<ScanNotifier, 'stateChanged' | 'scanRecorded'>;
}

export interface DrainReport {
  processed: number;
  outcomes: Partial<Record<ScanOutcome['kind'] | 'dropped' | 'error', number>>;
}

/**
 * Drains the scan queue on one replica: `concurrency` slots each claim one due row at a
 * time (so one slow repository holds up nobody), scan it and complete, defer or fail it.
 * Every replica runs one worker; the queue's atomic claims keep them apart.
 */
export class ScanWorker {
  readonly id = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private running?: Promise<DrainReport>;
  private again = false;
  private stopped = false;

  constructor(private readonly options: ScanWorkerOptions) {}

  /** Scans until nothing is due; a call while draining makes the drain look once more. */
  drain(): Promise<DrainReport> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.run().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** Stops claiming new rows; rows in hand finish. Unfinished leases expire for others. */
  stop(): void {
    this.stopped = true;
  }

  private async run(): Promise<DrainReport> {
    const report: DrainReport = { processed: 0, outcomes: {} };
    this.options.selector.resetDomains();
    do {
      this.again = false;
      const slots = Math.max(1, this.options.concurrency);
      await Promise.all(Array.from({ length: slots }, () => this.slot(report)));
    } while (this.again && !this.stopped);
    return report;
  }

  private async slot(report: DrainReport): Promise<void> {
    while (!this.stopped) {
      const [claim] = await this.options.queue.claim(
        this.id,
        1,
        this.options.leaseMs,
      );
      if (!claim) return;
      const kind = await this.process(claim);
      report.processed += 1;
      report.outcomes[kind] = (report.outcomes[kind] ?? 0) + 1;
    }
  }

  private async process(
    claim: ClaimedScan,
  ): Promise<ScanOutcome['kind'] | 'dropped' | 'error'> {
    const { queue, selector, store, logger } = this.options;
    // Failures are ordered by when their attempt began (a newer good scan wins).
    const startedAt = new Date();
    const heartbeat = LeaseHeartbeat.start({
      queue,
      owner: this.id,
      claim,
      leaseMs: this.options.leaseMs,
      logger,
    });
    try {
      const entity = await selector.entity(claim.entityRef);
      if (!entity || selector.exclusionReason(entity)) {
        await heartbeat.stop();
        this.reportLost(claim, await queue.complete(this.id, claim));
        return 'dropped';
      }
      const domain = await selector.domainOf(entity);
      const info = entityInfo(entity, domain);
      // Requested scans show `scanning` at once; the scheduled sweep spares the write.
      const shown = claim.reason !== 'schedule';
      if (shown) {
        await store.markState([info], 'scanning');
        await this.options.notifier?.stateChanged(claim.entityRef, 'scanning');
      }
      const outcome = await this.options.scanner.scan(entity, domain);
      // Stopped before settling: a renewal after the row is gone would read as a takeover.
      await heartbeat.stop();
      // A deferred scan waits in the queue again (for example for a rate-limit reset):
      // show it as queued, not as running for hours.
      if (shown && outcome.kind === 'deferred') {
        await store.markState([info], 'queued');
      }
      await this.settle(claim, outcome, startedAt, heartbeat);
      await this.announce(claim.entityRef, outcome, shown);
      return outcome.kind;
    } catch (e) {
      await heartbeat.stop();
      const reason = e instanceof Error ? e.message : String(e);
      logger.warn(
        `Scan of ${claim.entityRef} could not run (attempt ${claim.attempts}): ${reason}`,
      );
      try {
        if (claim.attempts >= this.options.maxAttempts) {
          if (await this.stillHolds(claim, heartbeat)) {
            await store.recordFailure(
              claim.entityRef,
              `Scan could not run: ${reason}`,
              { startedAt },
            );
          }
          this.reportLost(claim, await queue.complete(this.id, claim));
        } else {
          const retryAt = Date.now() + (this.options.errorRetryMs ?? 60_000);
          this.reportLost(
            claim,
            await queue.defer(this.id, claim, retryAt, reason, {
              countsAsAttempt: true,
            }),
          );
        }
      } catch {
        // The database is gone too: the lease expires and another attempt follows.
      }
      return 'error';
    }
  }

  /** Whether this replica still leases the row (checked before recording a give-up). */
  private async stillHolds(
    claim: ClaimedScan,
    heartbeat: LeaseHeartbeat,
  ): Promise<boolean> {
    if (heartbeat.lost) return false;
    return this.options.queue.renew(this.id, claim, this.options.leaseMs);
  }

  /** A settlement that found the row taken over changed nothing; operators should know. */
  private reportLost(claim: ClaimedScan, settlement: ClaimSettlement): void {
    if (settlement !== 'lost') return;
    this.options.logger.warn(
      `Another replica took over the scan of ${claim.entityRef} after this replica's lease ran out; ` +
        `the queue entry was left to it`,
    );
  }

  private async announce(
    entityRef: string,
    outcome: ScanOutcome,
    shown: boolean,
  ): Promise<void> {
    const { notifier } = this.options;
    if (!notifier) return;
    if (outcome.kind === 'scanned') {
      await notifier.scanRecorded(entityRef);
    } else if (outcome.kind !== 'deferred' || shown) {
      await notifier.stateChanged(entityRef, STATE_AFTER[outcome.kind]);
    }
  }

  private async settle(
    claim: ClaimedScan,
    outcome: ScanOutcome,
    startedAt: Date,
    heartbeat: LeaseHeartbeat,
  ): Promise<void> {
    const { queue, store, logger } = this.options;
    if (outcome.kind !== 'deferred') {
      if (outcome.kind === 'failed')
        logger.info(`Scan of ${claim.entityRef} failed: ${outcome.reason}`);
      this.reportLost(claim, await queue.complete(this.id, claim));
      return;
    }
    if (!outcome.rateLimited && claim.attempts >= this.options.maxAttempts) {
      // The replica that took the row over decides about it now.
      if (await this.stillHolds(claim, heartbeat)) {
        await store.recordFailure(
          claim.entityRef,
          `Gave up after ${claim.attempts} attempts: ${outcome.reason}`,
          { startedAt },
        );
      }
      this.reportLost(claim, await queue.complete(this.id, claim));
      return;
    }
    this.reportLost(
      claim,
      await queue.defer(this.id, claim, outcome.retryAt, outcome.reason, {
        countsAsAttempt: !outcome.rateLimited,
      }),
    );
  }
}
