import { TestDatabases } from '@backstage/backend-test-utils';
import {
  goRepo,
  startScanHarness,
  ScanHarness,
  TEST_TOKEN,
} from './__testUtils__/scanHarness';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const REF = 'component:default/payments';

let harness: ScanHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function start(
  options: Partial<Parameters<typeof startScanHarness>[0]> = {},
) {
  harness = await startScanHarness({
    knex: await databases.init('SQLITE_3'),
    repos: [goRepo('acme', 'payments')],
    ...options,
  });
  return harness;
}

describe('RepositoryScanner', () => {
  it('scans a repository with three requests plus its policy blobs', async () => {
    const h = await start();
    const outcome = await h.scanner.scan(h.entity('acme', 'payments'));

    expect(outcome).toMatchObject({ kind: 'scanned' });
    const result = await h.store.getEntityResult(REF);
    expect(result).toMatchObject({
      state: 'ok',
      repository: { owner: 'acme', name: 'payments' },
    });
    expect(result!.findings.length).toBeGreaterThan(10);
    // repo + ref + tree, then go.mod, workflow and Dockerfile (go.sum is never read).
    expect(outcome.kind === 'scanned' && outcome.cost).toEqual({
      requests: 6,
      rateLimitPoints: 6,
    });
    expect(h.simulator.stats.snapshot().rateLimitPointsSpent).toBe(6);
  });

  it('rescans an unchanged repository for no rate-limit points and skips the engine', async () => {
    const h = await start();
    await h.scanner.scan(h.entity('acme', 'payments'));
    h.simulator.stats.reset();

    const outcome = await h.scanner.scan(h.entity('acme', 'payments'));

    expect(outcome).toEqual({
      kind: 'unchanged',
      cost: { requests: 2, rateLimitPoints: 0 },
    });
    const stats = h.simulator.stats.snapshot();
    expect(stats.notModified).toBe(2);
    expect(stats.rateLimitPointsSpent).toBe(0);
    expect(await h.store.getHistory(REF)).toHaveLength(1);
  });

  it('reads only the blobs that changed after a push', async () => {
    const h = await start();
    await h.scanner.scan(h.entity('acme', 'payments'));
    h.simulator.repos.editFiles('acme', 'payments', {
      Dockerfile: 'FROM golang:latest\nRUN go build .\n',
    });
    h.simulator.stats.reset();

    const outcome = await h.scanner.scan(h.entity('acme', 'payments'));

    expect(outcome.kind).toBe('scanned');
    const byRoute = h.simulator.stats.snapshot().byRoute;
    expect(byRoute['GET /repos/{owner}/{repo}/git/blobs/{file_sha}']).toBe(1);
    expect(await h.store.getHistory(REF)).toHaveLength(2);
  });

  it('walks the relevant folders when GitHub truncates the recursive tree', async () => {
    const many = Object.fromEntries(
      Array.from({ length: 60 }, (_, i) => [
        `internal/pkg${i}/file.go`,
        'package x\n',
      ]),
    );
    const h = await start({
      repos: [
        goRepo('acme', 'payments', {
          ...many,
          'deploy/api/Dockerfile': 'FROM golang:1.23\nRUN go build .\n',
        }),
      ],
      simulator: { truncateTreesOver: 40 },
    });

    const outcome = await h.scanner.scan(h.entity('acme', 'payments'));

    expect(outcome.kind).toBe('scanned');
    const result = await h.store.getEntityResult(REF);
    const located = result!.findings.flatMap(f => f.locations.map(l => l.path));
    expect(located).toContain('deploy/api/Dockerfile');
  });

  it('treats a file over 1 MB as too large without downloading it', async () => {
    const huge = `FROM golang:1.23\n${'# padding line\n'.repeat(80_000)}`;
    const h = await start({
      repos: [goRepo('acme', 'payments', { 'build/Dockerfile': huge })],
    });

    const outcome = await h.scanner.scan(h.entity('acme', 'payments'));

    expect(outcome.kind).toBe('scanned');
    const byRoute = h.simulator.stats.snapshot().byRoute;
    expect(byRoute['GET /repos/{owner}/{repo}/git/blobs/{file_sha}']).toBe(3);
  });

  it('records a repository without go.mod, and an empty one, as not-go', async () => {
    const h = await start({
      repos: [
        {
          owner: 'acme',
          name: 'website',
          files: { 'index.html': '<html></html>' },
        },
        { owner: 'acme', name: 'fresh', files: {}, settings: { empty: true } },
      ],
    });

    expect(await h.scanner.scan(h.entity('acme', 'website'))).toMatchObject({
      kind: 'not-go',
    });
    expect(await h.scanner.scan(h.entity('acme', 'fresh'))).toMatchObject({
      kind: 'not-go',
    });
    expect(
      (await h.store.getEntityResult('component:default/fresh'))?.state,
    ).toBe('not-go');
  });

  it('scans an archived repository and marks it archived', async () => {
    const h = await start({
      repos: [{ ...goRepo('acme', 'payments'), settings: { archived: true } }],
    });

    await h.scanner.scan(h.entity('acme', 'payments'));

    expect((await h.store.getEntityResult(REF))?.repository?.archived).toBe(
      true,
    );
  });

  it('follows a renamed repository and records its new name', async () => {
    const h = await start();
    h.simulator.repos.rename('acme', 'payments', 'acme-platform/payments-api');

    const outcome = await h.scanner.scan(h.entity('acme', 'payments'));

    expect(outcome).toMatchObject({ kind: 'scanned' });
    expect((await h.store.getEntityResult(REF))?.repository).toMatchObject({
      owner: 'acme-platform',
      name: 'payments-api',
    });
  });

  it('keeps the last good result when the repository disappears or access is refused', async () => {
    const h = await start();
    await h.scanner.scan(h.entity('acme', 'payments'));
    h.simulator.repos.editFiles('acme', 'payments', {
      'go.mod': 'module x\n\ngo 1.23\n',
    });
    const fault = h.simulator.faults.inject({
      path: '/repos/acme/payments',
      status: 403,
    });

    const forbidden = await h.scanner.scan(h.entity('acme', 'payments'));
    expect(forbidden).toMatchObject({
      kind: 'failed',
      reason: expect.stringContaining('refused'),
    });
    h.simulator.faults.clear(fault);
    h.simulator.repos.remove('acme', 'payments');
    const missing = await h.scanner.scan(h.entity('acme', 'payments'));

    expect(missing).toMatchObject({
      kind: 'failed',
      reason: expect.stringContaining('not found'),
    });
    const result = await h.store.getEntityResult(REF);
    expect(result).toMatchObject({
      stale: true,
      staleReason: expect.stringContaining('not found'),
    });
    expect(result!.findings.length).toBeGreaterThan(0);
  });

  it('retries GitHub 5xx answers', async () => {
    const h = await start();
    h.simulator.faults.inject({
      path: '/repos/acme/payments/git/trees/**',
      status: 502,
      times: 2,
    });

    expect((await h.scanner.scan(h.entity('acme', 'payments'))).kind).toBe(
      'scanned',
    );
    expect(h.simulator.stats.snapshot().byStatus['502']).toBe(2);
  });

  it('waits out a short retry-after on 429 and 403 secondary limits', async () => {
    const h = await start();
    h.simulator.faults.inject({
      path: '/repos/acme/payments',
      status: 429,
      retryAfter: 1,
      times: 1,
    });
    h.simulator.faults.inject({
      path: '/repos/acme/payments/git/trees/**',
      status: 403,
      retryAfter: 1,
      times: 1,
    });
    const started = Date.now();

    expect((await h.scanner.scan(h.entity('acme', 'payments'))).kind).toBe(
      'scanned',
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
  });

  it('defers instead of waiting when retry-after is longer than allowed', async () => {
    const h = await start();
    h.simulator.faults.inject({
      path: '/repos/acme/payments',
      status: 429,
      retryAfter: 120,
    });

    const outcome = await h.scanner.scan(h.entity('acme', 'payments'));

    expect(outcome).toMatchObject({ kind: 'deferred', rateLimited: true });
    expect(outcome.kind === 'deferred' && outcome.retryAt).toBeGreaterThan(
      Date.now() + 100_000,
    );
    expect(
      (await h.store.getEntityResult(REF))?.state ?? 'never-scanned',
    ).not.toBe('failed');
  });

  it('never defers to a time already past when GitHub says retry-after: 0', async () => {
    const h = await start();
    h.simulator.faults.inject({
      path: '/repos/acme/payments',
      status: 429,
      retryAfter: 0,
    });

    const outcome = await h.scanner.scan(h.entity('acme', 'payments'));

    expect(outcome).toMatchObject({ kind: 'deferred', rateLimited: true });
    expect(
      outcome.kind === 'deferred' && outcome.retryAt,
    ).toBeGreaterThanOrEqual(Date.now() + 500);
  });

  it('stops at its share of the rate limit and resumes after the reset', async () => {
    const h = await start({
      repos: [goRepo('acme', 'a'), goRepo('acme', 'b')],
      simulator: { rateLimit: { limit: 20 } },
      share: 0.5,
    });
    expect((await h.scanner.scan(h.entity('acme', 'a'))).kind).toBe('scanned');
    h.simulator.faults.setRateLimit({
      token: '*',
      remaining: 11,
      resetInSeconds: 2,
    });
    expect((await h.scanner.scan(h.entity('acme', 'a'))).kind).toBe(
      'unchanged',
    );

    const stopped = await h.scanner.scan(h.entity('acme', 'b'));
    expect(stopped).toMatchObject({ kind: 'deferred', rateLimited: true });
    const spentBefore = h.simulator.stats.snapshot().rateLimitPointsSpent;
    expect(await h.scanner.scan(h.entity('acme', 'b'))).toMatchObject({
      kind: 'deferred',
    });
    expect(h.simulator.stats.snapshot().rateLimitPointsSpent).toBe(spentBefore);

    await new Promise(r => setTimeout(r, 2_200));
    expect((await h.scanner.scan(h.entity('acme', 'b'))).kind).toBe('scanned');
  });

  it('honours x-ratelimit-reset when GitHub answers that the limit is spent', async () => {
    const h = await start({ share: 1 });
    h.simulator.faults.setRateLimit({
      token: TEST_TOKEN,
      remaining: 0,
      resetInSeconds: 2,
    });

    const stopped = await h.scanner.scan(h.entity('acme', 'payments'));

    expect(stopped).toMatchObject({ kind: 'deferred', rateLimited: true });
    const retryAt = stopped.kind === 'deferred' ? stopped.retryAt : 0;
    expect(retryAt).toBeGreaterThan(Date.now());
    expect(retryAt).toBeLessThan(Date.now() + 3_000);
    await new Promise(r =>
      setTimeout(r, Math.max(0, retryAt - Date.now()) + 200),
    );
    expect((await h.scanner.scan(h.entity('acme', 'payments'))).kind).toBe(
      'scanned',
    );
  });

  it('never writes the token into results, failures or logs', async () => {
    const h = await start();
    h.simulator.faults.inject({
      path: '/repos/acme/payments',
      status: 403,
      body: { message: `Resource not accessible with token ${TEST_TOKEN}` },
    });

    const outcome = await h.scanner.scan(h.entity('acme', 'payments'));

    expect(outcome.kind).toBe('failed');
    const everything = JSON.stringify([
      outcome,
      await h.store.getEntityResult(REF),
      h.logger.info.mock.calls,
      h.logger.warn.mock.calls,
      h.logger.error.mock.calls,
    ]);
    expect(everything).toContain('Resource not accessible');
    expect(everything).not.toContain(TEST_TOKEN);
  });

  it('scans only the module of a monorepo service, with the shared workflows', async () => {
    const h = await start({
      repos: [
        {
          owner: 'acme',
          name: 'mono',
          files: {
            ...Object.fromEntries(
              Object.entries(goRepo('acme', 'x').files).map(([p, c]) =>
                p.startsWith('.github/') ? [p, c] : [`services/api/${p}`, c],
              ),
            ),
            'services/web/Dockerfile':
              'FROM golang:latest\nCOPY . .\nRUN go build .\n',
            'services/web/go.mod': 'module web\n\ngo 1.23\n',
          },
        },
      ],
    });

    await h.scanner.scan(
      h.entity('acme', 'mono', {
        'go-build-policy/module-root': 'services/api/',
      }),
    );

    const result = await h.store.getEntityResult('component:default/mono');
    const located = result!.findings.flatMap(f => f.locations.map(l => l.path));
    expect(result?.repository?.moduleRoot).toBe('services/api');
    expect(located.some(p => p.startsWith('services/web/'))).toBe(false);
  });

  it('records an entity without a GitHub source as no-source', async () => {
    const h = await start();
    const entity = h.entity('acme', 'payments');
    entity.metadata.annotations = {
      'backstage.io/source-location':
        'url:https://gitlab.example.com/acme/payments',
    };

    expect(await h.scanner.scan(entity)).toMatchObject({ kind: 'no-source' });
    expect((await h.store.getEntityResult(REF))?.state).toBe('no-source');
  });

  it('learns private modules from the organisation when enabled', async () => {
    const requiresKit = {
      'go.mod':
        'module ghe.example.test/acme/payments\n\ngo 1.23.4\n\nrequire ghe.example.test/acme/platform-kit v0.4.2\n',
      'go.sum': 'ghe.example.test/acme/platform-kit v0.4.2 h1:abc=\n',
    };
    const repos = [
      goRepo('acme', 'payments', requiresKit),
      { ...goRepo('acme', 'platform-kit'), settings: { private: true } },
    ];
    const verdict = async (learnPrivateModules: boolean) => {
      const h = await start({ repos, learnPrivateModules });
      await h.scanner.scan(h.entity('acme', 'payments'));
      const result = await h.store.getEntityResult(REF);
      await h.close();
      harness = undefined;
      return result!.findings.find(f => f.ruleId === 'private-goprivate')
        ?.status;
    };

    expect(await verdict(false)).toBe('not-applicable');
    expect(await verdict(true)).toBe('fail');
  });
});
