import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { entityFor } from '../scanning/__testUtils__/scanHarness';
import { ScanOutcome } from '../scanning/ScanOutcome';
import { ScanQueue } from './ScanQueue';
import { ScanWorker, ScanWorkerOptions } from './ScanWorker';

jest.setTimeout(30_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const cost = { requests: 1, rateLimitPoints: 1 };

async function setup(
  scan: (entity: Entity) => Promise<ScanOutcome>,
  maxAttempts = 3,
  notifier?: ScanWorkerOptions['notifier'],
  leaseMs = 60_000,
) {
  const knex = await databases.init('SQLITE_3');
  await knex.migrate.latest({
    directory: resolvePackagePath(
      '@go-build-policy/plugin-go-build-policy-backend',
      'migrations',
    ),
  });
  const queue = new ScanQueue(knex);
  const store = {
    markState: jest.fn(async () => {}),
    recordFailure: jest.fn(async () => {}),
  };
  const logger = mockServices.logger.mock();
  const worker = new ScanWorker({
    queue,
    selector: {
      entity: async ref =>
        entityFor(ref.split('/')[1], {
          'github.com/project-slug': `acme/${ref}`,
        }),
      exclusionReason: () => undefined,
      domainOf: async () => undefined,
      resetDomains: () => {},
    },
    scanner: { scan },
    store,
    logger,
    concurrency: 2,
    leaseMs,
    maxAttempts,
    errorRetryMs: 0,
    notifier,
  });
  return { knex, queue, store, worker, logger };
}

describe('ScanWorker', () => {
  it('announces requested scans live and each outcome once stored', async () => {
    const events: string[] = [];
    const notifier = {
      stateChanged: async (ref: string, state: string) => {
        events.push(`${ref} ${state}`);
      },
      scanRecorded: async (ref: string) => {
        events.push(`${ref} recorded`);
      },
    };
    const { queue, worker } = await setup(
      async entity =>
        entity.metadata.name === 'a'
          ? { kind: 'scanned', scanId: '1', cost }
          : { kind: 'unchanged', cost },
      3,
      notifier,
    );
    await queue.enqueue(['component:default/a'], 'request');
    await worker.drain();
    await queue.enqueue(['component:default/b'], 'schedule');
    await worker.drain();

    expect(events).toEqual([
      'component:default/a scanning',
      'component:default/a recorded',
      // The scheduled sweep shows no `scanning` state, only the result.
      'component:default/b ok',
    ]);
  });

  it('keeps scanning the others when one repository throws', async () => {
    const scanned: string[] = [];
    const { queue, worker } = await setup(async entity => {
      if (entity.metadata.name === 'b') throw new Error('boom');
      scanned.push(entity.metadata.name);
      return { kind: 'scanned', scanId: '1', cost };
    });
    await queue.enqueue(
      ['component:default/a', 'component:default/b', 'component:default/c'],
      'schedule',
    );

    const report = await worker.drain();

    expect(scanned.sort()).toEqual(['a', 'c']);
    expect(report.outcomes).toMatchObject({ scanned: 2 });
  });

  it('retries a transient failure and records it as failed after the last attempt', async () => {
    const { queue, store, worker } = await setup(
      async () => ({
        kind: 'deferred',
        reason: 'GitHub answered 502',
        retryAt: 0,
        rateLimited: false,
        cost,
      }),
      2,
    );
    await queue.enqueue(['component:default/a'], 'schedule');

    const report = await worker.drain();

    expect(report.processed).toBe(2);
    expect(store.recordFailure).toHaveBeenCalledWith(
      'component:default/a',
      expect.stringContaining('Gave up after 2 attempts: GitHub answered 502'),
      // Ordered against scans by when the attempt began.
      { startedAt: expect.any(Date) },
    );
    expect(await queue.pending()).toEqual([]);
  });

  it('keeps a rate-limited scan queued for after the reset, without using up attempts', async () => {
    const resumeAt = Date.now() + 3_600_000;
    const { queue, store, worker } = await setup(
      async () => ({
        kind: 'deferred',
        reason: 'share spent',
        retryAt: resumeAt,
        rateLimited: true,
        cost,
      }),
      1,
    );
    await queue.enqueue(['component:default/a'], 'schedule');

    await worker.drain();

    expect(store.recordFailure).not.toHaveBeenCalled();
    expect(await queue.pending()).toEqual([
      { entityRef: 'component:default/a', leased: false },
    ]);
  });

  it('marks requested scans as scanning but spares the write for scheduled ones', async () => {
    const { queue, store, worker } = await setup(async () => ({
      kind: 'unchanged',
      cost,
    }));
    await queue.enqueue(['component:default/a'], 'schedule');
    await queue.enqueue(['component:default/b'], 'request');

    await worker.drain();

    expect(store.markState).toHaveBeenCalledTimes(1);
    expect(store.markState).toHaveBeenCalledWith(
      [expect.objectContaining({ entityRef: 'component:default/b' })],
      'scanning',
    );
  });

  it('shows a requested scan that had to wait as queued again, not scanning', async () => {
    const { queue, store, worker } = await setup(async () => ({
      kind: 'deferred',
      reason: 'share spent',
      retryAt: Date.now() + 3_600_000,
      rateLimited: true,
      cost,
    }));
    await queue.enqueue(['component:default/b'], 'request');

    await worker.drain();

    expect(store.markState).toHaveBeenLastCalledWith(
      [expect.objectContaining({ entityRef: 'component:default/b' })],
      'queued',
    );
  });

  it('keeps the lease of a scan that outlasts it, so no other replica scans the repository too', async () => {
    let intruderClaims = 0;
    // Another replica's view of the same queue, set once the database exists.
    const other: { queue?: ScanQueue } = {};
    const { queue, worker } = await setup(
      async () => {
        // Five lease terms long; another replica polls the queue meanwhile.
        for (let i = 0; i < 10; i++) {
          await new Promise(r => setTimeout(r, 100));
          intruderClaims += (await other.queue!.claim('intruder', 10, 200))
            .length;
        }
        return { kind: 'scanned', scanId: '1', cost };
      },
      3,
      undefined,
      200,
    );
    other.queue = queue;
    await queue.enqueue(['component:default/a'], 'request');

    const report = await worker.drain();

    expect(intruderClaims).toBe(0);
    expect(report.outcomes).toEqual({ scanned: 1 });
    expect(await queue.pending()).toEqual([]);
  });

  it('leaves a row another replica took over to it, recording nothing twice', async () => {
    let takeOver = async () => {};
    const { knex, queue, store, worker, logger } = await setup(async () => {
      await takeOver();
      return {
        kind: 'deferred',
        reason: 'GitHub answered 502',
        retryAt: 0,
        rateLimited: false,
        cost,
      };
    }, 1);
    takeOver = async () => {
      await knex('gbp_scan_queue').update({
        lease_owner: 'other-replica',
        lease_expires_at: Date.now() + 60_000,
      });
    };
    await queue.enqueue(['component:default/a'], 'schedule');

    await worker.drain();

    // The last attempt gave up, but the row is the other replica's now: it decides.
    expect(store.recordFailure).not.toHaveBeenCalled();
    expect(await queue.pending()).toEqual([
      { entityRef: 'component:default/a', leased: true },
    ]);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('Another replica took over the scan'),
    );
  });
});
