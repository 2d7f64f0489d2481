import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { CacheManager } from '@backstage/backend-defaults/cache';
import { ConfigReader } from '@backstage/config';
import type { Entity } from '@backstage/catalog-model';
import type { PermissionsService } from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { PolicyRule } from '@go-build-policy/plugin-go-build-policy-node';
import express from 'express';
import request from 'supertest';
import { DatabasePullRequestStore } from '../database/PullRequestStore';
import {
  goRepo,
  ScanHarness,
  startScanHarness,
  TEST_TOKEN,
} from '../scanning/__testUtils__/scanHarness';
import { createRouter } from '../service/router';
import { PULL_REQUESTS_DISABLED } from '../service/fixRoutes';
import { FixPullRequestOpener } from './FixPullRequestOpener';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const REF = 'component:default/payments';
const RULE = 'docker-mod-download-layer';
const PATH = '/entities/component/default/payments';
/** Copies the whole tree before downloading modules: the rule fails, its fix is mechanical. */
const SLOW_DOCKERFILE =
  'FROM golang:1.23 AS build\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\n';

/** A test-only rule whose fix writes two files, to prove one commit carries them all. */
const ownersRule: PolicyRule = {
  id: 'org-owners-files',
  metadata: {
    id: 'org-owners-files',
    category: 'ci',
    defaultSeverity: 'warning',
    title: 'Owners are declared',
    rationale: 'Someone must answer for the build.',
    passWhen: 'OWNERS and docs/OWNERS.md exist',
    failWhen: 'either is missing',
    notApplicableWhen: 'never',
    remediation: 'Add OWNERS and docs/OWNERS.md.',
  },
  evaluate: context =>
    ['OWNERS', 'docs/OWNERS.md'].every(p => context.snapshot.paths.includes(p))
      ? { status: 'pass', message: 'Owners are declared' }
      : { status: 'fail', message: 'Owners are missing' },
  fix: () => ({
    title: 'Declare the owners',
    description: 'Adds the owners files.',
    edits: [
      { path: 'OWNERS', after: 'team-a\n' },
      { path: 'docs/OWNERS.md', after: '# Owners\n\nteam-a\n' },
    ],
  }),
};

function permissions(allow: boolean): PermissionsService {
  return mockServices.permissions({
    result: allow ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
  });
}

interface Setup {
  h: ScanHarness;
  app: express.Express;
  pullRequests: DatabasePullRequestStore;
  opener: FixPullRequestOpener;
  entity: Entity;
  audited: string[];
}

let current: ScanHarness | undefined;
afterEach(async () => {
  await current?.close();
  current = undefined;
});

async function setup(
  options: {
    enabled?: boolean;
    allow?: boolean;
    readOnly?: boolean;
  } = {},
): Promise<Setup> {
  const knex = await databases.init('SQLITE_3');
  const h = await startScanHarness({
    knex,
    repos: [goRepo('acme', 'payments', { Dockerfile: SLOW_DOCKERFILE })],
    simulator: options.readOnly ? { readOnlyTokens: [TEST_TOKEN] } : {},
  });
  current = h;
  const entity = h.entity('acme', 'payments');
  const pullRequests = new DatabasePullRequestStore(knex);
  const logger = mockServices.logger.mock();
  const opener = new FixPullRequestOpener({
    clients: h.clients,
    cache: CacheManager.fromConfig(new ConfigReader({})).forPlugin('gbp'),
    store: pullRequests,
    logger,
    settings: {},
    extraRules: () => [ownersRule],
    branchPrefix: 'go-build-policy/',
    getEntity: async ref => (ref === REF ? entity : undefined),
  });
  const audited: string[] = [];
  const auditor = {
    createEvent: async ({ eventId }: { eventId: string }) => ({
      success: async () => {
        audited.push(`${eventId}:success`);
      },
      fail: async () => {
        audited.push(`${eventId}:fail`);
      },
    }),
  };
  const router = await createRouter({
    logger,
    store: h.store,
    httpAuth: mockServices.httpAuth({
      defaultCredentials: mockCredentials.user('user:default/jo'),
    }),
    permissions: permissions(options.allow ?? true),
    scanRequester: {
      requestScan: async ref => ({ status: 'queued', entityRef: ref }),
    },
    fixes: {
      opener: options.enabled === false ? undefined : opener,
      pullRequests,
      auditor,
    },
  });
  const app = express().use(router);
  app.use(
    MiddlewareFactory.create({
      config: mockServices.rootConfig(),
      logger,
    }).error(),
  );
  return { h, app, pullRequests, opener, entity, audited };
}

const headOf = (h: ScanHarness, branch = 'main') =>
  h.simulator.repos.get('acme', 'payments')!.branchHead(branch)!;
const fileAt = (h: ScanHarness, branch: string, path: string) => {
  const repo = h.simulator.repos.get('acme', 'payments')!;
  return repo.filesOf(repo.branchHead(branch)!.tree).get(path)?.toString();
};

