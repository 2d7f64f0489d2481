import { usePermission } from '@backstage/plugin-permission-react';
import {
  goBuildPolicyPullRequestCreatePermission,
  goBuildPolicyWaiverCreatePermission,
  goBuildPolicyWaiverDeletePermission,
} from '@go-build-policy/plugin-go-build-policy-common';

export interface TriagePermissions {
  canWaive: boolean;
  canRevoke: boolean;
  canOpenPullRequest: boolean;
}

/**
 * The triage actions the user may take on this entity. They are resource permissions on
 * the catalog entity, so policies can allow them to its owners only.
 */
export function useTriagePermissions(entityRef: string): TriagePermissions {
  const waive = usePermission({
    permission: goBuildPolicyWaiverCreatePermission,
    resourceRef: entityRef,
  });
  const revoke = usePermission({
    permission: goBuildPolicyWaiverDeletePermission,
    resourceRef: entityRef,
  });
  const pullRequest = usePermission({
    permission: goBuildPolicyPullRequestCreatePermission,
    resourceRef: entityRef,
  });
  return {
    canWaive: waive.allowed,
    canRevoke: revoke.allowed,
    canOpenPullRequest: pullRequest.allowed,
  };
}
