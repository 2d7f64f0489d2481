import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import {
  AuditorServiceCreateEventOptions,
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import express from 'express';
import request from 'supertest';
import {
  completedScan,
  entity,
  finding,
  migratedStore,
} from '../__testUtils__/scans';
import { WaiverStore } from '../database/WaiverStore';
import { createRouter } from './router';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

const DAY = 86_400_000;
const PAYMENTS = '/entities/component/default/payments';

interface RecordedEvent {
  options: AuditorServiceCreateEventOptions;
  outcome?: 'success' | 'fail';
  meta?: unknown;
  error?: Error;
}

/** An auditor that keeps every event with how it ended. */
function recordingAuditor() {
  const events: RecordedEvent[] = [];
  const auditor = mockServices.auditor.mock({
    createEvent: async options => {
      const event: RecordedEvent = { options };
      events.push(event);
      return {
        success: async done => {
          event.outcome = 'success';
          event.meta = done?.meta;
        },
        fail: async failed => {
          event.outcome = 'fail';
          event.error = failed.error;
        },
      };
    },
  });
  return { auditor, events };
}

/** Allows every permission except the denied ones; records resource refs asked about. */
function permissionsDenying(...denied: string[]) {
  const asked: Array<{ permission: string; resourceRef?: string }> = [];
  const permissions = {
    authorize: async requests =>
      requests.map(r => {
        asked.push({
          permission: r.permission.name,
          resourceRef: 'resourceRef' in r ? r.resourceRef : undefined,
        });
        return {
          result: denied.includes(r.permission.name)
            ? AuthorizeResult.DENY
            : AuthorizeResult.ALLOW,
        };
      }),
    authorizeConditional: async requests =>
      requests.map(() => ({ result: AuthorizeResult.ALLOW })),
  } as PermissionsService;
  return { permissions, asked };
}

async function createApp(
  options: {
    denied?: string[];
    credentials?: BackstageCredentials;
    withoutWaivers?: boolean;
  } = {},
) {
  const knex = await databases.init('SQLITE_3');
  const store = await migratedStore(knex);
  await store.recordScan(
    completedScan(entity('payments'), [
      finding('mod-go-sum', 'fail'),
      finding('ci-module-cache', 'pass', 'warning'),
    ]),
  );
  await store.recordScan(
    completedScan(entity('search', { owner: 'group:default/team-b' }), [
      finding('mod-go-sum', 'fail'),
    ]),
  );
  const { auditor, events } = recordingAuditor();
  const { permissions, asked } = permissionsDenying(...(options.denied ?? []));
  const logger = mockServices.logger.mock();
  const router = await createRouter({
    logger,
    store,
    httpAuth: mockServices.httpAuth({
      defaultCredentials:
        options.credentials ?? mockCredentials.user('user:default/jo'),
    }),
    permissions,
    scanRequester: {
      requestScan: async entityRef => ({ status: 'queued', entityRef }),
    },
    extraRules: () => [
      {
        id: 'acme-approved-base-image',
        category: 'docker',
        defaultSeverity: 'warning',
        title: 'Approved base image',
        rationale: '',
        passWhen: '',
        failWhen: '',
        notApplicableWhen: '',
        remediation: '',
      },
    ],
    capabilities: {
      waivers: { maxDays: 30 },
      pullRequests: { enabled: false },
    },
    waivers: options.withoutWaivers
      ? undefined
      : { store: new WaiverStore(knex), auditor },
  });
  const app = express().use(router);
  app.use(
    MiddlewareFactory.create({
      config: mockServices.rootConfig(),
      logger,
    }).error(),
  );
  return { app, events, asked };
}

function inDays(days: number): string {
  return new Date(Date.now() + days * DAY).toISOString();
}

const waiverBody = {
  ruleId: 'mod-go-sum',
  reason: '  Vendored modules until the migration lands  ',
  expiresAt: inDays(14),
};

describe('waiver routes', () => {
  it('waives a rule: the effective score counts it as passing, the finding still fails', async () => {
    const { app, events, asked } = await createApp();
    const created = await request(app)
      .post(`${PAYMENTS}/waivers`)
      .send(waiverBody);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      entityRef: 'component:default/payments',
      ruleId: 'mod-go-sum',
      reason: 'Vendored modules until the migration lands',
      expiresAt: new Date(waiverBody.expiresAt).toISOString(),
      createdBy: 'user:default/jo',
      state: 'active',
    });
    expect(asked).toContainEqual({
      permission: 'go-build-policy.waiver.create',
      resourceRef: 'component:default/payments',
    });

    const result = await request(app).get(PAYMENTS);
    expect(result.body).toMatchObject({
      score: 100,
      rawScore: 40,
      level: 'gold',
      failingRuleIds: ['mod-go-sum'],
      waivedRuleIds: ['mod-go-sum'],
    });
    const waived = result.body.findings.find(
      (f: { ruleId: string }) => f.ruleId === 'mod-go-sum',
    );
    expect(waived).toMatchObject({
      status: 'fail',
      waiver: { id: created.body.id, state: 'active' },
    });

    const list = await request(app).get(`${PAYMENTS}/waivers`);
    expect(list.body.items.map((w: { id: string }) => w.id)).toEqual([
      created.body.id,
    ]);

    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      options: {
        eventId: 'waiver-create',
        severityLevel: 'medium',
        meta: { entityRef: 'component:default/payments', ruleId: 'mod-go-sum' },
      },
      outcome: 'success',
      meta: { waiverId: created.body.id, ruleId: 'mod-go-sum' },
    });
  });

  it('accepts organisation rules from the extension point', async () => {
    const { app } = await createApp();
    const res = await request(app)
      .post(`${PAYMENTS}/waivers`)
      .send({ ...waiverBody, ruleId: 'acme-approved-base-image' });
    expect(res.status).toBe(201);
  });

  it('names a service caller as `service <subject>`', async () => {
    const { app } = await createApp({
      credentials: mockCredentials.service('plugin:scaffolder'),
    });
    const res = await request(app).post(`${PAYMENTS}/waivers`).send(waiverBody);
    expect(res.body.createdBy).toBe('service plugin:scaffolder');
  });

  it('rejects bad waivers with 400 and a clear message, and audits the attempt', async () => {
    const { app, events } = await createApp();
    const cases: Array<[object | string, RegExp]> = [
      [
        { ...waiverBody, ruleId: 'no-such-rule' },
        /unknown rule "no-such-rule"/,
      ],
      [{ ...waiverBody, reason: '   ' }, /reason: must say why/],
      [{ ...waiverBody, reason: 'x'.repeat(2001) }, /at most 2000/],
      [{ ...waiverBody, expiresAt: inDays(-1) }, /must be in the future/],
      [{ ...waiverBody, expiresAt: inDays(31) }, /at most 30 days/],
      [{ ...waiverBody, expiresAt: 'next friday' }, /ISO 8601/],
      [{ reason: 'why' }, /ruleId/],
    ];
    for (const [body, message] of cases) {
      const res = await request(app).post(`${PAYMENTS}/waivers`).send(body);
      expect([body, res.status]).toEqual([body, 400]);
      expect(res.body.error.name).toBe('InputError');
      expect(res.body.error.message).toMatch(message);
    }
    expect(events).toHaveLength(cases.length);
    expect(events.every(e => e.outcome === 'fail')).toBe(true);

    const broken = await request(app)
      .post(`${PAYMENTS}/waivers`)
      .set('Content-Type', 'application/json')
      .send('{"ruleId": ');
    expect(broken.status).toBe(400);
  });

  it('answers 409 for a second active waiver of the rule and 404 for an unknown entity', async () => {
    const { app, events } = await createApp();
    await request(app).post(`${PAYMENTS}/waivers`).send(waiverBody);
    const again = await request(app)
      .post(`${PAYMENTS}/waivers`)
      .send(waiverBody);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/already waived/);
    const ghost = await request(app)
      .post('/entities/component/default/ghost/waivers')
      .send(waiverBody);
    expect(ghost.status).toBe(404);
    expect(events.map(e => e.outcome)).toEqual(['success', 'fail', 'fail']);
  });

  it('refuses waivers the policy denies on the entity, and audits the denial', async () => {
    const { app, events } = await createApp({
      denied: ['go-build-policy.waiver.create'],
    });
    const res = await request(app).post(`${PAYMENTS}/waivers`).send(waiverBody);
    expect(res.status).toBe(403);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      options: { eventId: 'waiver-create' },
      outcome: 'fail',
      error: { name: 'NotAllowedError' },
    });
    const list = await request(app).get(`${PAYMENTS}/waivers`);
    expect(list.body.items).toEqual([]);
  });

  it('revokes a waiver once: 200, then 409; 404 for an unknown id', async () => {
    const { app, events, asked } = await createApp();
    const created = await request(app)
      .post(`${PAYMENTS}/waivers`)
      .send(waiverBody);
    const path = `${PAYMENTS}/waivers/${created.body.id}`;

    const revoked = await request(app).delete(path);
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({
      id: created.body.id,
      state: 'revoked',
      revokedBy: 'user:default/jo',
      revokedAt: expect.any(String),
    });
    expect(asked).toContainEqual({
      permission: 'go-build-policy.waiver.delete',
      resourceRef: 'component:default/payments',
    });
    expect((await request(app).get(PAYMENTS)).body).toMatchObject({
      score: 40,
      waivedRuleIds: [],
    });

    expect((await request(app).delete(path)).status).toBe(409);
    expect(
      (await request(app).delete(`${PAYMENTS}/waivers/unknown`)).status,
    ).toBe(404);
    // Another entity's path does not reach the waiver.
    expect(
      (
        await request(app).delete(
          `/entities/component/default/search/waivers/${created.body.id}`,
        )
      ).status,
    ).toBe(404);
    expect(
      events
        .filter(e => e.options.eventId === 'waiver-revoke')
        .map(e => e.outcome),
    ).toEqual(['success', 'fail', 'fail', 'fail']);
  });

  it('refuses revocations the policy denies', async () => {
    const { app, events } = await createApp({
      denied: ['go-build-policy.waiver.delete'],
    });
    const created = await request(app)
      .post(`${PAYMENTS}/waivers`)
      .send(waiverBody);
    const res = await request(app).delete(
      `${PAYMENTS}/waivers/${created.body.id}`,
    );
    expect(res.status).toBe(403);
    expect(events[1]).toMatchObject({
      options: { eventId: 'waiver-revoke' },
      outcome: 'fail',
    });
    expect((await request(app).get(PAYMENTS)).body.score).toBe(100);
  });

  it('lists the org waivers with filters, state and paging', async () => {
    const { app } = await createApp();
    const first = await request(app)
      .post(`${PAYMENTS}/waivers`)
      .send(waiverBody);
    await request(app)
      .post('/entities/component/default/search/waivers')
      .send({ ...waiverBody, expiresAt: inDays(2) });
    await request(app).delete(`${PAYMENTS}/waivers/${first.body.id}`);

    const all = await request(app).get('/waivers?limit=10');
    expect(all.body).toMatchObject({ total: 2, limit: 10, offset: 0 });
    expect(all.body.items[0]).toMatchObject({
      entityRef: 'component:default/search',
      entity: { owner: 'group:default/team-b' },
    });
    const active = await request(app).get(
      `/waivers?state=active&expiresBefore=${encodeURIComponent(inDays(3))}`,
    );
    expect(active.body.total).toBe(1);
    const teamA = await request(app).get(
      '/waivers?owner=group:default/team-a&state=revoked,expired',
    );
    expect(teamA.body.items.map((w: { id: string }) => w.id)).toEqual([
      first.body.id,
    ]);

    for (const bad of [
      '/waivers?state=forgotten',
      '/waivers?expiresBefore=soon',
      '/waivers?limit=0',
    ]) {
      const res = await request(app).get(bad);
      expect([bad, res.status]).toEqual([bad, 400]);
    }
  });

  it('needs the read permission to list waivers', async () => {
    const { app } = await createApp({
      denied: ['go-build-policy.results.read'],
    });
    expect((await request(app).get('/waivers')).status).toBe(403);
    expect((await request(app).get(`${PAYMENTS}/waivers`)).status).toBe(403);
  });

  it('answers 503 when the router has no waiver store', async () => {
    const { app } = await createApp({ withoutWaivers: true });
    expect((await request(app).get('/waivers')).status).toBe(503);
  });
});