describe('fix pull requests', () => {
  it('opens one pull request with the fix in one commit, records it and shows it on the finding', async () => {
    const { h, app, audited } = await setup();
    await h.scanner.scan(h.entity('acme', 'payments'));
    const base = headOf(h).sha;

    const opened = await request(app).post(
      `${PATH}/fixes/${RULE}/pull-request`,
    );

    expect(opened.status).toBe(201);
    const branch = `go-build-policy/${RULE}-${base.slice(0, 7)}`;
    expect(opened.body).toMatchObject({
      entityRef: REF,
      ruleId: RULE,
      number: 1,
      branch,
      baseCommit: base,
      state: 'open',
      createdBy: 'user:default/jo',
      url: `${h.simulator.baseUrl}/acme/payments/pull/1`,
    });
    const [pull] = h.simulator.pulls.list('acme', 'payments');
    expect(pull).toMatchObject({ number: 1, head: branch, base: 'main' });
    expect(pull.body).toContain(
      `Opened from Backstage by user:default/jo for \`${REF}\``,
    );
    expect(pull.body).toContain(RULE);
    expect(headOf(h, branch).parents).toEqual([base]);
    expect(fileAt(h, branch, 'Dockerfile')).toMatch(
      /COPY go\.mod go\.sum \.\/\nRUN go mod download\nCOPY \. \./,
    );
    expect(headOf(h).sha).toBe(base);
    expect(audited).toEqual(['fix-pull-request-create:success']);

    const result = await request(app).get(PATH);
    const finding = result.body.findings.find(
      (f: { ruleId: string }) => f.ruleId === RULE,
    );
    expect(finding.fix.files[0].path).toBe('Dockerfile');
    expect(finding.pullRequest).toMatchObject({ number: 1, state: 'open' });
    const list = await request(app).get(`${PATH}/pull-requests`);
    expect(list.body.items).toHaveLength(1);

    const again = await request(app).post(`${PATH}/fixes/${RULE}/pull-request`);
    expect(again.status).toBe(200);
    expect(again.body.number).toBe(1);
    expect(h.simulator.pulls.list('acme', 'payments')).toHaveLength(1);
  });

  it('passes on a rescan once the pull request is merged, and then has no fix to offer', async () => {
    const { h, app } = await setup();
    await h.scanner.scan(h.entity('acme', 'payments'));
    await request(app).post(`${PATH}/fixes/${RULE}/pull-request`).expect(201);

    h.simulator.pulls.merge('acme', 'payments', 1);
    await h.scanner.scan(h.entity('acme', 'payments'));

    const result = await h.store.getEntityResult(REF);
    expect(result!.findings.find(f => f.ruleId === RULE)).toMatchObject({
      status: 'pass',
      pullRequest: { number: 1 },
    });
    const none = await request(app).post(`${PATH}/fixes/${RULE}/pull-request`);
    expect(none.status).toBe(409);
    expect(none.body.error.message).toBe(
      `no fix for ${RULE} at ${
        headOf(h).sha
      }: the rule passes or its fix is not mechanical here`,
    );
    const list = await request(app).get(`${PATH}/pull-requests`);
    expect(list.body.items[0]).toMatchObject({ number: 1, state: 'merged' });
  });

  it('writes every file of a multi-file fix in one commit', async () => {
    const { h, opener } = await setup();
    const base = headOf(h).sha;
    const { pullRequest, created } = await opener.open({
      entityRef: REF,
      ruleId: 'org-owners-files',
      credentials: mockCredentials.user('user:default/jo'),
      requestedBy: 'user:default/jo',
    });
    expect(created).toBe(true);
    expect(headOf(h, pullRequest.branch).parents).toEqual([base]);
    expect(fileAt(h, pullRequest.branch, 'OWNERS')).toBe('team-a\n');
    expect(fileAt(h, pullRequest.branch, 'docs/OWNERS.md')).toContain('team-a');
    expect(fileAt(h, pullRequest.branch, 'main.go')).toBe(
      'package main\n\nfunc main() {}\n',
    );
  });

  it('answers 409 when pull requests are turned off', async () => {
    const { app } = await setup({ enabled: false });
    const res = await request(app).post(`${PATH}/fixes/${RULE}/pull-request`);
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe(PULL_REQUESTS_DISABLED);
  });

  it('answers 403 without the permission, and opens nothing', async () => {
    const { h, app } = await setup({ allow: false });
    const res = await request(app).post(`${PATH}/fixes/${RULE}/pull-request`);
    expect(res.status).toBe(403);
    expect(h.simulator.pulls.list('acme', 'payments')).toEqual([]);
  });

  it('answers 404 for an unknown entity and 400 for a malformed rule id', async () => {
    const { app } = await setup();
    const unknown = await request(app).post(
      `/entities/component/default/nobody/fixes/${RULE}/pull-request`,
    );
    expect(unknown.status).toBe(404);
    const malformed = await request(app).post(
      `${PATH}/fixes/${encodeURIComponent('../x')}/pull-request`,
    );
    expect(malformed.status).toBe(400);
  });

  it("says the integration's credentials cannot write when GitHub answers 403", async () => {
    const { h, app, audited } = await setup({ readOnly: true });
    const res = await request(app).post(`${PATH}/fixes/${RULE}/pull-request`);
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain(
      "The integration's credentials cannot write to acme/payments",
    );
    expect(res.body.error.message).not.toContain(TEST_TOKEN);
    expect(audited).toEqual(['fix-pull-request-create:fail']);
    expect(h.simulator.pulls.list('acme', 'payments')).toEqual([]);
  });
});
