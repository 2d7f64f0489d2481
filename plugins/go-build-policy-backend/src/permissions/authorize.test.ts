import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  goBuildPolicyReadPermission,
  goBuildPolicyRescanPermission,
} from '@go-build-policy/plugin-go-build-policy-common';
import { authorizeOrThrow, registerPermissions } from './authorize';

describe('permissions', () => {
  it('registers the read and rescan permissions', () => {
    const registry = mockServices.permissionsRegistry.mock();
    registerPermissions(registry);
    expect(registry.addPermissions).toHaveBeenCalledWith([
      goBuildPolicyReadPermission,
      goBuildPolicyRescanPermission,
    ]);
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
