import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import {
  goBuildPolicyPullRequestCreatePermission,
  goBuildPolicyReadPermission,
  goBuildPolicyRescanPermission,
  goBuildPolicyWaiverCreatePermission,
} from '@go-build-policy/plugin-go-build-policy-common';
import { DemoPermissionPolicy } from './permissionPolicy';

describe('DemoPermissionPolicy', () => {
  const userInfo = mockServices.userInfo({
    ownershipEntityRefs: ['user:default/guest', 'group:default/payments'],
  });
  const user = {
    credentials: mockCredentials.user('user:default/guest'),
    info: {
      userEntityRef: 'user:default/guest',
      ownershipEntityRefs: ['user:default/guest', 'group:default/payments'],
    },
  };

  it('lets every signed-in user read results', async () => {
    const policy = new DemoPermissionPolicy(userInfo, [
      'group:default/platform',
    ]);
    const decision = await policy.handle(
      { permission: goBuildPolicyReadPermission },
      user,
    );
    expect(decision.result).toBe(AuthorizeResult.ALLOW);
  });

  it('keeps rescans to members of the platform groups', async () => {
    const outsider = new DemoPermissionPolicy(userInfo, [
      'group:default/platform',
    ]);
    expect(
      (
        await outsider.handle(
          { permission: goBuildPolicyRescanPermission },
          user,
        )
      ).result,
    ).toBe(AuthorizeResult.DENY);
    const member = new DemoPermissionPolicy(userInfo, [
      'group:default/payments',
    ]);
    expect(
      (await member.handle({ permission: goBuildPolicyRescanPermission }, user))
        .result,
    ).toBe(AuthorizeResult.ALLOW);
  });

  it('lets owners open fix pull requests for their own entities only, and keeps waivers to the platform', async () => {
    const policy = new DemoPermissionPolicy(userInfo, [
      'group:default/platform',
    ]);
    expect(
      await policy.handle(
        { permission: goBuildPolicyPullRequestCreatePermission },
        user,
      ),
    ).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'catalog',
      resourceType: 'catalog-entity',
      conditions: {
        rule: 'IS_ENTITY_OWNER',
        resourceType: 'catalog-entity',
        params: {
          claims: ['user:default/guest', 'group:default/payments'],
        },
      },
    });
    expect(
      (
        await policy.handle(
          { permission: goBuildPolicyWaiverCreatePermission },
          user,
        )
      ).result,
    ).toBe(AuthorizeResult.DENY);
  });

  it('denies everything of ours to requests without a user', async () => {
    const policy = new DemoPermissionPolicy(userInfo, [
      'group:default/payments',
    ]);
    expect(
      (await policy.handle({ permission: goBuildPolicyReadPermission })).result,
    ).toBe(AuthorizeResult.DENY);
  });

  it('leaves other plugins’ permissions allowed', async () => {
    const policy = new DemoPermissionPolicy(userInfo, []);
    const other = createPermission({
      name: 'catalog.entity.read',
      attributes: {},
    });
    expect((await policy.handle({ permission: other }, user)).result).toBe(
      AuthorizeResult.ALLOW,
    );
  });
});
