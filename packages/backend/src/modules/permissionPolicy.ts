import {
  coreServices,
  createBackendModule,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  isPermission,
  isResourcePermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import {
  goBuildPolicyPullRequestCreatePermission,
  goBuildPolicyReadPermission,
} from '@go-build-policy/plugin-go-build-policy-common';

/**
 * The demo's policy: everyone signed in may read the catalog and compliance results;
 * scans and waivers are for the platform groups named in
 * `goBuildPolicyDemo.platformGroups`; fix pull requests also for the owners of the entity
 * (a conditional decision the catalog resolves: the permission is a catalog-entity
 * resource permission).
 */
export class DemoPermissionPolicy implements PermissionPolicy {
  constructor(
    private readonly userInfo: UserInfoService,
    private readonly platformGroups: string[],
  ) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    if (isPermission(request.permission, goBuildPolicyReadPermission)) {
      return { result: user ? AuthorizeResult.ALLOW : AuthorizeResult.DENY };
    }
    if (request.permission.name.startsWith('go-build-policy.')) {
      if (await this.isPlatformMember(user)) {
        return { result: AuthorizeResult.ALLOW };
      }
      if (
        user &&
        isResourcePermission(request.permission, 'catalog-entity') &&
        isPermission(
          request.permission,
          goBuildPolicyPullRequestCreatePermission,
        )
      ) {
        return createCatalogConditionalDecision(
          request.permission,
          catalogConditions.isEntityOwner({
            claims: user.info.ownershipEntityRefs,
          }),
        );
      }
      return { result: AuthorizeResult.DENY };
    }
    return { result: AuthorizeResult.ALLOW };
  }

  private async isPlatformMember(user?: PolicyQueryUser): Promise<boolean> {
    if (!user) return false;
    const info = await this.userInfo.getUserInfo(user.credentials);
    return info.ownershipEntityRefs.some(ref =>
      this.platformGroups.includes(ref.toLocaleLowerCase('en-US')),
    );
  }
}

export const demoPermissionPolicyModule = createBackendModule({
  pluginId: 'permission',
  moduleId: 'go-build-policy-demo-policy',
  register(reg) {
    reg.registerInit({
      deps: {
        policy: policyExtensionPoint,
        userInfo: coreServices.userInfo,
        config: coreServices.rootConfig,
      },
      async init({ policy, userInfo, config }) {
        const groups = (
          config.getOptionalStringArray('goBuildPolicyDemo.platformGroups') ?? [
            'group:default/platform',
          ]
        ).map(g => g.toLocaleLowerCase('en-US'));
        policy.setPolicy(new DemoPermissionPolicy(userInfo, groups));
      },
    });
  },
});
