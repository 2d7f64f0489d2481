export {
  createGithubWebhookHandler,
  GITHUB_WEBHOOK_PATH,
} from './createGithubWebhookHandler';
export type { GithubWebhookHandlerOptions } from './createGithubWebhookHandler';
export { verifyGithubSignature } from './verifySignature';
export {
  DEFAULT_DELIVERY_WINDOW_MS,
  WebhookDeliveries,
} from './WebhookDeliveries';
