import { TestDatabases } from '@backstage/backend-test-utils';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { ScanQueue } from './ScanQueue';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

async function migrated(
  id: Parameters<typeof databases.init>[0],
): Promise<Knex> {
  const knex = await databases.init(id);
  await knex.migrate.latest({
    directory: resolvePackagePath(
      '@go-build-policy/plugin-go-build-policy-backend',
      'migrations',
    ),
  });
  return knex;
}

describe.each(databases.eachSupportedId())('ScanQueue on %s', id => {
  it('never hands the same row to two concurrent claimers', async () => {
    const knex = await migrated(id);
    const queue = new ScanQueue(knex);
    const refs = Array.from(
      { length: 40 },
      (_, i) => `component:default/svc-${i}`,
    );
    await queue.enqueue(refs, 'schedule');

    const claims = await Promise.all(
      ['a', 'b', 'c', 'd'].map(owner => queue.claim(owner, 15, 60_000)),
    );
    const claimed = claims.flat().map(c => c.entityRef);
    expect(new Set(claimed).size).toBe(claimed.length);
    expect(claimed.length).toBe(40);
  });

  it('lets another replica take a row over once its lease expires', async () => {
    const knex = await migrated(id);
    let now = 1_000_000;
    const queue = new ScanQueue(knex, () => now);
    await queue.enqueue(['component:default/a'], 'schedule');
    expect(await queue.claim('dead', 10, 5_000)).toHaveLength(1);
    expect(await queue.claim('alive', 10, 5_000)).toHaveLength(0);

    now += 6_000;
    const [taken] = await queue.claim('alive', 10, 5_000);
    expect(taken).toMatchObject({
      entityRef: 'component:default/a',
      attempts: 2,
    });
    await queue.complete('alive', taken);
    expect(await queue.pending()).toEqual([]);
  });

  it('keeps a request that arrives while the entity is being scanned', async () => {
    const knex = await migrated(id);
    const queue = new ScanQueue(knex);
    await queue.enqueue(['component:default/a'], 'schedule');
    const [claim] = await queue.claim('w', 10, 60_000);
    await queue.enqueue(['component:default/a'], 'request');
    await queue.complete('w', claim);

    const [again] = await queue.claim('w', 10, 60_000);
    expect(again).toMatchObject({
      entityRef: 'component:default/a',
      reason: 'request',
    });
  });

  it('does not hand out a deferred row before its time, and never delays a due one', async () => {
    const knex = await migrated(id);
    let now = 1_000_000;
    const queue = new ScanQueue(knex, () => now);
    await queue.enqueue(['component:default/a'], 'schedule');
    const [claim] = await queue.claim('w', 10, 60_000);
    await queue.defer('w', claim, now + 30_000, 'rate limited', {
      countsAsAttempt: false,
    });
    expect(await queue.claim('w', 10, 60_000)).toEqual([]);

    await queue.enqueue(['component:default/a'], 'schedule', {
      dueAt: now + 90_000,
    });
    now += 31_000;
    const [retry] = await queue.claim('w', 10, 60_000);
    expect(retry).toMatchObject({
      entityRef: 'component:default/a',
      attempts: 1,
    });
  });

  it('renews a lease only for the replica that holds it', async () => {
    const knex = await migrated(id);
    let now = 1_000_000;
    const queue = new ScanQueue(knex, () => now);
    await queue.enqueue(['component:default/a'], 'schedule');
    const [claim] = await queue.claim('slow', 10, 5_000);

    // Renewed before it runs out, the lease outlives its first term.
    now += 4_000;
    expect(await queue.renew('slow', claim, 5_000)).toBe(true);
    now += 4_000;
    expect(await queue.claim('other', 10, 5_000)).toEqual([]);
    expect(await queue.renew('other', claim, 5_000)).toBe(false);
  });

  it('leaves a row another replica took over alone when the first one settles', async () => {
    const knex = await migrated(id);
    let now = 1_000_000;
    const queue = new ScanQueue(knex, () => now);
    await queue.enqueue(['component:default/a'], 'schedule');
    const [stale] = await queue.claim('slow', 10, 5_000);
    now += 6_000;
    const [taken] = await queue.claim('fast', 10, 60_000);
    expect(taken).toMatchObject({ attempts: 2 });

    expect(await queue.renew('slow', stale, 5_000)).toBe(false);
    expect(await queue.complete('slow', stale)).toBe('lost');
    expect(
      await queue.defer('slow', stale, now + 1, 'late', {
        countsAsAttempt: true,
      }),
    ).toBe('lost');
    // Still leased to the new owner, who completes it exactly once.
    expect(await queue.pending()).toEqual([
      { entityRef: 'component:default/a', leased: true },
    ]);
    expect(await queue.complete('fast', taken)).toBe('completed');
    expect(await queue.pending()).toEqual([]);
  });

  it('starts a new attempt series for a request, but not while the row is leased', async () => {
    const knex = await migrated(id);
    let now = 1_000_000;
    const queue = new ScanQueue(knex, () => now);
    await queue.enqueue(['component:default/a'], 'schedule');
    for (let i = 0; i < 2; i++) {
      const [claim] = await queue.claim('w', 10, 5_000);
      await queue.defer('w', claim, now, 'GitHub answered 502', {
        countsAsAttempt: true,
      });
    }
    // The scheduled sweep continues the series ...
    await queue.enqueue(['component:default/a'], 'schedule');
    const [third] = await queue.claim('w', 10, 5_000);
    expect(third.attempts).toBe(3);
    await queue.defer('w', third, now, 'GitHub answered 502', {
      countsAsAttempt: true,
    });
    // ... a user's request starts over.
    await queue.enqueue(['component:default/a'], 'request');
    const [fresh] = await queue.claim('w', 10, 5_000);
    expect(fresh.attempts).toBe(1);

    // While leased, a request leaves the count of the scan in hand alone.
    await queue.enqueue(['component:default/a'], 'webhook');
    now += 6_000;
    const [takenOver] = await queue.claim('other', 10, 5_000);
    expect(takenOver.attempts).toBe(2);
  });

  it('gives the request queued during a scan a fresh attempt count once the scan ends', async () => {
    const knex = await migrated(id);
    const queue = new ScanQueue(knex);
    await queue.enqueue(['component:default/a'], 'schedule');
    const [first] = await queue.claim('w', 10, 60_000);
    await queue.defer('w', first, 0, 'GitHub answered 502', {
      countsAsAttempt: true,
    });
    const [second] = await queue.claim('w', 10, 60_000);
    await queue.enqueue(['component:default/a'], 'request');
    expect(await queue.complete('w', second)).toBe('requeued');

    const [next] = await queue.claim('w', 10, 60_000);
    expect(next).toMatchObject({ reason: 'request', attempts: 1 });
  });

  it('finds the entities of a repository whatever the case', async () => {
    const knex = await migrated(id);
    const queue = new ScanQueue(knex);
    await queue.saveTargets([
      {
        entityRef: 'component:default/A',
        host: 'github.com',
        owner: 'Acme',
        name: 'Payments',
      },
      {
        entityRef: 'component:default/b',
        host: 'github.com',
        owner: 'acme',
        name: 'other',
      },
    ]);
    expect(
      await queue.entitiesOfRepository('GitHub.com', 'acme', 'payments'),
    ).toEqual(['component:default/a']);
  });
});
