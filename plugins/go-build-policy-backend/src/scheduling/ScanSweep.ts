import type { LoggerService } from '@backstage/backend-plugin-api';
import type { RetentionPolicy, ScanStore } from '../database/ScanStore';
import { entityInfo } from '../scanning/entityInfo';
import { EntitySelector } from '../scanning/EntitySelector';
import { resolveEntitySource } from '../scanning/resolveEntitySource';
import { ScanQueue, ScanTarget } from './ScanQueue';

export interface ScanSweepOptions {
  selector: EntitySelector;
  queue: ScanQueue;
  store: Pick<
    ScanStore,
    'recordNoSource' | 'listEntityRefs' | 'removeEntities' | 'pruneHistory'
  >;
  isGithubHost: (host: string) => boolean;
  logger: LoggerService;
  retention: RetentionPolicy;
}

export interface SweepReport {
  selected: number;
  queued: number;
  noSource: number;
  removed: number;
  prunedScans: number;
}

/**
 * The periodic sweep (a global task: one replica runs it per cadence): reads the selected
 * entities from the catalog, queues every one with a GitHub source (an unchanged
 * repository then costs ~0 points), records the ones without a source, forgets entities
 * the catalog or the filters dropped, and applies the retention policy.
 */
export class ScanSweep {
  constructor(private readonly options: ScanSweepOptions) {}

  async run(): Promise<SweepReport> {
    const { selector, queue, store, logger } = this.options;
    const report: SweepReport = {
      selected: 0,
      queued: 0,
      noSource: 0,
      removed: 0,
      prunedScans: 0,
    };
    const selected = new Set<string>();
    selector.resetDomains();
    for await (const page of selector.selectedEntities()) {
      const targets: ScanTarget[] = [];
      for (const entity of page) {
        const info = entityInfo(entity);
        selected.add(info.entityRef.toLowerCase());
        const source = resolveEntitySource(entity, this.options.isGithubHost);
        if (source.kind === 'none') {
          await store.recordNoSource(
            entityInfo(entity, await selector.domainOf(entity)),
          );
          report.noSource += 1;
          continue;
        }
        targets.push({ entityRef: info.entityRef, ...source.coordinates });
      }
      await queue.saveTargets(targets);
      await queue.enqueue(
        targets.map(t => t.entityRef),
        'schedule',
      );
      report.selected += page.length;
      report.queued += targets.length;
    }
    // Only after a complete read of the catalog: a failed read above throws and removes nothing.
    const known = new Set([
      ...(await store.listEntityRefs()).map(r => r.toLowerCase()),
      ...(await queue.targetEntityRefs()),
    ]);
    const gone = [...known].filter(ref => !selected.has(ref));
    if (gone.length) {
      report.removed = await store.removeEntities(gone);
      await queue.forget(gone);
    }
    report.prunedScans = (
      await store.pruneHistory(this.options.retention)
    ).deletedScans;
    logger.info(
      `Scan sweep: ${report.selected} entities selected, ${report.queued} queued, ` +
        `${report.noSource} without a GitHub source, ${report.removed} removed, ${report.prunedScans} old scans pruned`,
    );
    return report;
  }
}
