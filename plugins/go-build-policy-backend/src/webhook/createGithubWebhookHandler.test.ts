import { mockServices } from '@backstage/backend-test-utils';
import express from 'express';
import request from 'supertest';
import { createHmac } from 'node:crypto';
import { createGithubWebhookHandler } from './createGithubWebhookHandler';

const SECRET = 'webhook-secret';

function sign(body: string, secret = SECRET) {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

function push(overrides: Record<string, unknown> = {}) {
  return JSON.stringify({
    ref: 'refs/heads/main',
    repository: {
      name: 'Payments',
      owner: { login: 'acme' },
      default_branch: 'main',
      html_url: 'https://github.com/acme/Payments',
    },
    ...overrides,
  });
}

function app(options: { secret?: string } = { secret: SECRET }) {
  const { secret } = options;
  const requestScan = jest.fn(async (entityRef: string) => ({
    status: 'queued' as const,
    entityRef,
  }));
  const entitiesOfRepository = jest.fn(
    async (host: string, owner: string, name: string) =>
      host === 'github.com' && owner === 'acme' && name === 'Payments'
        ? ['component:default/payments']
        : [],
  );
  const server = express();
  server.post(
    '/webhooks/github',
    createGithubWebhookHandler({
      secret,
      requester: { requestScan },
      entitiesOfRepository,
      isGithubHost: host => host === 'github.com',
      logger: mockServices.logger.mock(),
    }),
  );
  // A JSON parser after the handler must not matter.
  server.use(express.json());
  return { server, requestScan };
}

function send(
  server: express.Express,
  body: string,
  headers: Record<string, string>,
) {
  return request(server)
    .post('/webhooks/github')
    .set('content-type', 'application/json')
    .set(headers)
    .send(body);
}

describe('createGithubWebhookHandler', () => {
  it('queues a rescan of the entities of a repository on a default-branch push', async () => {
    const { server, requestScan } = app();
    const body = push();

    const res = await send(server, body, {
      'x-github-event': 'push',
      'x-hub-signature-256': sign(body),
    });

    expect(res.status).toBe(202);
    expect(res.body).toEqual({ queued: ['component:default/payments'] });
    expect(requestScan).toHaveBeenCalledWith(
      'component:default/payments',
      'webhook',
    );
  });

  it('rejects a body signed with another secret, or not signed', async () => {
    const { server, requestScan } = app();
    const body = push();

    const wrong = await send(server, body, {
      'x-github-event': 'push',
      'x-hub-signature-256': sign(body, 'other'),
    });
    const missing = await send(server, body, { 'x-github-event': 'push' });
    const tampered = await send(server, push({ ref: 'refs/heads/main ' }), {
      'x-github-event': 'push',
      'x-hub-signature-256': sign(body),
    });

    expect([wrong.status, missing.status, tampered.status]).toEqual([
      401, 401, 401,
    ]);
    expect(requestScan).not.toHaveBeenCalled();
  });

  it('answers ping events', async () => {
    const { server } = app();
    const body = JSON.stringify({ zen: 'Keep it logically awesome.' });

    const res = await send(server, body, {
      'x-github-event': 'ping',
      'x-hub-signature-256': sign(body),
    });

    expect(res.status).toBe(200);
  });

  it('ignores pushes to other branches, unknown repositories and other hosts', async () => {
    const { server, requestScan } = app();
    const bodies = [
      push({ ref: 'refs/heads/feature' }),
      push({ ref: 'refs/tags/v1.0.0' }),
      push({ deleted: true }),
      push({
        repository: {
          name: 'other',
          owner: { login: 'acme' },
          default_branch: 'main',
          html_url: 'https://github.com/acme/other',
        },
      }),
      push({
        repository: {
          name: 'Payments',
          owner: { login: 'acme' },
          default_branch: 'main',
          html_url: 'https://evil.example.com/acme/Payments',
        },
      }),
    ];
    for (const body of bodies) {
      const res = await send(server, body, {
        'x-github-event': 'push',
        'x-hub-signature-256': sign(body),
      });
      expect(res.status).toBe(200);
      expect(res.body.ignored).toEqual(expect.any(String));
    }
    expect(requestScan).not.toHaveBeenCalled();
  });

  it('answers 400 to a signed body that is not a push payload', async () => {
    const { server } = app();
    const body = '{not json';

    const res = await send(server, body, {
      'x-github-event': 'push',
      'x-hub-signature-256': sign(body),
    });

    expect(res.status).toBe(400);
  });

  it('is off without a configured secret', async () => {
    const { server } = app({});
    const body = push();

    const res = await send(server, body, {
      'x-github-event': 'push',
      'x-hub-signature-256': sign(body, ''),
    });

    expect(res.status).toBe(404);
  });
});
