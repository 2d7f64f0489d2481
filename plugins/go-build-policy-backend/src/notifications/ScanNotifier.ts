import type { LoggerService } from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import type { SignalsService } from '@backstage/plugin-signals-node';
import {
  EntityScanState,
  SCAN_SIGNAL_CHANNEL,
  ScanSignal,
} from '@go-build-policy/plugin-go-build-policy-common';
import type { ScanStore } from '../database/ScanStore';
import { detectRegression } from './regression';
import { regressionPayload } from './regressionMessage';

export interface ScanNotifierOptions {
  store: Pick<ScanStore, 'getEntityResult' | 'getHistory'>;
  logger: LoggerService;
  /** Absent when the notifications plugin is not part of the backend. */
  notifications?: NotificationService;
  /** Absent when the signals plugin is not part of the backend. */
  signals?: SignalsService;
  /** `goBuildPolicy.notifications.enabled`. */
  notifyOwners: boolean;
}

/**
 * Tells people about finished scans: a signal to every open entity tab (which refetches
 * through the permission-checked API, so the signal itself carries no results), and a
 * notification to the owners when a result regressed. Never throws: a notification that
 * cannot be sent must not fail the scan that was already stored.
 */
export class ScanNotifier {
  private warnedUnavailable = false;

  constructor(private readonly options: ScanNotifierOptions) {}

  /** The entity's scan state changed (queued, scanning, or a stored outcome). */
  async stateChanged(entityRef: string, state: EntityScanState): Promise<void> {
    const { signals, logger } = this.options;
    if (!signals) return;
    try {
      const message: ScanSignal = { entityRef, state };
      await signals.publish({
        recipients: { type: 'broadcast' },
        channel: SCAN_SIGNAL_CHANNEL,
        message: { ...message },
      });
    } catch (e) {
      logger.debug(`Could not publish the scan signal of ${entityRef}: ${e}`);
    }
  }

  /** A scan was stored: compare it with the one before and notify the owners on regression. */
  async scanRecorded(entityRef: string): Promise<void> {
    await this.stateChanged(entityRef, 'ok');
    if (!this.options.notifyOwners || !this.options.notifications) return;
    try {
      await this.notifyOnRegression(entityRef);
    } catch (e) {
      this.reportSendFailure(entityRef, e);
    }
  }

  private async notifyOnRegression(entityRef: string): Promise<void> {
    const { store } = this.options;
    // The two latest stored scans: the one just written and the one before it.
    const [latest, previous] = await store.getHistory(entityRef, { limit: 2 });
    if (!latest || !previous) return;
    const result = await store.getEntityResult(entityRef);
    if (!result || result.scanId !== latest.scanId) return; // a newer scan won meanwhile
    const waived = new Set((result.waivers ?? []).map(w => w.ruleId));
    const regression = detectRegression(
      previous,
      { ...latest, findings: result.findings },
      waived,
    );
    if (!regression) return;
    const name = result.entity.title ?? parseEntityRef(entityRef).name;
    await this.options.notifications!.send({
      recipients: { type: 'entity', entityRef },
      payload: regressionPayload(entityRef, name, regression, latest.commitSha),
    });
    this.options.logger.info(
      `Notified the owners of ${entityRef} of a regression (${
        regression.newlyFailing.length
      } newly failing rules${
        regression.levelDrop
          ? `, ${regression.levelDrop.from} → ${regression.levelDrop.to}`
          : ''
      })`,
    );
  }

  private reportSendFailure(entityRef: string, e: unknown) {
    const message = e instanceof Error ? e.message : String(e);
    // Without the notifications backend every send fails the same way: say it once.
    if (/404|not found|ECONNREFUSED/i.test(message)) {
      if (!this.warnedUnavailable) {
        this.warnedUnavailable = true;
        this.options.logger.warn(
          `Regression notifications are not delivered: the notifications plugin did not answer (${message}). Install @backstage/plugin-notifications-backend or set goBuildPolicy.notifications.enabled: false.`,
        );
      }
      return;
    }
    this.options.logger.warn(
      `Could not notify the owners of ${entityRef}: ${message}`,
    );
  }
}
