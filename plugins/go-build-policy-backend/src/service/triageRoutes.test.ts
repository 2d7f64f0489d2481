import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { PermissionsService } from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  goBuildPolicyReadPermission,
  TriagePage,
} from '@go-build-policy/plugin-go-build-policy-common';
import express from 'express';
import request from 'supertest';
import {
  completedScan,
  entity,
  finding,
  migratedStore,
} from '../__testUtils__/scans';
import { createRouter } from './router';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

const at = (day: number) => new Date(Date.UTC(2026, 10, day, 10));

/** Allows or denies everything, noting the permissions asked for. */
function permissions(allowRead: boolean, asked: string[]): PermissionsService {
  return {
    authorize: async requests =>
      requests.map(r => ({
        ...(asked.push(r.permission.name) && {}),
        result: allowRead ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
      })),
    authorizeConditional: async requests =>
      requests.map(() => ({ result: AuthorizeResult.ALLOW })),
  } as PermissionsService;
}

async function createApp(
  options: { allowRead?: boolean; asked?: string[] } = {},
) {
  const store = await migratedStore(await databases.init('SQLITE_3'));
  const scan = (name: string, day: number, goSum: 'pass' | 'fail') =>
    store.recordScan(
      completedScan(
        entity(name),
        [
          finding('mod-go-sum', goSum),
          finding('ci-module-cache', 'pass', 'warning'),
        ],
        { at: at(day) },
      ),
    );
  await scan('payments', 2, 'fail');
  await scan('search', 1, 'fail');
  await scan('search', 3, 'fail');
  await scan('billing', 1, 'pass');
  const logger = mockServices.logger.mock();
  const router = await createRouter({
    logger,
    store,
    httpAuth: mockServices.httpAuth({
      defaultCredentials: mockCredentials.user('user:default/jo'),
    }),
    permissions: permissions(options.allowRead ?? true, options.asked ?? []),
    scanRequester: {
      requestScan: async entityRef => ({ status: 'queued', entityRef }),
    },
  });
  const app = express().use(router);
  app.use(
    MiddlewareFactory.create({
      config: mockServices.rootConfig(),
      logger,
    }).error(),
  );
  return app;
}

describe('GET /triage', () => {
  it('serves the queue, longest failing first, with ISO times', async () => {
    const app = await createApp();
    const res = await request(app).get('/triage');
    expect(res.status).toBe(200);
    const body = res.body as TriagePage;
    expect(body).toMatchObject({ total: 2, limit: 50, offset: 0 });
    expect(body.items.map(i => i.entityRef)).toEqual([
      'component:default/search',
      'component:default/payments',
    ]);
    expect(body.items[0]).toEqual({
      entityRef: 'component:default/search',
      entity: expect.objectContaining({ owner: 'group:default/team-a' }),
      repository: { host: 'github.com', owner: 'acme', name: 'search' },
      score: 40,
      rawScore: 40,
      level: 'needs-work',
      worstSeverity: 'error',
      failingSince: at(1).toISOString(),
      failingRules: [
        {
          ruleId: 'mod-go-sum',
          severity: 'error',
          status: 'fail',
          failingSince: at(1).toISOString(),
        },
      ],
      waiverState: 'none',
      stale: false,
      scannedAt: at(3).toISOString(),
    });
  });

  it('filters and pages like the scorecard', async () => {
    const app = await createApp();
    const paged = await request(app).get('/triage?limit=1&offset=1');
    expect(paged.body).toMatchObject({ total: 2, limit: 1, offset: 1 });
    expect(
      paged.body.items.map((i: { entityRef: string }) => i.entityRef),
    ).toEqual(['component:default/payments']);
    const filtered = await request(app).get('/triage?q=sear&rule=mod-go-sum');
    expect(filtered.body.total).toBe(1);
    const none = await request(app).get('/triage?owner=group:default/nobody');
    expect(none.body).toMatchObject({ total: 0, items: [] });
  });

  it('rejects bad query input with 400', async () => {
    const app = await createApp();
    for (const query of [
      'limit=0',
      'limit=1001',
      'offset=-1',
      'limit=ten',
      'severity=fatal',
      'level=platinum',
    ]) {
      const res = await request(app).get(`/triage?${query}`);
      expect([query, res.status]).toEqual([query, 400]);
      expect(res.body.error.name).toBe('InputError');
    }
  });

  it('needs the read permission', async () => {
    const asked: string[] = [];
    const app = await createApp({ allowRead: false, asked });
    const res = await request(app).get('/triage');
    expect(res.status).toBe(403);
    expect(asked).toEqual([goBuildPolicyReadPermission.name]);
  });
});
