import { TestDatabases } from '@backstage/backend-test-utils';
import { DatabaseScanStore } from './DatabaseScanStore';
import {
  DatabasePullRequestStore,
  NewFixPullRequest,
  withFixAndPullRequest,
} from './PullRequestStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
const REF = 'component:default/payments';

function pullRequest(
  number: number,
  ruleId: string,
  createdAt: number,
): NewFixPullRequest {
  return {
    entityRef: 'Component:default/Payments',
    ruleId,
    repository: 'github.com/Acme/payments',
    number,
    url: `https://github.com/acme/payments/pull/${number}`,
    branch: `go-build-policy/${ruleId}-abc1234`,
    baseCommit: 'abc1234',
    state: 'open',
    createdBy: 'user:default/jo',
    createdAt: new Date(createdAt),
  };
}

describe.each(databases.eachSupportedId())('PullRequestStore on %s', id => {
  async function store() {
    const knex = await databases.init(id);
    await DatabaseScanStore.create({
      database: { getClient: async () => knex },
    });
    return new DatabasePullRequestStore(knex);
  }

  it('keeps the latest pull request per rule, newest first in the list', async () => {
    const pulls = await store();
    await pulls.record(pullRequest(1, 'ci-key-not-per-run', 1_000));
    await pulls.record(pullRequest(2, 'docker-mod-download-layer', 2_000));
    await pulls.record(pullRequest(3, 'ci-key-not-per-run', 3_000));

    expect(await pulls.latest(REF, 'ci-key-not-per-run')).toMatchObject({
      number: 3,
      entityRef: REF,
      repository: 'github.com/acme/payments',
      createdAt: new Date(3_000).toISOString(),
    });
    expect((await pulls.list(REF)).map(p => p.number)).toEqual([3, 2, 1]);
    const byRule = await pulls.latestByRule(REF);
    expect(byRule.get('ci-key-not-per-run')?.number).toBe(3);
    expect(byRule.get('docker-mod-download-layer')?.number).toBe(2);
    expect(await pulls.latest(REF, 'mod-go-sum')).toBeUndefined();
  });

  it('updates the state of a recorded pull request, and records one number once', async () => {
    const pulls = await store();
    await pulls.record(pullRequest(7, 'ci-key-not-per-run', 1_000));
    await pulls.record(pullRequest(7, 'ci-key-not-per-run', 1_000));
    await pulls.setState('github.com/ACME/payments', 7, 'merged');
    const list = await pulls.list(REF);
    expect(list).toHaveLength(1);
    expect(list[0].state).toBe('merged');
  });
});

describe('withFixAndPullRequest', () => {
  it('attaches a readable fix and drops an unreadable one', () => {
    const fix = { title: 't', description: 'd', files: [] };
    expect(
      withFixAndPullRequest({ ruleId: 'r' }, JSON.stringify(fix), new Map()),
    ).toEqual({ ruleId: 'r', fix });
    expect(withFixAndPullRequest({ ruleId: 'r' }, '{oops', new Map())).toEqual({
      ruleId: 'r',
    });
  });
});
