import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import express from 'express';
import request from 'supertest';
import { createHmac } from 'node:crypto';
import { DatabaseScanStore } from '../database/DatabaseScanStore';
import { DatabasePullRequestStore } from '../database/PullRequestStore';
import { createGithubWebhookHandler } from './createGithubWebhookHandler';
import { pullRequestStateChange } from './pullRequestEvent';
import { WebhookDeliveries } from './WebhookDeliveries';

jest.setTimeout(30_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const SECRET = 'webhook-secret';
const REF = 'component:default/payments';

function pullRequestEvent(action: string, merged = false, number = 7) {
  return JSON.stringify({
    action,
    number,
    pull_request: { number, merged },
    repository: {
      name: 'Payments',
      owner: { login: 'acme' },
      html_url: 'https://github.com/acme/Payments',
    },
  });
}

async function setup() {
  const knex = await databases.init('SQLITE_3');
  await DatabaseScanStore.create({ database: { getClient: async () => knex } });
  const pulls = new DatabasePullRequestStore(knex);
  await pulls.record({
    entityRef: REF,
    ruleId: 'ci-key-not-per-run',
    repository: 'github.com/acme/payments',
    number: 7,
    url: 'https://github.com/acme/payments/pull/7',
    branch: 'go-build-policy/ci-key-not-per-run-abc1234',
    baseCommit: 'abc1234',
    state: 'open',
    createdBy: 'user:default/jo',
    createdAt: new Date(1_000),
  });
  const server = express();
  server.post(
    '/webhooks/github',
    createGithubWebhookHandler({
      secret: SECRET,
      requester: { requestScan: jest.fn() },
      entitiesOfRepository: async () => [],
      isGithubHost: host => host === 'github.com',
      deliveries: new WebhookDeliveries(knex),
      pullRequests: pulls,
      logger: mockServices.logger.mock(),
    }),
  );
  const send = (body: string) =>
    request(server)
      .post('/webhooks/github')
      .set('content-type', 'application/json')
      .set('x-github-event', 'pull_request')
      .set(
        'x-hub-signature-256',
        `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`,
      )
      .send(body);
  const state = async () =>
    (await pulls.latest(REF, 'ci-key-not-per-run'))?.state;
  return { send, state };
}

describe('pull_request webhook events', () => {
  it('keeps a recorded fix pull request in step with GitHub: merged, closed, reopened', async () => {
    const { send, state } = await setup();
    expect((await send(pullRequestEvent('closed', false))).status).toBe(200);
    expect(await state()).toBe('closed');
    await send(pullRequestEvent('reopened'));
    expect(await state()).toBe('open');
    await send(pullRequestEvent('closed', true));
    expect(await state()).toBe('merged');
  });

  it('ignores other actions and other pull requests, and rejects a payload without a number', async () => {
    const { send, state } = await setup();
    const edited = await send(pullRequestEvent('edited'));
    expect(edited.body).toEqual({
      ignored: 'pull_request edited changes no state',
    });
    await send(pullRequestEvent('closed', true, 8));
    expect(await state()).toBe('open');
    const bad = await send(
      JSON.stringify({ action: 'closed', repository: { name: 'x' } }),
    );
    expect(bad.status).toBe(400);
  });
});

describe('pullRequestStateChange', () => {
  it('keys the change by host, owner and name in lower case', () => {
    expect(
      pullRequestStateChange(JSON.parse(pullRequestEvent('closed', true))),
    ).toEqual({
      kind: 'change',
      repository: 'github.com/acme/payments',
      number: 7,
      state: 'merged',
    });
  });
});
