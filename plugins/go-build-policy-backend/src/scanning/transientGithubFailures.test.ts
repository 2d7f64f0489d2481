import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import { CacheManager } from '@backstage/backend-defaults/cache';
import { ConfigReader } from '@backstage/config';
import {
  GithubSimulator,
  startGithubSimulator,
} from '@go-build-policy/github-simulator';
import { generateKeyPairSync } from 'node:crypto';
import { DatabaseScanStore } from '../database/DatabaseScanStore';
import { GithubClients } from '../github/GithubClients';
import {
  entityFor,
  goRepo,
  ScanHarness,
  startScanHarness,
  TEST_HOST,
} from './__testUtils__/scanHarness';
import { RepositoryScanner } from './RepositoryScanner';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const REF = 'component:default/payments';
const fastRetries = { retryBaseDelayMs: 5, maxRetryAfterMs: 2_000 };

describe('transient GitHub failures outside the repository reads', () => {
  let harness: ScanHarness | undefined;
  let simulator: GithubSimulator | undefined;
  afterEach(async () => {
    await harness?.close();
    await simulator?.close();
    harness = undefined;
    simulator = undefined;
  });

  it('defers the scan when the private modules cannot be learned, instead of scoring without them', async () => {
    harness = await startScanHarness({
      knex: await databases.init('SQLITE_3'),
      repos: [goRepo('acme', 'payments')],
      learnPrivateModules: true,
    });
    const faultId = harness.simulator.faults.inject({
      path: '/orgs/acme/repos',
      status: 502,
    });

    const outcome = await harness.scanner.scan(
      harness.entity('acme', 'payments'),
    );

    expect(outcome).toMatchObject({ kind: 'deferred', rateLimited: false });
    expect(await harness.store.getEntityResult(REF)).toBeUndefined();

    harness.simulator.faults.clear(faultId);
    expect(
      await harness.scanner.scan(harness.entity('acme', 'payments')),
    ).toMatchObject({ kind: 'scanned' });
  });

  it('defers a rate-limited read of the private modules without giving up', async () => {
    harness = await startScanHarness({
      knex: await databases.init('SQLITE_3'),
      repos: [goRepo('acme', 'payments')],
      learnPrivateModules: true,
      requestPolicy: { maxRetryAfterMs: 10 },
    });
    harness.simulator.faults.inject({
      path: '/orgs/acme/repos',
      status: 429,
      retryAfter: 120,
    });

    const outcome = await harness.scanner.scan(
      harness.entity('acme', 'payments'),
    );

    expect(outcome).toMatchObject({ kind: 'deferred', rateLimited: true });
    expect(outcome.kind === 'deferred' && outcome.retryAt).toBeGreaterThan(
      Date.now() + 100_000,
    );
  });

  it('defers the scan when a GitHub App installation token cannot be renewed', async () => {
    simulator = await startGithubSimulator({
      repos: [goRepo('acme', 'payments')],
    });
    const { privateKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    const config = new ConfigReader({
      integrations: {
        github: [
          {
            host: TEST_HOST,
            apiBaseUrl: simulator.apiBaseUrl,
            apps: [
              {
                appId: 4242,
                privateKey,
                clientId: 'client',
                clientSecret: 'secret',
                webhookSecret: 'hook',
              },
            ],
          },
        ],
      },
    });
    const cache = CacheManager.fromConfig(config).forPlugin('go-build-policy');
    const store = await DatabaseScanStore.create({
      database: mockServices.database({
        knex: await databases.init('SQLITE_3'),
      }),
    });
    const scanner = new RepositoryScanner({
      clients: new GithubClients({
        config,
        cache,
        logger: mockServices.logger.mock(),
        rateLimitShare: 1,
        requestPolicy: fastRetries,
      }),
      cache,
      store,
      logger: mockServices.logger.mock(),
      settings: {},
      extraRules: () => [],
      learnPrivateModules: false,
    });
    const entity = entityFor('payments', {
      'github.com/project-slug': 'acme/payments',
      'backstage.io/source-location': `url:https://${TEST_HOST}/acme/payments/tree/main/`,
    });
    const faultId = simulator.faults.inject({
      method: 'POST',
      path: '/app/installations/*/access_tokens',
      status: 503,
    });

    const outcome = await scanner.scan(entity);

    expect(outcome).toMatchObject({ kind: 'deferred', rateLimited: false });
    expect((await store.getEntityResult(REF))?.state).not.toBe('failed');

    simulator.faults.clear(faultId);
    expect(await scanner.scan(entity)).toMatchObject({ kind: 'scanned' });
  });
});
