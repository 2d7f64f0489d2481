import type { LoggerService } from '@backstage/backend-plugin-api';
import express, { NextFunction, Request, Response } from 'express';
import type { ScanRequester } from '../scheduling/ScanRequester';
import { verifyGithubSignature } from './verifySignature';
import type { WebhookDeliveries } from './WebhookDeliveries';
import type { PullRequestStore } from '../database/PullRequestStore';
import {
  applyPullRequestStateChange,
  pullRequestStateChange,
} from './pullRequestEvent';

/** Path of the webhook under the plugin's base URL (the auth policy allows it unauthenticated). */
export const GITHUB_WEBHOOK_PATH = '/webhooks/github';

export interface GithubWebhookHandlerOptions {
  /** `goBuildPolicy.webhook.secret`; without it the endpoint answers 404. */
  secret?: string;
  requester: ScanRequester;
  /** Entity refs that read a repository (from the scan targets the sweep saved). */
  entitiesOfRepository: (
    host: string,
    owner: string,
    name: string,
  ) => Promise<string[]>;
  isGithubHost: (host: string) => boolean;
  /** Recorded fix pull requests: `pull_request` events keep their state current. */
  pullRequests?: Pick<PullRequestStore, 'setState'>;
  /** Delivery ids handled recently: a redelivered push queues nothing twice. */
  deliveries: Pick<WebhookDeliveries, 'claim' | 'release'>;
  logger: LoggerService;
}

/** GitHub's delivery ids are GUIDs; anything far longer is not one. */
const MAX_DELIVERY_ID_LENGTH = 255;

interface PushEvent {
  ref?: string;
  deleted?: boolean;
  repository?: {
    name?: string;
    owner?: { login?: string; name?: string };
    default_branch?: string;
    html_url?: string;
  };
}

type WebhookAnswer = { status: number; body: Record<string, unknown> };

/**
 * The GitHub webhook handler, mounted at `POST /webhooks/github`. It reads the raw body
 * itself (the HMAC is over the exact bytes), so mount it before any JSON body parser. Pushes to the default
 * branch of a repository that selected entities read queue a rescan of those entities;
 * everything else is acknowledged and ignored. Unsigned or wrongly signed calls get 401;
 * a body that is not a JSON object gets 400; a delivery already handled (GitHub's
 * redelivery, same `X-GitHub-Delivery`) is acknowledged without queueing again.
 */
export function createGithubWebhookHandler(
  options: GithubWebhookHandlerOptions,
): express.RequestHandler {
  const readRawBody = express.raw({ type: () => true, limit: '25mb' });
  return (req: Request, res: Response, next: NextFunction) => {
    readRawBody(req, res, parseError => {
      if (parseError) {
        next(parseError);
        return;
      }
      handle(options, req).then(
        answer => res.status(answer.status).json(answer.body),
        e => {
          options.logger.warn(
            `GitHub webhook failed: ${e instanceof Error ? e.message : e}`,
          );
          res.status(500).json({
            error: {
              name: 'Error',
              message: 'The webhook could not be handled',
            },
          });
        },
      );
    });
  };
}

async function handle(
  options: GithubWebhookHandlerOptions,
  req: Request,
): Promise<WebhookAnswer> {
  if (!options.secret) {
    return error(404, 'NotFoundError', 'The GitHub webhook is not configured');
  }
  const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
  if (
    !verifyGithubSignature(
      options.secret,
      raw,
      req.header('x-hub-signature-256'),
    )
  ) {
    return error(
      401,
      'AuthenticationError',
      'Missing or invalid X-Hub-Signature-256',
    );
  }
  const contentType = (req.header('content-type') ?? '')
    .split(';')[0]
    .trim()
    .toLowerCase();
  if (contentType !== 'application/json') {
    return error(
      400,
      'InputError',
      `The webhook must send JSON: set its content type to application/json (got ${
        contentType || 'none'
      })`,
    );
  }
  const event = req.header('x-github-event');
  if (event === 'ping') return { status: 200, body: { ok: true } };
  if (event === 'pull_request') return handlePullRequest(options, raw);
  if (event !== 'push')
    return ignored(`event ${event ?? '(none)'} is not handled`);
  const push = parsePayload<PushEvent>(raw, 'push');
  if (!push.ok) return error(400, 'InputError', push.message);
  const deliveryId = req.header('x-github-delivery')?.trim() || undefined;
  if (deliveryId && deliveryId.length > MAX_DELIVERY_ID_LENGTH) {
    return error(400, 'InputError', 'X-GitHub-Delivery is not a delivery id');
  }
  return handlePush(options, push.event, deliveryId);
}

