import type {
  AuthService,
  CacheService,
  DatabaseService,
  LifecycleService,
  LoggerService,
  RootConfigService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { PolicyRule } from '@go-build-policy/plugin-go-build-policy-node';
import type { ScanStore } from '../database/ScanStore';
import { GithubClients } from '../github/GithubClients';
import { GithubRequestPolicy } from '../github/GithubHostClient';
import { EntitySelector } from '../scanning/EntitySelector';
import { RepositoryScanner } from '../scanning/RepositoryScanner';
import { PluginConfig } from './pluginConfig';
import { ScanQueue } from './ScanQueue';
import { QueueScanRequester } from './ScanRequester';
import { ScanSweep } from './ScanSweep';
import { ScanWorker, ScanWorkerOptions } from './ScanWorker';

export const SWEEP_TASK_ID = 'go-build-policy:sweep';
export const WORKER_TASK_ID = 'go-build-policy:scan-worker';

export interface ScanServiceOptions {
  config: RootConfigService;
  pluginConfig: PluginConfig;
  logger: LoggerService;
  database: DatabaseService;
  cache: CacheService;
  scheduler: SchedulerService;
  lifecycle: LifecycleService;
  auth: AuthService;
  catalog: CatalogService;
  store: ScanStore;
  extraRules: () => readonly PolicyRule[];
  /** For tests: faster retries. */
  requestPolicy?: Partial<GithubRequestPolicy>;
  /** Live signals and regression notifications of finished scans. */
  notifier?: ScanWorkerOptions['notifier'];
}

/**
 * Builds the scanning side of the plugin and schedules it: a global sweep task (one
 * replica per cadence) that fills the queue, and a local worker task on every replica
 * that drains it. Returns what the router and the webhook need.
 */
export async function createScanService(options: ScanServiceOptions) {
  const { pluginConfig, logger, scheduler } = options;
  const db = await options.database.getClient();
  const queue = new ScanQueue(db);
  const clients = new GithubClients({
    config: options.config,
    cache: options.cache,
    logger,
    rateLimitShare: pluginConfig.rateLimitShare,
    requestPolicy: options.requestPolicy,
  });
  const selector = new EntitySelector(
    options.catalog,
    options.auth,
    pluginConfig.entities,
  );
  const scanner = new RepositoryScanner({
    clients,
    cache: options.cache,
    store: options.store,
    logger,
    settings: pluginConfig.policy,
    extraRules: options.extraRules,
    learnPrivateModules: pluginConfig.learnPrivateModules,
  });
  const worker = new ScanWorker({
    queue,
    selector,
    scanner,
    store: options.store,
    logger,
    concurrency: pluginConfig.concurrency,
    leaseMs: pluginConfig.leaseMs,
    maxAttempts: pluginConfig.maxAttempts,
    notifier: options.notifier,
  });
  const sweep = new ScanSweep({
    selector,
    queue,
    store: options.store,
    isGithubHost: host => clients.isGithubHost(host),
    logger,
    retention: pluginConfig.retention,
  });
  const wake = () => {
    worker.drain().catch(e => logger.warn(`Scan worker failed: ${e}`));
  };
  const requester = new QueueScanRequester({
    queue,
    selector,
    store: options.store,
    wake,
  });

  await scheduler.scheduleTask({
    id: SWEEP_TASK_ID,
    scope: 'global',
    ...pluginConfig.schedule,
    fn: async () => {
      await sweep.run();
      wake();
    },
  });
  await scheduler.scheduleTask({
    id: WORKER_TASK_ID,
    scope: 'local',
    frequency: { seconds: pluginConfig.pollIntervalSeconds },
    timeout: { hours: 6 },
    fn: async () => {
      await worker.drain();
    },
  });
  options.lifecycle.addShutdownHook(() => worker.stop());

  return {
    requester,
    worker,
    sweep,
    queue,
    clients,
    isGithubHost: (host: string) => clients.isGithubHost(host),
  };
}
