import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import {
  completedScan,
  entity,
  finding,
  migratedStore,
} from '../__testUtils__/scans';
import { WaiverStore } from '../database/WaiverStore';
import { WAIVER_EXPIRY_TASK_ID, WaiverExpirySweep } from './WaiverExpirySweep';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const PAYMENTS = 'component:default/payments';

describe.each(databases.eachSupportedId())('WaiverExpirySweep on %s', id => {
  it('lets an expiring waiver drop the score back to raw by itself', async () => {
    const knex = await databases.init(id);
    const store = await migratedStore(knex);
    await store.recordScan(
      completedScan(entity('payments'), [
        finding('mod-go-sum', 'fail'),
        finding('ci-module-cache', 'pass', 'warning'),
      ]),
    );
    const waivers = new WaiverStore(knex);
    const expiresAt = new Date(Date.now() + 1000);
    await waivers.createWaiver({
      entityRef: PAYMENTS,
      ruleId: 'mod-go-sum',
      reason: 'until the vendoring lands',
      expiresAt,
      createdBy: 'user:default/jo',
    });
    const stored = async () =>
      (await store.listRepositories({ level: ['gold', 'needs-work'] }))
        .items[0];
    expect(await stored()).toMatchObject({ score: 100, level: 'gold' });

    const scheduler = mockServices.scheduler.mock();
    const logger = mockServices.logger.mock();
    await new WaiverExpirySweep({ waivers, logger }).schedule(scheduler);
    expect(scheduler.scheduleTask).toHaveBeenCalledWith(
      expect.objectContaining({
        id: WAIVER_EXPIRY_TASK_ID,
        scope: 'global',
        frequency: { minutes: 1 },
      }),
    );
    const task = scheduler.scheduleTask.mock.calls[0][0];
    const invoke = async () => task.fn(new AbortController().signal);

    // Before expiry the sweep has nothing to do.
    await invoke();
    expect(await stored()).toMatchObject({ score: 100 });

    await new Promise(resolve =>
      setTimeout(resolve, expiresAt.getTime() - Date.now() + 50),
    );
    // A read of the entity is exact at once; the stored result waits for the sweep.
    expect(await store.getEntityResult(PAYMENTS)).toMatchObject({
      score: 40,
      rawScore: 40,
      level: 'needs-work',
      waivers: [],
    });
    expect(await stored()).toMatchObject({ score: 100 });

    await invoke();
    expect(await stored()).toMatchObject({
      score: 40,
      rawScore: 40,
      level: 'needs-work',
    });
    expect(logger.info).toHaveBeenCalledWith(
      expect.stringContaining('1 expired waivers'),
    );
    expect(
      (await store.getGroups('rule')).find(g => g.key === 'mod-go-sum'),
    ).toMatchObject({ averageScore: 40 });
  });
});
