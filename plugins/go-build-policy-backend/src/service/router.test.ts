import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { PermissionsService } from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  goBuildPolicyRescanPermission,
  RULES,
} from '@go-build-policy/plugin-go-build-policy-common';
import express from 'express';
import request from 'supertest';
import {
  completedScan,
  entity,
  finding,
  migratedStore,
} from '../__testUtils__/scans';
import { createRouter, ScanRequester } from './router';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

/** Allows every permission except the denied ones. */
function permissionsDenying(...denied: string[]): PermissionsService {
  return {
    authorize: async requests =>
      requests.map(r => ({
        result: denied.includes(r.permission.name)
          ? AuthorizeResult.DENY
          : AuthorizeResult.ALLOW,
      })),
    authorizeConditional: async requests =>
      requests.map(() => ({ result: AuthorizeResult.ALLOW })),
  } as PermissionsService;
}

async function createApp(
  options: {
    permissions?: PermissionsService;
    anonymous?: boolean;
    webhookHandler?: express.RequestHandler;
  } = {},
) {
  const store = await migratedStore(await databases.init('SQLITE_3'));
  await store.recordScan(
    completedScan(
      entity('payments', { title: '=cmd|calc' }),
      [
        finding('mod-go-sum', 'fail'),
        finding('ci-module-cache', 'pass', 'warning'),
      ],
      { commitSha: 'abc123' },
    ),
  );
  await store.recordScan(
    completedScan(entity('search', { owner: 'group:default/team-b' }), [
      finding('mod-go-sum', 'pass'),
    ]),
  );
  const requested: Array<[string, string]> = [];
  const scanRequester: ScanRequester = {
    requestScan: async (ref, reason = '') => {
      if (ref.endsWith('/unknown'))
        return { status: 'not-found', entityRef: ref };
      if (ref.endsWith('/opted-out')) {
        return { status: 'excluded', entityRef: ref, reason: 'opted out' };
      }
      requested.push([ref, reason]);
      return { status: 'queued', entityRef: ref };
    },
  };
  const logger = mockServices.logger.mock();
  const router = await createRouter({
    logger,
    store,
    httpAuth: mockServices.httpAuth({
      defaultCredentials: options.anonymous
        ? mockCredentials.none()
        : mockCredentials.user('user:default/jo'),
    }),
    permissions: options.permissions ?? permissionsDenying(),
    scanRequester,
    webhookHandler: options.webhookHandler,
  });
  const app = express().use(router);
  app.use(
    MiddlewareFactory.create({
      config: mockServices.rootConfig(),
      logger,
    }).error(),
  );
  return { app, requested, store };
}

