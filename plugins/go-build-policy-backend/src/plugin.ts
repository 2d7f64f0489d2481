import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import {
  goBuildPolicyRulesExtensionPoint,
  PolicyRule,
} from '@go-build-policy/plugin-go-build-policy-node';
import { registerActions } from './actions';
import { DatabaseScanStore } from './database/DatabaseScanStore';
import { registerPermissions } from './permissions';
import { readPluginConfig } from './scheduling/pluginConfig';
import { createScanService } from './scheduling/createScanService';
import { createRouter } from './service/router';
import { ScanNotifier } from './notifications/ScanNotifier';
import { createGithubWebhookHandler, GITHUB_WEBHOOK_PATH } from './webhook';

/**
 * go-build-policy: holds the catalog's Go services to the build policy. Wiring only: the
 * store, the scanning service, the router and the webhook live in their own folders.
 */
export const goBuildPolicyPlugin = createBackendPlugin({
  pluginId: 'go-build-policy',
  register(env) {
    const extraRules: PolicyRule[] = [];
    env.registerExtensionPoint(goBuildPolicyRulesExtensionPoint, {
      addRules(...rules) {
        extraRules.push(...rules);
      },
    });

    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        cache: coreServices.cache,
        scheduler: coreServices.scheduler,
        lifecycle: coreServices.lifecycle,
        auth: coreServices.auth,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
        actionsRegistry: actionsRegistryServiceRef,
        notifications: notificationService,
        signals: signalsServiceRef,
      },
      async init(deps) {
        const pluginConfig = readPluginConfig(deps.config);
        const store = await DatabaseScanStore.create({
          database: deps.database,
        });
        const notifier = new ScanNotifier({
          store,
          logger: deps.logger,
          notifications: deps.notifications,
          signals: deps.signals,
          notifyOwners: pluginConfig.notifications.enabled,
        });
        const scanning = await createScanService({
          ...deps,
          pluginConfig,
          store,
          extraRules: () => extraRules,
          notifier,
        });
        const webhookHandler = pluginConfig.webhookSecret
          ? createGithubWebhookHandler({
              secret: pluginConfig.webhookSecret,
              requester: scanning.requester,
              entitiesOfRepository: (host, owner, name) =>
                scanning.queue.entitiesOfRepository(host, owner, name),
              isGithubHost: scanning.isGithubHost,
              logger: deps.logger,
            })
          : undefined;

        const extraRuleMetadata = () =>
          extraRules.flatMap(rule => (rule.metadata ? [rule.metadata] : []));
        registerPermissions(deps.permissionsRegistry);
        registerActions({
          actionsRegistry: deps.actionsRegistry,
          store,
          permissions: deps.permissions,
          extraRules: extraRuleMetadata,
        });
        deps.httpRouter.use(
          await createRouter({
            logger: deps.logger,
            store,
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            scanRequester: scanning.requester,
            webhookHandler,
            extraRules: extraRuleMetadata,
            capabilities: {
              waivers: { maxDays: pluginConfig.waivers.maxDays },
              pullRequests: { enabled: pluginConfig.pullRequests.enabled },
            },
          }),
        );
        if (webhookHandler) {
          deps.httpRouter.addAuthPolicy({
            path: GITHUB_WEBHOOK_PATH,
            allow: 'unauthenticated',
          });
        }
      },
    });
  },
});