async function handlePullRequest(
  options: GithubWebhookHandlerOptions,
  raw: Buffer,
): Promise<WebhookAnswer> {
  if (!options.pullRequests) return ignored('fix pull requests are off');
  const parsed = parsePayload<object>(raw, 'pull_request');
  if (!parsed.ok) return error(400, 'InputError', parsed.message);
  const change = pullRequestStateChange(parsed.event);
  if (change.kind === 'invalid')
    return error(400, 'InputError', change.message);
  if (change.kind === 'ignored') return ignored(change.reason);
  await applyPullRequestStateChange(options.pullRequests, change);
  return { status: 200, body: { pullRequest: change } };
}

/** The signed body as a JSON object; `what` names the event in messages. */
function parsePayload<T extends object>(
  raw: Buffer,
  what: string,
): { ok: true; event: T } | { ok: false; message: string } {
  if (raw.length === 0)
    return { ok: false, message: `The ${what} has no body` };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString('utf8'));
  } catch {
    return { ok: false, message: `The ${what} payload is not JSON` };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { ok: false, message: `The ${what} payload is not a JSON object` };
  }
  return { ok: true, event: parsed as T };
}

async function handlePush(
  options: GithubWebhookHandlerOptions,
  push: PushEvent,
  deliveryId: string | undefined,
): Promise<WebhookAnswer> {
  const repo = push.repository;
  const owner = repo?.owner?.login ?? repo?.owner?.name;
  // Checked as strings: the body is signed, not necessarily shaped like GitHub's.
  if (
    !isText(repo?.name) ||
    !isText(owner) ||
    !isText(repo?.html_url) ||
    !isText(repo?.default_branch)
  ) {
    return error(400, 'InputError', 'The push payload has no repository');
  }
  if (push.deleted || push.ref !== `refs/heads/${repo.default_branch}`) {
    return ignored('not a push to the default branch');
  }
  let host: string;
  try {
    host = new URL(repo.html_url).host.toLowerCase();
  } catch {
    return error(400, 'InputError', 'The repository URL is not valid');
  }
  if (!options.isGithubHost(host))
    return ignored(`${host} is not a configured GitHub integration`);
  if (deliveryId && !(await options.deliveries.claim(deliveryId))) {
    return ignored(`delivery ${deliveryId} was already handled`);
  }
  let queued: string[];
  try {
    queued = await queueScans(options, host, owner, repo.name);
  } catch (e) {
    // Not handled after all: GitHub's redelivery of it must not be taken for a duplicate.
    if (deliveryId)
      await options.deliveries.release(deliveryId).catch(() => {});
    throw e;
  }
  if (queued.length === 0)
    return ignored('no selected entity reads this repository');
  options.logger.info(
    `Push to ${host}/${owner}/${repo.name} queued ${queued.join(', ')}`,
  );
  return { status: 202, body: { queued } };
}

async function queueScans(
  options: GithubWebhookHandlerOptions,
  host: string,
  owner: string,
  name: string,
): Promise<string[]> {
  const entityRefs = await options.entitiesOfRepository(host, owner, name);
  const queued: string[] = [];
  for (const entityRef of entityRefs) {
    const result = await options.requester.requestScan(entityRef, 'webhook');
    if (result.status === 'queued') queued.push(result.entityRef);
  }
  return queued;
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

function ignored(reason: string): WebhookAnswer {
  return { status: 200, body: { ignored: reason } };
}

function error(status: number, name: string, message: string): WebhookAnswer {
  return { status, body: { error: { name, message } } };
}
