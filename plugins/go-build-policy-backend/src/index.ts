/**
 * The go-build-policy backend plugin: scans the catalog's Go services on GitHub against
 * the build policy, stores results and history, and serves them over a REST API.
 *
 * @packageDocumentation
 */
export { goBuildPolicyPlugin as default } from './plugin';
export type {
  ScanRequester,
  ScanRequestResult,
} from './scheduling/ScanRequester';
export { createGithubWebhookHandler, WebhookDeliveries } from './webhook';
export type { GithubWebhookHandlerOptions } from './webhook';
