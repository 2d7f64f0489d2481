import { TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import {
  completedScan,
  entity,
  finding,
  migratedStore,
} from '../__testUtils__/scans';
import { DatabaseScanStore } from './DatabaseScanStore';
import { failingSinceForLevel } from './failingSince';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const at = (day: number) => new Date(Date.UTC(2026, 10, day, 10));
const ms = (day: number) => at(day).getTime();
const service = entity('payments');
const REF = 'component:default/payments';

/** Needs-work while mod-go-sum fails (the only error rule), gold while it passes. */
function scanOn(day: number, goSum: 'pass' | 'fail') {
  return completedScan(
    service,
    [
      finding('mod-go-sum', goSum),
      finding('ci-module-cache', 'pass', 'warning'),
    ],
    { at: at(day) },
  );
}

async function stored(knex: Knex) {
  const entityRow = await knex('gbp_entities')
    .where('entity_ref', REF)
    .first('failing_since', 'level');
  const rules = await knex('gbp_rule_results')
    .where('entity_ref', REF)
    .orderBy('rule_id')
    .select('rule_id', 'failing_since');
  const time = (v: unknown) => (v === null ? null : Number(v));
  return {
    entity: time(entityRow?.failing_since),
    level: entityRow?.level,
    rules: Object.fromEntries(
      rules.map(r => [r.rule_id as string, time(r.failing_since)]),
    ),
  };
}

describe.each(databases.eachSupportedId())('failing-since on %s', id => {
  let knex: Knex;
  let store: DatabaseScanStore;
  beforeEach(async () => {
    knex = await databases.init(id);
    store = await migratedStore(knex);
  });

  it('keeps the start of an unbroken failing run: fail, fail, pass, fail', async () => {
    await store.recordScan(scanOn(1, 'fail'));
    await store.recordScan(scanOn(2, 'fail'));
    expect(await stored(knex)).toEqual({
      entity: ms(1),
      level: 'needs-work',
      rules: { 'ci-module-cache': null, 'mod-go-sum': ms(1) },
    });

    await store.recordScan(scanOn(3, 'pass'));
    expect(await stored(knex)).toMatchObject({
      entity: null,
      rules: { 'mod-go-sum': null },
    });

    await store.recordScan(scanOn(4, 'fail'));
    expect(await stored(knex)).toMatchObject({
      entity: ms(4),
      rules: { 'mod-go-sum': ms(4) },
    });
  });

  it('times each rule on its own while the entity stays noncompliant', async () => {
    await store.recordScan(scanOn(1, 'fail'));
    await store.recordScan(
      completedScan(
        service,
        [
          finding('mod-go-sum', 'fail'),
          finding('ci-module-cache', 'error', 'warning'),
        ],
        { at: at(2) },
      ),
    );
    expect(await stored(knex)).toMatchObject({
      entity: ms(1),
      rules: { 'ci-module-cache': ms(2), 'mod-go-sum': ms(1) },
    });
  });

  it('does not move the times for a scan older than the latest', async () => {
    await store.recordScan(scanOn(1, 'pass'));
    await store.recordScan(scanOn(3, 'fail'));
    // Finished before day 3 but recorded after it: history only.
    await store.recordScan(scanOn(2, 'fail'));
    expect(await stored(knex)).toMatchObject({
      entity: ms(3),
      rules: { 'mod-go-sum': ms(3) },
    });
    // An older passing scan does not clear them either.
    await store.recordScan(scanOn(2, 'pass'));
    expect(await stored(knex)).toMatchObject({ entity: ms(3) });
  });

  it('keeps the times across a failed attempt and clears them for not-go', async () => {
    await store.recordScan(scanOn(1, 'fail'));
    await store.recordFailure(REF, 'GitHub answered 502', { at: at(2) });
    await store.recordScan(scanOn(3, 'fail'));
    expect((await stored(knex)).entity).toBe(ms(1));

    await store.recordNotGo(service, undefined, at(4));
    expect(await stored(knex)).toEqual({
      entity: null,
      level: null,
      rules: {},
    });
    await store.recordScan(scanOn(5, 'fail'));
    expect((await stored(knex)).entity).toBe(ms(5));
  });

  it('follows a level changed without a scan (waivers)', async () => {
    const setLevel = (level: string, day: number) =>
      knex('gbp_entities')
        .where('entity_ref', REF)
        .update({ level, ...failingSinceForLevel(knex, level, at(day)) });
    await store.recordScan(scanOn(1, 'pass'));
    await setLevel('bronze', 2);
    expect((await stored(knex)).entity).toBe(ms(2));
    await setLevel('needs-work', 3);
    expect((await stored(knex)).entity).toBe(ms(2));
    await setLevel('silver', 4);
    expect((await stored(knex)).entity).toBeNull();
  });

  it('shows failingSince on the failing findings of the entity result', async () => {
    await store.recordScan(scanOn(1, 'fail'));
    await store.recordScan(scanOn(2, 'fail'));
    const result = await store.getEntityResult(REF);
    const byRule = Object.fromEntries(
      result!.findings.map(f => [f.ruleId, f.failingSince]),
    );
    expect(byRule).toEqual({
      'mod-go-sum': at(1).toISOString(),
      'ci-module-cache': undefined,
    });
  });
});
