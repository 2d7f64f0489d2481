import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import {
  goBuildPolicyReadPermission,
  goBuildPolicyRescanPermission,
} from '@go-build-policy/plugin-go-build-policy-common';
import { DemoPermissionPolicy } from './permissionPolicy';

describe('DemoPermissionPolicy', () => {
  const userInfo = mockServices.userInfo({
    ownershipEntityRefs: ['user:default/guest', 'group:default/payments'],
  });
  const user = {
    credentials: mockCredentials.user('user:default/guest'),
    info: { userEntityRef: 'user:default/guest', ownershipEntityRefs: [] },
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
