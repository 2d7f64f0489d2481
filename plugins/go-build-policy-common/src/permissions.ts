import { createPermission } from '@backstage/plugin-permission-common';

/** The catalog's resource type: policies may use catalog conditions (such as isEntityOwner). */
const CATALOG_ENTITY = 'catalog-entity';

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

/** Waive a rule for an entity until a date. Authorised against the entity. */
export const goBuildPolicyWaiverCreatePermission = createPermission({
  name: 'go-build-policy.waiver.create',
  attributes: { action: 'create' },
  resourceType: CATALOG_ENTITY,
});

/** Revoke a waiver before it expires. Authorised against the entity. */
export const goBuildPolicyWaiverDeletePermission = createPermission({
  name: 'go-build-policy.waiver.delete',
  attributes: { action: 'delete' },
  resourceType: CATALOG_ENTITY,
});

/**
 * Open a pull request with a suggested fix in the entity's repository (writes to GitHub
 * with the integration's credentials). Authorised against the entity.
 */
export const goBuildPolicyPullRequestCreatePermission = createPermission({
  name: 'go-build-policy.pull-request.create',
  attributes: { action: 'create' },
  resourceType: CATALOG_ENTITY,
});

export const goBuildPolicyPermissions = [
  goBuildPolicyReadPermission,
  goBuildPolicyRescanPermission,
  goBuildPolicyWaiverCreatePermission,
  goBuildPolicyWaiverDeletePermission,
  goBuildPolicyPullRequestCreatePermission,
];
