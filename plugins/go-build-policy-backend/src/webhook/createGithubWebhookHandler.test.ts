import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import express from 'express';
import request from 'supertest';
import { createHmac } from 'node:crypto';
import { DatabaseScanStore } from '../database/DatabaseScanStore';
import { createGithubWebhookHandler } from './createGithubWebhookHandler';
import { WebhookDeliveries } from './WebhookDeliveries';

jest.setTimeout(30_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

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

async function app(options: { secret?: string } = { secret: SECRET }) {
  const { secret } = options;
  const knex = await databases.init('SQLITE_3');
  await knex.migrate.latest({
    directory: DatabaseScanStore.migrationsDirectory,
  });
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
      deliveries: new WebhookDeliveries(knex),
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
    const { server, requestScan } = await app();
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
    const { server, requestScan } = await app();
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
    const { server } = await app();
    const body = JSON.stringify({ zen: 'Keep it logically awesome.' });

    const res = await send(server, body, {
      'x-github-event': 'ping',
      'x-hub-signature-256': sign(body),
    });

    expect(res.status).toBe(200);
  });

  it('ignores pushes to other branches, unknown repositories and other hosts', async () => {
    const { server, requestScan } = await app();
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
    const { server } = await app();
    const body = '{not json';

    const res = await send(server, body, {
      'x-github-event': 'push',
      'x-hub-signature-256': sign(body),
    });

    expect(res.status).toBe(400);
  });

  it('is off without a configured secret', async () => {
    const { server } = await app({});
    const body = push();

    const res = await send(server, body, {
      'x-github-event': 'push',
      'x-hub-signature-256': sign(body, ''),
    });

    expect(res.status).toBe(404);
  });

  it('queues a redelivered push only once', async () => {
    const { server, requestScan } = await app();
    const body = push();
    const headers = {
      'x-github-event': 'push',
      'x-hub-signature-256': sign(body),
      'x-github-delivery': '72d3162e-cc78-11e3-81ab-4c9367dc0958',
    };

    const first = await send(server, body, headers);
    const again = await send(server, body, headers);
    const other = await send(server, body, {
      ...headers,
      'x-github-delivery': '9a0e5c10-cc79-11e3-8e3f-4c9367dc0958',
    });

    expect(first.status).toBe(202);
    expect(again.status).toBe(200);
    expect(again.body.ignored).toMatch(/already handled/);
    expect(other.status).toBe(202);
    expect(requestScan).toHaveBeenCalledTimes(2);
  });

  it('handles a redelivery of a push whose first delivery failed', async () => {
    const { server, requestScan } = await app();
    requestScan.mockRejectedValueOnce(new Error('database unavailable'));
    const body = push();
    const headers = {
      'x-github-event': 'push',
      'x-hub-signature-256': sign(body),
      'x-github-delivery': '72d3162e-cc78-11e3-81ab-4c9367dc0958',
    };

    expect((await send(server, body, headers)).status).toBe(500);
    expect((await send(server, body, headers)).status).toBe(202);
  });

  it('answers 400, not 500, to a signed push without a JSON object', async () => {
    const { server, requestScan } = await app();
    const oddRepository = push({
      repository: {
        name: 42,
        owner: { login: 'acme' },
        default_branch: 'main',
        html_url: 'https://github.com/acme/x',
      },
    });
    for (const body of ['null', '', '[]', '"push"', oddRepository]) {
      const res = await send(server, body, {
        'x-github-event': 'push',
        'x-hub-signature-256': sign(body),
      });
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      expect(res.body.error.message).toMatch(
        /no body|not a JSON object|no repository/,
      );
    }
    expect(requestScan).not.toHaveBeenCalled();
  });

  it('answers 400 with the fix when the webhook sends form-encoded payloads', async () => {
    const { server, requestScan } = await app();
    const body = `payload=${encodeURIComponent(push())}`;

    const res = await request(server)
      .post('/webhooks/github')
      .set('content-type', 'application/x-www-form-urlencoded')
      .set('x-github-event', 'push')
      .set('x-hub-signature-256', sign(body))
      .send(body);

    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(
      /set its content type to application\/json/,
    );
    expect(requestScan).not.toHaveBeenCalled();
  });
});
