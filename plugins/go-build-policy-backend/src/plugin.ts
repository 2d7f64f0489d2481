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
import { registerActions, registerFixActions } from './actions';
import { createFixPullRequests } from './fixes/createFixPullRequests';
import { DatabaseScanStore } from './database/DatabaseScanStore';
import { WaiverStore } from './database/WaiverStore';
import { registerPermissions } from './permissions';
import { readPluginConfig } from './scheduling/pluginConfig';
import { createScanService } from './scheduling/createScanService';
import { WaiverExpirySweep } from './scheduling/WaiverExpirySweep';
import { createRouter } from './service/router';
import { ScanNotifier } from './notifications/ScanNotifier';
import {
  createGithubWebhookHandler,
  GITHUB_WEBHOOK_PATH,
  WebhookDeliveries,
} from './webhook';

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
        auditor: coreServices.auditor,
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
        const waivers = await WaiverStore.create({ database: deps.database });
        await new WaiverExpirySweep({ waivers, logger: deps.logger }).schedule(
          deps.scheduler,
        );
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
        const fixes = await createFixPullRequests({
          ...deps,
          pluginConfig,
          clients: scanning.clients,
          extraRules: () => extraRules,
        });
        const webhookHandler = pluginConfig.webhookSecret
          ? createGithubWebhookHandler({
              secret: pluginConfig.webhookSecret,
              requester: scanning.requester,
              entitiesOfRepository: (host, owner, name) =>
                scanning.queue.entitiesOfRepository(host, owner, name),
              isGithubHost: scanning.isGithubHost,
              deliveries: new WebhookDeliveries(
                await deps.database.getClient(),
              ),
              pullRequests: fixes.opener ? fixes.store : undefined,
              logger: deps.logger,
            })
          : undefined;

        const extraRuleMetadata = () =>
          extraRules.flatMap(rule =>
            rule.metadata
              ? [{ ...rule.metadata, fixable: Boolean(rule.fix) }]
              : [],
          );
        if (fixes.opener) {
          registerFixActions({
            actionsRegistry: deps.actionsRegistry,
            opener: fixes.opener,
            permissions: deps.permissions,
            auditor: deps.auditor,
          });
        }
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
            waivers: { store: waivers, auditor: deps.auditor },
            fixes: {
              opener: fixes.opener,
              pullRequests: fixes.store,
              auditor: deps.auditor,
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
