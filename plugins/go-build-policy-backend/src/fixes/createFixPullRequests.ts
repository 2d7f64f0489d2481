import type {
  CacheService,
  DatabaseService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { PolicyRule } from '@go-build-policy/plugin-go-build-policy-node';
import { DatabasePullRequestStore } from '../database/PullRequestStore';
import { GithubClients } from '../github/GithubClients';
import type { PluginConfig } from '../scheduling/pluginConfig';
import { FixPullRequestOpener } from './FixPullRequestOpener';

/**
 * The pull-request side of fixes: the store always (recorded pull requests stay readable
 * when the feature is turned off later), the opener only when app-config enables it.
 * Call after DatabaseScanStore.create, which runs the migrations.
 */
export async function createFixPullRequests(options: {
  pluginConfig: PluginConfig;
  clients: GithubClients;
  cache: CacheService;
  database: DatabaseService;
  logger: LoggerService;
  catalog: CatalogService;
  extraRules: () => readonly PolicyRule[];
}) {
  const { pluginConfig } = options;
  const store = new DatabasePullRequestStore(
    await options.database.getClient(),
  );
  const opener = pluginConfig.pullRequests.enabled
    ? new FixPullRequestOpener({
        clients: options.clients,
        cache: options.cache,
        store,
        logger: options.logger,
        settings: pluginConfig.policy,
        learnPrivateModules: pluginConfig.learnPrivateModules,
        extraRules: options.extraRules,
        branchPrefix: pluginConfig.pullRequests.branchPrefix,
        getEntity: (entityRef, credentials) =>
          options.catalog.getEntityByRef(entityRef, { credentials }),
      })
    : undefined;
  return { store, opener };
}
