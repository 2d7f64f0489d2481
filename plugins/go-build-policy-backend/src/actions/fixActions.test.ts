import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { CacheManager } from '@backstage/backend-defaults/cache';
import { ConfigReader } from '@backstage/config';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { DatabasePullRequestStore } from '../database/PullRequestStore';
import { FixPullRequestOpener } from '../fixes/FixPullRequestOpener';
import {
  goRepo,
  ScanHarness,
  startScanHarness,
} from '../scanning/__testUtils__/scanHarness';
import { registerFixActions } from './fixActions';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const credentials = mockCredentials.user('user:default/jo');
const REF = 'component:default/payments';

let harness: ScanHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function setup(result: AuthorizeResult.ALLOW | AuthorizeResult.DENY) {
  const knex = await databases.init('SQLITE_3');
  harness = await startScanHarness({
    knex,
    repos: [
      goRepo('acme', 'payments', {
        Dockerfile:
          'FROM golang:1.23\nWORKDIR /src\nCOPY . .\nRUN go build .\n',
      }),
    ],
  });
  const entity = harness.entity('acme', 'payments');
  const opener = new FixPullRequestOpener({
    clients: harness.clients,
    cache: CacheManager.fromConfig(new ConfigReader({})).forPlugin('gbp'),
    store: new DatabasePullRequestStore(knex),
    logger: mockServices.logger.mock(),
    settings: {},
    extraRules: () => [],
    branchPrefix: 'fix/',
    getEntity: async ref => (ref === REF ? entity : undefined),
  });
  const actionsRegistry = actionsRegistryServiceMock();
  registerFixActions({
    actionsRegistry,
    opener,
    permissions: mockServices.permissions({ result }),
  });
  return actionsRegistry;
}

describe('open-fix-pull-request action', () => {
  it('opens the pull request once, then returns the open one', async () => {
    const registry = await setup(AuthorizeResult.ALLOW);
    const input = {
      entityRef: 'Component:default/payments',
      ruleId: 'docker-mod-download-layer',
    };
    const first = await registry.invoke({
      id: 'test:open-fix-pull-request',
      input,
      credentials,
    });
    expect(first.output).toMatchObject({
      created: true,
      number: 1,
      state: 'open',
    });
    expect((first.output as { branch: string }).branch).toMatch(
      /^fix\/docker-mod-download-layer-[0-9a-f]{7}$/,
    );
    const second = await registry.invoke({
      id: 'test:open-fix-pull-request',
      input,
      credentials,
    });
    expect(second.output).toMatchObject({ created: false, number: 1 });
    expect(harness!.simulator.pulls.list('acme', 'payments')).toHaveLength(1);
  });

  it('refuses without the permission', async () => {
    const registry = await setup(AuthorizeResult.DENY);
    await expect(
      registry.invoke({
        id: 'test:open-fix-pull-request',
        input: { entityRef: REF, ruleId: 'docker-mod-download-layer' },
        credentials,
      }),
    ).rejects.toThrow(/go-build-policy.pull-request.create/);
    expect(harness!.simulator.pulls.list('acme', 'payments')).toEqual([]);
  });
});
