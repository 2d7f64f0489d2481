import { createPermission } from '@backstage/plugin-permission-common';

/** Read scan results, history and org roll-ups. */
export const goBuildPolicyReadPermission = createPermission({
  name: 'go-build-policy.results.read',
  attributes: { action: 'read' },
});

/** Ask for a scan now, for one entity. */
export const goBuildPolicyRescanPermission = createPermission({
  name: 'go-build-policy.scan.create',
  attributes: { action: 'create' },
});

export const goBuildPolicyPermissions = [
  goBuildPolicyReadPermission,
  goBuildPolicyRescanPermission,
];
