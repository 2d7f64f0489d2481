import type {
  CacheService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import {
  DefaultGithubCredentialsProvider,
  GithubCredentialsProvider,
  ScmIntegrations,
} from '@backstage/integration';
import { GithubHostClient, GithubRequestPolicy } from './GithubHostClient';
import { RateLimitBudget } from './RateLimitBudget';

export interface GithubClientsOptions {
  config: Config;
  cache: CacheService;
  logger: LoggerService;
  /** Share of each host's rate limit the plugin may spend (0..1). */
  rateLimitShare: number;
  requestPolicy?: Partial<GithubRequestPolicy>;
  sleep?: (ms: number) => Promise<void>;
  credentialsProvider?: GithubCredentialsProvider;
}

/**
 * One client per configured GitHub integration host, built the Backstage way:
 * `integrations.github` gives hosts and API base URLs (GitHub Enterprise included), and
 * the default credentials provider gives personal-token or GitHub App credentials. A host
 * that is not a configured integration gets no client, so it is never contacted.
 */
export class GithubClients {
  readonly integrations: ScmIntegrations;
  readonly budget: RateLimitBudget;
  private readonly clients = new Map<string, GithubHostClient>();
  private readonly credentials: GithubCredentialsProvider;

  constructor(private readonly options: GithubClientsOptions) {
    this.integrations = ScmIntegrations.fromConfig(options.config);
    this.budget = new RateLimitBudget(options.rateLimitShare);
    this.credentials =
      options.credentialsProvider ??
      DefaultGithubCredentialsProvider.fromIntegrations(this.integrations);
  }

  /** Whether `host` is a configured GitHub integration. */
  isGithubHost(host: string): boolean {
    return Boolean(this.integrations.github.byHost(host));
  }

  /** The client of a configured host, or undefined for any other host. */
  forHost(host: string): GithubHostClient | undefined {
    const key = host.toLowerCase();
    const existing = this.clients.get(key);
    if (existing) return existing;
    const integration = this.integrations.github.byHost(key);
    if (!integration) return undefined;
    const client = new GithubHostClient({
      host: key,
      apiBaseUrl: integration.config.apiBaseUrl ?? `https://api.${key}`,
      getAuthHeaders: async owner => {
        const { headers } = await this.credentials.getCredentials({
          url: `https://${key}/${encodeURIComponent(owner)}`,
        });
        return headers ?? {};
      },
      budget: this.budget,
      cache: this.options.cache,
      logger: this.options.logger,
      policy: this.options.requestPolicy,
      sleep: this.options.sleep,
    });
    this.clients.set(key, client);
    return client;
  }
}
