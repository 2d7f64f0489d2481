import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import type { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import type { SignalPayload } from '@backstage/plugin-signals-node';
import {
  completedScan,
  entity,
  finding,
  migratedStore,
} from '../__testUtils__/scans';
import { WaiverStore } from '../database/WaiverStore';
import { ScanNotifier } from './ScanNotifier';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

function recorders() {
  const sent: NotificationSendOptions[] = [];
  const published: SignalPayload[] = [];
  return {
    sent,
    published,
    notifications: {
      send: async (options: NotificationSendOptions) => {
        sent.push(options);
      },
    },
    signals: {
      publish: async (signal: SignalPayload) => {
        published.push(signal);
      },
    },
  };
}

const good = [
  finding('ci-module-cache', 'pass', 'warning'),
  finding('mod-go-sum', 'pass'),
];
const worse = [
  finding('ci-module-cache', 'pass', 'warning'),
  finding('mod-go-sum', 'fail'),
];

describe('ScanNotifier', () => {
  async function setup(notifyOwners = true) {
    const store = await migratedStore(await databases.init('SQLITE_3'));
    const rec = recorders();
    const notifier = new ScanNotifier({
      store,
      logger: mockServices.logger.mock(),
      notifications: rec.notifications,
      signals: rec.signals,
      notifyOwners,
    });
    return { store, notifier, ...rec };
  }

  it('notifies the owners when a stored scan regresses, and signals every scan', async () => {
    const { store, notifier, sent, published } = await setup();
    const info = entity('payments');
    await store.recordScan(
      completedScan(info, good, { at: new Date('2026-11-20T10:00:00Z') }),
    );
    await notifier.scanRecorded(info.entityRef);
    expect(sent).toEqual([]);

    await store.recordScan(
      completedScan(info, worse, {
        at: new Date('2026-11-21T10:00:00Z'),
        commitSha: 'b'.repeat(40),
      }),
    );
    await notifier.scanRecorded(info.entityRef);
    expect(sent).toHaveLength(1);
    expect(sent[0].recipients).toEqual({
      type: 'entity',
      entityRef: 'component:default/payments',
    });
    expect(sent[0].payload).toMatchObject({
      title: expect.stringContaining(
        'payments service: Go build policy dropped from gold to needs-work; 1 rule started failing at bbbbbbb',
      ),
      severity: 'high',
      link: '/catalog/default/component/payments/go-build-policy',
    });
    expect(published).toEqual([
      {
        recipients: { type: 'broadcast' },
        channel: 'go-build-policy:scan',
        message: { entityRef: 'component:default/payments', state: 'ok' },
      },
      {
        recipients: { type: 'broadcast' },
        channel: 'go-build-policy:scan',
        message: { entityRef: 'component:default/payments', state: 'ok' },
      },
    ]);
  });

  it('names an entity without a title by its name', async () => {
    const { store, notifier, sent } = await setup();
    const info = entity('ledger', { title: undefined });
    await store.recordScan(
      completedScan(info, good, { at: new Date('2026-11-20T10:00:00Z') }),
    );
    await store.recordScan(
      completedScan(info, worse, { at: new Date('2026-11-21T10:00:00Z') }),
    );
    await notifier.scanRecorded(info.entityRef);
    expect(sent[0].payload.title).toMatch(/^ledger: Go build policy dropped/);
  });

  it('stays quiet when the result improves or notifications are off', async () => {
    const { store, notifier, sent } = await setup();
    const info = entity('ledger');
    await store.recordScan(
      completedScan(info, worse, { at: new Date('2026-11-20T10:00:00Z') }),
    );
    await store.recordScan(
      completedScan(info, good, { at: new Date('2026-11-21T10:00:00Z') }),
    );
    await notifier.scanRecorded(info.entityRef);
    expect(sent).toEqual([]);

    const off = await setup(false);
    await off.store.recordScan(
      completedScan(info, good, { at: new Date('2026-11-20T10:00:00Z') }),
    );
    await off.store.recordScan(
      completedScan(info, worse, { at: new Date('2026-11-21T10:00:00Z') }),
    );
    await off.notifier.scanRecorded(info.entityRef);
    expect(off.sent).toEqual([]);
    expect(off.published).toHaveLength(1);
  });

  it('does not notify about a rule the platform team waived', async () => {
    const knex = await databases.init('SQLITE_3');
    const store = await migratedStore(knex);
    const rec = recorders();
    const notifier = new ScanNotifier({
      store,
      logger: mockServices.logger.mock(),
      notifications: rec.notifications,
      signals: rec.signals,
      notifyOwners: true,
    });
    const info = entity('billing');
    await store.recordScan(
      completedScan(info, good, { at: new Date('2026-11-20T10:00:00Z') }),
    );
    const created = await new WaiverStore(knex).createWaiver({
      entityRef: info.entityRef,
      ruleId: 'mod-go-sum',
      reason: 'Known gap until the module split',
      expiresAt: new Date(Date.now() + 86_400_000),
      createdBy: 'user:default/platform-lead',
    });
    expect(created.outcome).toBe('created');
    await store.recordScan(
      completedScan(info, worse, { at: new Date('2026-11-21T10:00:00Z') }),
    );
    await notifier.scanRecorded(info.entityRef);
    expect(rec.sent).toEqual([]);
  });

  it('never fails the scan when the notifications plugin is missing', async () => {
    const store = await migratedStore(await databases.init('SQLITE_3'));
    const logger = mockServices.logger.mock();
    const notifier = new ScanNotifier({
      store,
      logger,
      notifications: {
        send: async () => {
          throw new Error('Request failed with 404 Not Found');
        },
      },
      signals: {
        publish: async () => {
          throw new Error('events service down');
        },
      },
      notifyOwners: true,
    });
    const info = entity('orders');
    await store.recordScan(
      completedScan(info, good, { at: new Date('2026-11-20T10:00:00Z') }),
    );
    await store.recordScan(
      completedScan(info, worse, { at: new Date('2026-11-21T10:00:00Z') }),
    );
    await expect(
      notifier.scanRecorded(info.entityRef),
    ).resolves.toBeUndefined();
    await expect(
      notifier.scanRecorded(info.entityRef),
    ).resolves.toBeUndefined();
    // Said once, with what to do about it.
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('notifications.enabled: false'),
    );
  });
});
