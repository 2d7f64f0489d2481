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
