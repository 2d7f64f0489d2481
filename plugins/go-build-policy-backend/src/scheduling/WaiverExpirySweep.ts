import type {
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import type { WaiverStore } from '../database/WaiverStore';

export const WAIVER_EXPIRY_TASK_ID = 'go-build-policy-waiver-expiry';

/**
 * Brings the stored results (the org views' data) in line with waivers that expired:
 * reads of one entity already score without them, the roll-ups follow at the next run.
 * A global task, so one replica runs it per minute; a run that overlaps another, or
 * repeats one, recomputes the same results and marks nothing twice.
 */
export class WaiverExpirySweep {
  constructor(
    private readonly options: {
      waivers: Pick<WaiverStore, 'applyExpired'>;
      logger: LoggerService;
    },
  ) {}

  async run(now: Date = new Date()): Promise<{ entities: number }> {
    const { entities, waivers } = await this.options.waivers.applyExpired(now);
    if (entities > 0) {
      this.options.logger.info(
        `Waiver expiry: ${waivers} expired waivers no longer count in the results of ${entities} entities`,
      );
    }
    return { entities };
  }

  /** Runs the sweep every minute on one replica. */
  async schedule(scheduler: SchedulerService): Promise<void> {
    await scheduler.scheduleTask({
      id: WAIVER_EXPIRY_TASK_ID,
      scope: 'global',
      frequency: { minutes: 1 },
      timeout: { minutes: 5 },
      initialDelay: { seconds: 30 },
      fn: async () => {
        await this.run();
      },
    });
  }
}
