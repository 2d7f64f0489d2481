import { TestDatabases } from '@backstage/backend-test-utils';
import {
  completedScan,
  entity,
  finding,
  migratedStore,
} from '../__testUtils__/scans';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
const REF = 'component:default/payments';

describe.each(databases.eachSupportedId())(
  'recordFailure ordering on %s',
  id => {
    it('does not mark a newer good result stale with a failure of an older attempt', async () => {
      const store = await migratedStore(await databases.init(id));
      // Replica B's scan finished at 10:05; replica A's attempt began at 10:00 and
      // failed after it, arriving last.
      await store.recordScan(
        completedScan(entity('payments'), [finding('ci-build-cache', 'pass')], {
          at: new Date('2026-11-20T10:05:00Z'),
        }),
      );
      await store.recordFailure(REF, 'GitHub answered 502', {
        startedAt: new Date('2026-11-20T10:00:00Z'),
        at: new Date('2026-11-20T10:06:00Z'),
      });

      const result = await store.getEntityResult(REF);
      expect(result).toMatchObject({ state: 'ok', stale: false });
      expect(result?.failureReason).toBeUndefined();
    });

    it('marks the last good result stale when the failed attempt began after it', async () => {
      const store = await migratedStore(await databases.init(id));
      await store.recordScan(
        completedScan(entity('payments'), [finding('ci-build-cache', 'pass')], {
          at: new Date('2026-11-20T10:05:00Z'),
        }),
      );
      await store.recordFailure(REF, 'Repository was not found', {
        startedAt: new Date('2026-11-20T10:10:00Z'),
        at: new Date('2026-11-20T10:10:02Z'),
      });

      expect(await store.getEntityResult(REF)).toMatchObject({
        state: 'failed',
        stale: true,
        failureReason: 'Repository was not found',
      });
    });
  },
);
