import type {
  CacheService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { PolicySettings } from '@go-build-policy/plugin-go-build-policy-common';
import {
  PolicyRule,
  scanSnapshot,
} from '@go-build-policy/plugin-go-build-policy-node';
import type {
  ScanStore,
  ScannedEntityInfo,
  ScannedRepository,
} from '../database/ScanStore';
import { GithubClients } from '../github/GithubClients';
import { GithubFailure, isTransient } from '../github/GithubFailure';
import { GithubHostClient } from '../github/GithubHostClient';
import {
  RepositoryCoordinates,
  RepositoryHead,
} from '../github/RepositoryCoordinates';
import { ScanCostMeter } from '../github/ScanCostMeter';
import { readRepositoryHead } from '../github/readRepositoryHead';
import { entityInfo } from './entityInfo';
import { policyFingerprint } from './policyFingerprint';
import { resolveEntitySource } from './resolveEntitySource';
import { ScanOutcome } from './ScanOutcome';
import { readScopedSnapshot } from './readScopedSnapshot';
import { repositorySettings } from './repositorySettings';

export interface RepositoryScannerOptions {
  clients: GithubClients;
  cache: CacheService;
  store: ScanStore;
  logger: LoggerService;
  settings: PolicySettings;
  /** Rules added through the extension point (read at scan time: modules register late). */
  extraRules: () => readonly PolicyRule[];
  learnPrivateModules: boolean;
  /** Parallel blob reads within one repository. */
  blobConcurrency?: number;
}

/** Delay before retrying after a transient failure that gave no time of its own. */
const TRANSIENT_RETRY_MS = 5 * 60_000;
// A rate limit whose reset is now or past (retry-after: 0, clock skew) must not make the
// worker claim the scan again in a tight loop: wait at least this long.
const MIN_RATE_LIMIT_DEFER_MS = 1_000;

/**
 * Scans one catalog entity end to end: source → GitHub head → skip decision → tree →
 * policy files → engine → store. Every outcome is recorded (or, when transient, handed
 * back for a retry); nothing thrown by GitHub reaches the caller.
 */
export class RepositoryScanner {
  constructor(private readonly options: RepositoryScannerOptions) {}

  async scan(entity: Entity, domain?: string): Promise<ScanOutcome> {
    const info = entityInfo(entity, domain);
    const source = resolveEntitySource(entity, host =>
      this.options.clients.isGithubHost(host),
    );
    if (source.kind === 'none') {
      await this.options.store.recordNoSource(info);
      return { kind: 'no-source', reason: source.reason };
    }
    const client = this.options.clients.forHost(source.coordinates.host);
    if (!client) {
      await this.options.store.recordNoSource(info);
      return {
        kind: 'no-source',
        reason: `${source.coordinates.host} is not a configured GitHub integration`,
      };
    }
    const meter = new ScanCostMeter();
    const startedAt = new Date();
    try {
      return await this.scanRepository(
        client,
        source.coordinates,
        info,
        meter,
        startedAt,
      );
    } catch (e) {
      // A bug or an odd answer must fail this entity only, with a reason, never the worker.
      const reason = `Scan failed: ${
        e instanceof Error ? e.message : String(e)
      }`;
      await this.options.store.recordFailure(info.entityRef, reason, {
        entity: info,
        startedAt,
      });
      return { kind: 'failed', reason, cost: meter.snapshot() };
    }
  }

  private async scanRepository(
    client: GithubHostClient,
    coordinates: RepositoryCoordinates,
    info: ScannedEntityInfo,
    meter: ScanCostMeter,
    startedAt: Date,
  ): Promise<ScanOutcome> {
    const { store } = this.options;
    const head = await readRepositoryHead(client, coordinates, meter);
    if (!head.ok) {
      if (head.failure.kind === 'empty') {
        await store.recordNotGo(
          info,
          this.repositoryOf(coordinates, undefined),
        );
        return { kind: 'not-go', cost: meter.snapshot() };
      }
      return this.failure(info, coordinates, head.failure, meter, startedAt);
    }
    if (head.data.renamedFrom) {
      this.options.logger.info(
        `Repository ${head.data.renamedFrom} of ${info.entityRef} moved to ${head.data.owner}/${head.data.name}`,
      );
    }
    const settings = await this.settingsFor(client, head.data, meter);
    if (!settings.ok) {
      return this.failure(
        info,
        coordinates,
        settings.failure,
        meter,
        startedAt,
      );
    }
    const fingerprint = policyFingerprint({
      settings: settings.data,
      extraRules: this.options.extraRules(),
      moduleRoot: coordinates.moduleRoot,
    });
    const lastGood = await store.getLastGoodScan(info.entityRef);
    if (
      lastGood?.commitSha === head.data.commitSha &&
      lastGood.policyFingerprint === fingerprint
    ) {
      await store.recordUnchanged(info.entityRef, { entity: info });
      return { kind: 'unchanged', cost: meter.snapshot() };
    }
    const read = await readScopedSnapshot(
      client,
      this.options.cache,
      head.data,
      coordinates.moduleRoot,
      meter,
      this.options.blobConcurrency,
    );
    if (!read.ok)
      return this.failure(info, coordinates, read.failure, meter, startedAt);
    const repository = this.repositoryOf(coordinates, head.data);
    if (!read.hasGoModule) {
      await store.recordNotGo(info, repository);
      return { kind: 'not-go', cost: meter.snapshot() };
    }
    const fetchedAt = Date.now();
    const result = scanSnapshot(read.snapshot, {
      settings: settings.data,
      extraRules: this.options.extraRules(),
      // Verified patches for failing rules: shown on the entity tab, opened as pull requests.
      fixes: true,
    });
    const finishedAt = new Date();
    const { scanId } = await store.recordScan({
      entity: info,
      repository: repository as ScannedRepository,
      result,
      policyFingerprint: fingerprint,
      cost: meter.snapshot(),
      timings: {
        startedAt,
        finishedAt,
        fetchMs: fetchedAt - startedAt.getTime(),
        evaluateMs: finishedAt.getTime() - fetchedAt,
      },
    });
    return { kind: 'scanned', scanId, cost: meter.snapshot() };
  }

  private settingsFor(
    client: GithubHostClient,
    head: RepositoryHead,
    meter: ScanCostMeter,
  ) {
    return repositorySettings({
      client,
      cache: this.options.cache,
      base: this.options.settings,
      learn: this.options.learnPrivateModules,
      owner: head.owner,
      meter,
    });
  }

  private repositoryOf(
    coordinates: RepositoryCoordinates,
    head: RepositoryHead | undefined,
  ): Omit<ScannedRepository, 'commitSha' | 'defaultBranch'> & {
    commitSha?: string;
    defaultBranch: string;
  } {
    return {
      host: coordinates.host,
      owner: head?.owner ?? coordinates.owner,
      name: head?.name ?? coordinates.name,
      defaultBranch: head?.defaultBranch ?? '',
      ...(head ? { commitSha: head.commitSha, archived: head.archived } : {}),
      ...(coordinates.moduleRoot ? { moduleRoot: coordinates.moduleRoot } : {}),
    };
  }

  private async failure(
    info: ScannedEntityInfo,
    coordinates: RepositoryCoordinates,
    failure: GithubFailure,
    meter: ScanCostMeter,
    startedAt: Date,
  ): Promise<ScanOutcome> {
    const slug = `${coordinates.host}/${coordinates.owner}/${coordinates.name}`;
    if (isTransient(failure)) {
      return {
        kind: 'deferred',
        reason: `${slug}: ${failure.message}`,
        retryAt:
          failure.resumeAt === undefined
            ? Date.now() + TRANSIENT_RETRY_MS
            : Math.max(failure.resumeAt, Date.now() + MIN_RATE_LIMIT_DEFER_MS),
        rateLimited: failure.kind === 'rate-limited',
        cost: meter.snapshot(),
      };
    }
    const reason = describeFailure(slug, failure);
    await this.options.store.recordFailure(info.entityRef, reason, {
      entity: info,
      startedAt,
    });
    return { kind: 'failed', reason, cost: meter.snapshot() };
  }
}

function describeFailure(slug: string, failure: GithubFailure): string {
  switch (failure.kind) {
    case 'not-found':
      return `Repository ${slug} was not found (it may have been deleted, or the integration's credentials cannot see it)`;
    case 'forbidden':
      return `Access to ${slug} was refused: ${failure.message}`;
    default:
      return `Could not read ${slug}: ${failure.message}`;
  }
}
