export {
  createGithubWebhookHandler,
  GITHUB_WEBHOOK_PATH,
} from './createGithubWebhookHandler';
export type { GithubWebhookHandlerOptions } from './createGithubWebhookHandler';
export { verifyGithubSignature } from './verifySignature';
