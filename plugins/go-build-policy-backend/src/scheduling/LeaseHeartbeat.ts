import type { LoggerService } from '@backstage/backend-plugin-api';
import type { ClaimedScan, ScanQueue } from './ScanQueue';

/**
 * Keeps a claim's lease alive while its scan runs: a scan of a large repository, or one
 * waiting out GitHub's retry-after, may outlast the lease, and another replica would then
 * take the row and scan the same repository a second time. Renews every third of the
 * lease, so two renewals may fail (a database blip) before the lease runs out.
 */
export class LeaseHeartbeat {
  private timer?: ReturnType<typeof setInterval>;
  private inFlight: Promise<void> = Promise.resolve();
  private lostLease = false;

  private constructor(
    private readonly queue: Pick<ScanQueue, 'renew'>,
    private readonly owner: string,
    private readonly claim: ClaimedScan,
    private readonly leaseMs: number,
    private readonly logger: LoggerService,
  ) {}

  static start(options: {
    queue: Pick<ScanQueue, 'renew'>;
    owner: string;
    claim: ClaimedScan;
    leaseMs: number;
    logger: LoggerService;
  }): LeaseHeartbeat {
    const heartbeat = new LeaseHeartbeat(
      options.queue,
      options.owner,
      options.claim,
      options.leaseMs,
      options.logger,
    );
    const every = Math.max(1, Math.floor(options.leaseMs / 3));
    heartbeat.timer = setInterval(() => heartbeat.beat(), every);
    // A heartbeat alone must not keep a stopping process alive.
    heartbeat.timer.unref?.();
    return heartbeat;
  }

  /** True once a renewal found the row taken over by another replica. */
  get lost(): boolean {
    return this.lostLease;
  }

  /** Stops renewing; waits for a renewal in flight so none lands after the settlement. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.inFlight;
  }

  private beat(): void {
    this.inFlight = this.inFlight.then(async () => {
      if (!this.timer || this.lostLease) return;
      try {
        const held = await this.queue.renew(
          this.owner,
          this.claim,
          this.leaseMs,
        );
        if (!held) {
          this.lostLease = true;
          if (this.timer) clearInterval(this.timer);
          this.logger.warn(
            `Lost the lease of ${this.claim.entityRef} to another replica while scanning it`,
          );
        }
      } catch (e) {
        // The next beat tries again; the lease only lapses if the database stays away.
        this.logger.warn(
          `Could not renew the lease of ${this.claim.entityRef}: ${
            e instanceof Error ? e.message : String(e)
          }`,
        );
      }
    });
  }
}
