import { TestDatabases } from '@backstage/backend-test-utils';
import {
  completedScan,
  entity,
  finding,
  migratedStore,
} from '../__testUtils__/scans';
import { WaiverStore } from './WaiverStore';
import { TABLES } from './rows';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
const REF = 'component:default/payments';

describe.each(databases.eachSupportedId())(
  'failing-since under waivers on %s',
  id => {
    it('a waiver covering the only failure clears it; revoking starts the clock again', async () => {
      const knex = await databases.init(id);
      const scans = await migratedStore(knex);
      const scannedAt = new Date('2026-11-20T10:00:00Z');
      await scans.recordScan(
        completedScan(entity('payments'), [finding('mod-go-sum', 'fail')], {
          at: scannedAt,
        }),
      );
      const since = async () =>
        (await knex(TABLES.entities).where('entity_ref', REF).first())
          .failing_since;
      expect(Number(await since())).toBe(scannedAt.getTime());

      const waivers = new WaiverStore(knex);
      const createdAt = new Date('2026-11-21T10:00:00Z');
      const result = await waivers.createWaiver(
        {
          entityRef: REF,
          ruleId: 'mod-go-sum',
          reason: 'Accepted until the vendoring migration',
          expiresAt: new Date('2026-12-21T10:00:00Z'),
          createdBy: 'user:default/jo',
        },
        createdAt,
      );
      if (result.outcome !== 'created') throw new Error(result.outcome);
      expect(await since()).toBeNull();

      const revokedAt = new Date('2026-11-22T10:00:00Z');
      await waivers.revokeWaiver(
        REF,
        result.waiver.id,
        'user:default/jo',
        revokedAt,
      );
      expect(Number(await since())).toBe(revokedAt.getTime());
    });

    it('an expired waiver starts the clock when it expired, not when the sweep ran', async () => {
      const knex = await databases.init(id);
      const scans = await migratedStore(knex);
      await scans.recordScan(
        completedScan(entity('payments'), [finding('mod-go-sum', 'fail')], {
          at: new Date('2026-11-20T10:00:00Z'),
        }),
      );
      const waivers = new WaiverStore(knex);
      const expiresAt = new Date('2026-11-25T10:00:00Z');
      await waivers.createWaiver(
        {
          entityRef: REF,
          ruleId: 'mod-go-sum',
          reason: 'Accepted for a few days',
          expiresAt,
          createdBy: 'user:default/jo',
        },
        new Date('2026-11-21T10:00:00Z'),
      );
      // The backend was down over the weekend: the sweep runs three days late.
      await waivers.applyExpired(new Date('2026-11-28T10:00:00Z'));
      const row = await knex(TABLES.entities).where('entity_ref', REF).first();
      expect(['bronze', 'needs-work']).toContain(row.level);
      expect(Number(row.failing_since)).toBe(expiresAt.getTime());
    });
  },
);
