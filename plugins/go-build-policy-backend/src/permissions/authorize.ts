import {
  BackstageCredentials,
  PermissionsRegistryService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import { goBuildPolicyPermissions } from '@go-build-policy/plugin-go-build-policy-common';

/** Makes the plugin's permissions known to the permission framework (policy authors see them). */
export function registerPermissions(registry: PermissionsRegistryService) {
  registry.addPermissions([...goBuildPolicyPermissions]);
}

/** Throws NotAllowedError (403) unless the permission policy allows the permission. */
export async function authorizeOrThrow(
  permissions: PermissionsService,
  permission: BasicPermission,
  credentials: BackstageCredentials,
): Promise<void> {
  const [decision] = await permissions.authorize([{ permission }], {
    credentials,
  });
  if (decision?.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError(`Not allowed: ${permission.name}`);
  }
}

/**
 * Throws NotAllowedError (403) unless the policy allows the permission on the resource
 * (a catalog entity ref for the plugin's entity permissions), so conditional policies
 * such as "owners of the entity" apply.
 */
export async function authorizeResourceOrThrow(
  permissions: PermissionsService,
  permission: ResourcePermission,
  resourceRef: string,
  credentials: BackstageCredentials,
): Promise<void> {
  const [decision] = await permissions.authorize(
    [{ permission, resourceRef }],
    { credentials },
  );
  if (decision?.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError(
      `Not allowed: ${permission.name} on ${resourceRef}`,
    );
  }
}
