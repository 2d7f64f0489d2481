import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  goBuildPolicyReadPermission,
  goBuildPolicyRescanPermission,
  goBuildPolicyWaiverCreatePermission,
  goBuildPolicyWaiverDeletePermission,
} from '@go-build-policy/plugin-go-build-policy-common';
import {
  authorizeOrThrow,
  authorizeResourceOrThrow,
  registerPermissions,
} from './authorize';

describe('permissions', () => {
  it('registers every permission of the plugin, the waiver ones included', () => {
    const registry = mockServices.permissionsRegistry.mock();
    registerPermissions(registry);
    const registered = registry.addPermissions.mock.calls.flatMap(
      ([permissions]) => permissions,
    );
    expect(registered).toEqual(
      expect.arrayContaining([
        goBuildPolicyReadPermission,
        goBuildPolicyRescanPermission,
        goBuildPolicyWaiverCreatePermission,
        goBuildPolicyWaiverDeletePermission,
      ]),
    );
  });

  it('authorises a resource permission against the entity it names', async () => {
    const permissions = mockServices.permissions.mock({
      authorize: async () => [{ result: AuthorizeResult.ALLOW }],
    });
    const credentials = mockCredentials.user();
    await authorizeResourceOrThrow(
      permissions,
      goBuildPolicyWaiverCreatePermission,
      'component:default/payments',
      credentials,
    );
    expect(permissions.authorize).toHaveBeenCalledWith(
      [
        {
          permission: goBuildPolicyWaiverCreatePermission,
          resourceRef: 'component:default/payments',
        },
      ],
      { credentials },
    );
  });

  it('throws NotAllowedError naming the entity when the policy denies the resource', async () => {
    await expect(
      authorizeResourceOrThrow(
        mockServices.permissions({ result: AuthorizeResult.DENY }),
        goBuildPolicyWaiverDeletePermission,
        'component:default/payments',
        mockCredentials.user(),
      ),
    ).rejects.toMatchObject({
      name: 'NotAllowedError',
      message: expect.stringContaining('component:default/payments'),
    });
  });

  it('passes when the policy allows', async () => {
    await expect(
      authorizeOrThrow(
        mockServices.permissions({ result: AuthorizeResult.ALLOW }),
        goBuildPolicyReadPermission,
        mockCredentials.user(),
      ),
    ).resolves.toBeUndefined();
  });

  it('throws NotAllowedError when the policy denies', async () => {
    await expect(
      authorizeOrThrow(
        mockServices.permissions({ result: AuthorizeResult.DENY }),
        goBuildPolicyRescanPermission,
        mockCredentials.user(),
      ),
    ).rejects.toMatchObject({ name: 'NotAllowedError' });
  });
});