describe('createRouter', () => {
  it('lists the rules of the policy', async () => {
    const { app } = await createApp();
    const res = await request(app).get('/rules');
    expect(res.status).toBe(200);
    expect(res.body.items.map((r: { id: string }) => r.id)).toEqual(
      RULES.map(r => r.id),
    );
  });

  it('serves the latest result of an entity, whatever the case of its ref', async () => {
    const { app } = await createApp();
    const res = await request(app).get('/entities/Component/default/Payments');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      entityRef: 'component:default/payments',
      state: 'ok',
      stale: false,
      level: 'needs-work',
      commit: 'abc123',
      failingRuleIds: ['mod-go-sum'],
      scannedAt: '2026-11-20T10:00:00.000Z',
    });
    expect(res.body.findings).toHaveLength(2);
  });

  it('answers never-scanned for an entity the store does not know', async () => {
    const { app } = await createApp();
    const res = await request(app).get('/entities/component/default/unknown');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ state: 'never-scanned', findings: [] });
  });

  it('serves history newest first', async () => {
    const { app } = await createApp();
    const res = await request(app).get(
      '/entities/component/default/payments/history?limit=5',
    );
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0]).toMatchObject({ commitSha: 'abc123', score: 40 });
  });

  it('filters, sorts and pages repositories', async () => {
    const { app } = await createApp();
    const res = await request(app).get(
      '/repositories?owner=group:default/team-a,group:default/team-b&sort=score&order=desc&limit=1',
    );
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(2);
    expect(
      res.body.items.map((r: { entityRef: string }) => r.entityRef),
    ).toEqual(['component:default/search']);
    const failing = await request(app).get('/repositories?rule=mod-go-sum');
    expect(failing.body.total).toBe(1);
  });

  it('rejects bad query input with 400 instead of failing', async () => {
    const { app } = await createApp();
    for (const path of [
      '/repositories?limit=0',
      '/repositories?sort=bogus',
      '/repositories?level=platinum',
      '/groups/colour',
      '/export?format=xlsx',
      '/summary?trendDays=9999',
      '/repositories?owner[a]=b',
      `/repositories?q=${'x'.repeat(201)}`,
      '/entities/component/default/a:b',
      '/entities/component/default/payments/history?limit=abc',
    ]) {
      const res = await request(app).get(path);
      expect([path, res.status]).toEqual([path, 400]);
      expect(res.body.error.name).toBe('InputError');
    }
  });

  it('rolls up by owner and rule, and summarises', async () => {
    const { app } = await createApp();
    const owners = await request(app).get('/groups/owner');
    expect(owners.body.items.map((g: { key: string }) => g.key)).toEqual([
      'group:default/team-a',
      'group:default/team-b',
    ]);
    const rules = await request(app).get(
      '/groups/rule?owner=group:default/team-a',
    );
    expect(rules.body.items).toContainEqual(
      expect.objectContaining({ key: 'mod-go-sum', failing: 1, scored: 1 }),
    );
    const summary = await request(app).get('/summary');
    expect(summary.body).toMatchObject({
      entities: 2,
      scored: 2,
      compliant: 1,
    });
  });

  it('exports CSV that a spreadsheet cannot turn into a formula', async () => {
    const { app } = await createApp();
    const res = await request(app).get('/export?format=csv&sort=name');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/attachment/);
    const lines = res.text.trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^"entityRef","title"/);
    expect(lines[1]).toContain(`"'=cmd|calc"`);
  });

  it('exports the filtered rows as JSON', async () => {
    const { app } = await createApp();
    const res = await request(app)
      .get('/export?format=json&owner=group:default/team-b')
      .buffer(true)
      .parse((response, callback) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => callback(null, JSON.parse(text)));
      });
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0].entityRef).toBe('component:default/search');
  });

  it('queues a rescan with 202 when the permission allows it', async () => {
    const { app, requested } = await createApp();
    const res = await request(app).post(
      '/entities/component/default/payments/rescan',
    );
    expect(res.status).toBe(202);
    expect(requested).toEqual([
      ['component:default/payments', 'rescan requested by user:default/jo'],
    ]);
  });

  it('answers 404 for an entity the catalog does not have, 409 for an excluded one', async () => {
    const { app, requested } = await createApp();
    const missing = await request(app).post(
      '/entities/component/default/unknown/rescan',
    );
    expect(missing.status).toBe(404);
    const excluded = await request(app).post(
      '/entities/component/default/opted-out/rescan',
    );
    expect(excluded.status).toBe(409);
    expect(excluded.body.error.message).toContain('opted out');
    expect(requested).toEqual([]);
  });

  it('refuses a rescan with 403 when the permission denies it', async () => {
    const { app, requested } = await createApp({
      permissions: permissionsDenying(goBuildPolicyRescanPermission.name),
    });
    const res = await request(app).post(
      '/entities/component/default/payments/rescan',
    );
    expect(res.status).toBe(403);
    expect(res.body.error.name).toBe('NotAllowedError');
    expect(requested).toEqual([]);
    expect((await request(app).get('/summary')).status).toBe(200);
  });

  it('refuses reads with 403 when the read permission is denied', async () => {
    const { app } = await createApp({
      permissions: mockServices.permissions({ result: AuthorizeResult.DENY }),
    });
    for (const path of ['/rules', '/summary', '/repositories', '/export']) {
      expect([path, (await request(app).get(path)).status]).toEqual([
        path,
        403,
      ]);
    }
  });

  it('refuses requests without credentials with 401', async () => {
    const { app } = await createApp({ anonymous: true });
    expect((await request(app).get('/summary')).status).toBe(401);
  });

  it('passes webhook requests to the handler without asking for credentials', async () => {
    const { app } = await createApp({
      anonymous: true,
      webhookHandler: (_req, res) => {
        res.status(202).json({ queued: true });
      },
    });
    const res = await request(app)
      .post('/webhooks/github')
      .send({ zen: 'hello' });
    expect(res.status).toBe(202);
  });
});
