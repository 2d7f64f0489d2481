import { TestDatabases } from '@backstage/backend-test-utils';
import {
  completedScan,
  entity,
  finding,
  migratedStore,
} from '../__testUtils__/scans';
import { recordScanWithWaivers, scoreWithWaivers } from './applyWaivers';
import { writeScan } from './writeScan';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

describe('scoreWithWaivers', () => {
  const findings = [
    finding('mod-go-sum', 'fail'),
    finding('ci-module-cache', 'pass', 'warning'),
    finding('acme-approved-base-image', 'fail', 'info'),
  ];

  it('counts waived rules as passing in the effective score only', () => {
    const scored = scoreWithWaivers(findings, ['mod-go-sum'], {
      notApplicable: false,
    });
    // Weights: error 3 (waived), warning 2 (pass), info 1 (fail).
    expect(scored).toMatchObject({
      score: 83,
      rawScore: 33,
      // No unwaived failing error rule is left: silver needs 75.
      level: 'silver',
      rawLevel: 'needs-work',
    });
    expect(scored.categories.mod).toEqual({
      score: 100,
      earned: 3,
      possible: 3,
    });
  });

  it('keeps stored categories the catalogue cannot recompute (extension rules)', () => {
    const stored = { score: 0, earned: 0, possible: 1 };
    const scored = scoreWithWaivers(findings, [], {
      categories: {
        docker: stored,
        mod: { score: 7, earned: 7, possible: 100 },
      },
      notApplicable: false,
    });
    expect(scored.categories.docker).toEqual(stored);
    expect(scored.categories.mod).toEqual({ score: 0, earned: 0, possible: 3 });
  });

  it('keeps a result without Go not applicable, waived or not', () => {
    const scored = scoreWithWaivers(findings, ['mod-go-sum'], {
      notApplicable: true,
    });
    expect(scored).toMatchObject({
      level: 'not-applicable',
      rawLevel: 'not-applicable',
    });
  });
});

describe.each(databases.eachSupportedId())(
  'recordScanWithWaivers on %s',
  id => {
    it('catches a waiver committed while the scan was being written', async () => {
      const knex = await databases.init(id);
      const store = await migratedStore(knex);
      const scan = completedScan(entity('payments'), [
        finding('mod-go-sum', 'fail'),
        finding('ci-module-cache', 'pass', 'warning'),
      ]);
      await knex.transaction(tx =>
        recordScanWithWaivers(tx, scan, new Date(), async (inner, waived) => {
          const written = await writeScan(inner, waived);
          // What another replica's waiver looks like after the first read.
          await inner('gbp_waivers').insert({
            id: '0d5c7c1e-0000-4000-8000-000000000001',
            entity_ref: 'component:default/payments',
            rule_id: 'mod-go-sum',
            reason: 'vendored',
            expires_at: Date.now() + 3_600_000,
            created_by: 'user:default/jo',
            created_at: Date.now(),
          });
          return written;
        }),
      );
      const [row] = (await store.listRepositories()).items;
      expect(row).toMatchObject({ score: 100, rawScore: 40, level: 'gold' });
    });
  },
);
