import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { RULES } from '@go-build-policy/plugin-go-build-policy-common';
import {
  completedScan,
  entity,
  finding,
  migratedStore,
} from '../__testUtils__/scans';
import { registerActions } from './complianceActions';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const credentials = mockCredentials.user('user:default/jo');

async function setup(
  result: AuthorizeResult.ALLOW | AuthorizeResult.DENY = AuthorizeResult.ALLOW,
) {
  const store = await migratedStore(await databases.init('SQLITE_3'));
  await store.recordScan(
    completedScan(entity('payments'), [
      finding('mod-go-sum', 'fail'),
      finding('ci-module-cache', 'pass', 'warning'),
    ]),
  );
  await store.recordScan(
    completedScan(entity('search'), [finding('mod-go-sum', 'pass')]),
  );
  await store.recordScan(
    completedScan(entity('other-team', { owner: 'group:default/team-b' }), [
      finding('mod-go-sum', 'fail'),
    ]),
  );
  const actionsRegistry = actionsRegistryServiceMock();
  registerActions({
    actionsRegistry,
    store,
    permissions: mockServices.permissions({ result }),
  });
  return actionsRegistry;
}

describe('go-build-policy actions', () => {
  it('reports an entity compliance with failing rules and remediation', async () => {
    const registry = await setup();
    const { output } = await registry.invoke({
      id: 'test:get-entity-compliance',
      input: { entityRef: 'Component:default/payments' },
      credentials,
    });
    expect(output).toMatchObject({
      entityRef: 'component:default/payments',
      state: 'ok',
      score: 40,
      level: 'needs-work',
      stale: false,
      failingRules: [
        {
          ruleId: 'mod-go-sum',
          title: 'Every module with requirements has go.sum',
          severity: 'error',
          remediation: expect.stringContaining('mod-go-sum'),
        },
      ],
    });
  });

  it('answers never-scanned for an unknown entity', async () => {
    const registry = await setup();
    const { output } = await registry.invoke({
      id: 'test:get-entity-compliance',
      input: { entityRef: 'component:default/nope' },
      credentials,
    });
    expect(output).toEqual({
      entityRef: 'component:default/nope',
      state: 'never-scanned',
      stale: false,
      failingRules: [],
    });
  });

  it('lists only the noncompliant repositories of the owner', async () => {
    const registry = await setup();
    const { output } = await registry.invoke({
      id: 'test:list-noncompliant-repositories',
      input: { owner: 'group:default/team-a' },
      credentials,
    });
    expect(output).toEqual({
      owner: 'group:default/team-a',
      total: 1,
      repositories: [
        expect.objectContaining({
          entityRef: 'component:default/payments',
          failingRuleIds: ['mod-go-sum'],
        }),
      ],
    });
  });

  it('lists every rule', async () => {
    const registry = await setup();
    const { output } = await registry.invoke({
      id: 'test:list-rules',
      input: {},
      credentials,
    });
    expect((output as { rules: unknown[] }).rules).toHaveLength(RULES.length);
  });

  it('refuses callers the permission policy denies', async () => {
    const registry = await setup(AuthorizeResult.DENY);
    await expect(
      registry.invoke({
        id: 'test:get-entity-compliance',
        input: { entityRef: 'component:default/payments' },
        credentials,
      }),
    ).rejects.toThrow(/Not allowed/);
  });

  it('rejects input that does not match the schema', async () => {
    const registry = await setup();
    await expect(
      registry.invoke({
        id: 'test:list-noncompliant-repositories',
        input: { owner: '', limit: 0 },
        credentials,
      }),
    ).rejects.toThrow(/Invalid input/);
  });
});
