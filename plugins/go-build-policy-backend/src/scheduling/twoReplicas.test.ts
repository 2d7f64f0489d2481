import {
  mockServices,
  startTestBackend,
  TestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import type { SchedulerServiceTaskInvocationDefinition } from '@backstage/backend-plugin-api';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  GithubSimulator,
  startGithubSimulator,
} from '@go-build-policy/github-simulator';
import { Knex } from 'knex';
import { goBuildPolicyPlugin } from '../plugin';
import { DatabaseScanStore } from '../database/DatabaseScanStore';
import {
  entityFor,
  goRepo,
  TEST_HOST,
  TEST_TOKEN,
} from '../scanning/__testUtils__/scanHarness';
import { SWEEP_TASK_ID, WORKER_TASK_ID } from './createScanService';
import { ScanQueue } from './ScanQueue';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
const REPOS = 24;
/** Each replica has its own token, so the simulator shows who did the work. */
const TOKEN_B = 'ghp_Rep2B0123456789abcdefghijklmnopqrstu';

/** One replica: a full test backend whose scheduler hands us the tasks to run. */
async function startReplica(
  knex: Knex,
  simulator: GithubSimulator,
  token: string,
) {
  const tasks = new Map<string, SchedulerServiceTaskInvocationDefinition>();
  const entities = Array.from({ length: REPOS }, (_, i) =>
    entityFor(`svc-${i}`, {
      'github.com/project-slug': `acme/svc-${i}`,
      'backstage.io/source-location': `url:https://${TEST_HOST}/acme/svc-${i}/tree/main/`,
    }),
  );
  const backend = await startTestBackend({
    features: [
      goBuildPolicyPlugin,
      catalogServiceMock.factory({ entities }),
      mockServices.database.factory({ knex }),
      mockServices.scheduler.mock({
        async scheduleTask(task) {
          tasks.set(task.id, task);
        },
      }).factory,
      mockServices.rootConfig.factory({
        data: {
          integrations: {
            github: [
              { host: TEST_HOST, apiBaseUrl: simulator.apiBaseUrl, token },
            ],
          },
          goBuildPolicy: { concurrency: 3, queue: { leaseSeconds: 2 } },
        },
      }),
    ],
  });
  const run = (id: string) => tasks.get(id)!.fn(new AbortController().signal);
  return { backend, run };
}

describe.each(databases.eachSupportedId())(
  'two replicas on one %s database',
  id => {
    let simulator: GithubSimulator;
    const backends: TestBackend[] = [];

    beforeEach(async () => {
      simulator = await startGithubSimulator({
        repos: Array.from({ length: REPOS }, (_, i) =>
          goRepo('acme', `svc-${i}`),
        ),
        tokens: [TEST_TOKEN, TOKEN_B],
        latencyMs: 15,
      });
    });

    afterEach(async () => {
      await Promise.all(backends.splice(0).map(b => b.stop().catch(() => {})));
      await simulator.close();
    });

    it('scans every repository once, and finishes the work of a replica that died', async () => {
      const knex = await databases.init(id);
      const a = await startReplica(knex, simulator, TEST_TOKEN);
      backends.push(a.backend);
      const b = await startReplica(knex, simulator, TOKEN_B);
      backends.push(b.backend);

      // The global sweep runs on one replica; it fills the shared queue.
      await a.run(SWEEP_TASK_ID);
      // A third replica claims two rows and dies without finishing them.
      const crashed = await new ScanQueue(knex).claim(
        'crashed-replica',
        2,
        1_500,
      );
      expect(crashed).toHaveLength(2);

      // Both replicas drain at once; A is shut down while it is still scanning.
      const drainA = a.run(WORKER_TASK_ID);
      const drainB = b.run(WORKER_TASK_ID);
      await new Promise(r => setTimeout(r, 150));
      await a.backend.stop();
      backends.shift();
      await Promise.all([drainA, drainB]);

      // Once the dead replica's leases expire, B's next poll takes its rows over.
      await new Promise(r => setTimeout(r, 1_600));
      await b.run(WORKER_TASK_ID);

      const store = await DatabaseScanStore.create({
        database: mockServices.database({ knex }),
        skipMigrations: true,
      });
      for (let i = 0; i < REPOS; i++) {
        const ref = `component:default/svc-${i}`;
        expect({ ref, scans: (await store.getHistory(ref)).length }).toEqual({
          ref,
          scans: 1,
        });
      }
      const byToken = simulator.stats.snapshot().byToken;
      // The simulator labels a token by its first 8 characters.
      expect(byToken[`${TEST_TOKEN.slice(0, 8)}…`] ?? 0).toBeGreaterThan(0);
      expect(byToken[`${TOKEN_B.slice(0, 8)}…`] ?? 0).toBeGreaterThan(0);
      const trees =
        simulator.stats.snapshot().byRoute[
          'GET /repos/{owner}/{repo}/git/trees/{+tree_sha}'
        ];
      expect(trees).toBe(REPOS);
      expect(await new ScanQueue(knex).pending()).toEqual([]);
    });
  },
);
