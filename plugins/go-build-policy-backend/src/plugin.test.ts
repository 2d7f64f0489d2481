import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import type { SchedulerServiceTaskInvocationDefinition } from '@backstage/backend-plugin-api';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { startGithubSimulator } from '@go-build-policy/github-simulator';
import { createHmac } from 'node:crypto';
import request from 'supertest';
import { goBuildPolicyPlugin } from './plugin';
import {
  entityFor,
  goRepo,
  TEST_HOST,
  TEST_TOKEN,
} from './scanning/__testUtils__/scanHarness';
import { SWEEP_TASK_ID } from './scheduling/createScanService';
import { ScanQueue } from './scheduling/ScanQueue';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const SECRET = 'push-secret';

describe('goBuildPolicyPlugin', () => {
  it('serves the signed GitHub webhook without Backstage credentials and queues the pushed entity', async () => {
    const simulator = await startGithubSimulator({
      repos: [goRepo('acme', 'payments')],
    });
    const knex = await databases.init('SQLITE_3');
    const tasks = new Map<string, SchedulerServiceTaskInvocationDefinition>();
    const backend = await startTestBackend({
      features: [
        goBuildPolicyPlugin,
        catalogServiceMock.factory({
          entities: [
            entityFor('payments', {
              'github.com/project-slug': 'acme/payments',
              'backstage.io/source-location': `url:https://${TEST_HOST}/acme/payments/tree/main/`,
            }),
          ],
        }),
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
                {
                  host: TEST_HOST,
                  apiBaseUrl: simulator.apiBaseUrl,
                  token: TEST_TOKEN,
                },
              ],
            },
            goBuildPolicy: { webhook: { secret: SECRET } },
          },
        }),
      ],
    });
    try {
      await tasks.get(SWEEP_TASK_ID)!.fn(new AbortController().signal);
      const queue = new ScanQueue(knex);
      await knex('gbp_scan_queue').delete();
      const body = JSON.stringify({
        ref: 'refs/heads/main',
        repository: {
          name: 'payments',
          owner: { login: 'acme' },
          default_branch: 'main',
          html_url: `https://${TEST_HOST}/acme/payments`,
        },
      });
      const signature = `sha256=${createHmac('sha256', SECRET)
        .update(body)
        .digest('hex')}`;

      const res = await request(backend.server)
        .post('/api/go-build-policy/webhooks/github')
        .set('content-type', 'application/json')
        .set('x-github-event', 'push')
        .set('x-hub-signature-256', signature)
        .send(body);

      expect(res.status).toBe(202);
      expect((await queue.pending()).map(p => p.entityRef)).toEqual([
        'component:default/payments',
      ]);
    } finally {
      await backend.stop();
      await simulator.close();
    }
  });
});
