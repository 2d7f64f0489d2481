import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import express from 'express';
import fs from 'node:fs';
import { ScanStore } from '../database/ScanStore';
import { API_ROUTES, createRouter } from '../service/router';
import {
  exportQuerySchema,
  filterSchema,
  historyQuerySchema,
  repositoriesQuerySchema,
  summaryQuerySchema,
} from '../service/validation';

const specText = fs.readFileSync(
  resolvePackagePath(
    '@go-build-policy/plugin-go-build-policy-backend',
    'src/schema/openapi.yaml',
  ),
  'utf8',
);

/**
 * Operations of the spec with their parameter names, read from its layout (paths at two
 * spaces, methods at four; parameters inline or as component refs named like the key).
 */
function specOperations(): Map<string, string[]> {
  const operations = new Map<string, string[]>();
  const lines = specText.split('\n');
  const start = lines.indexOf('paths:');
  let path = '';
  let current: string[] | undefined;
  for (const line of lines.slice(start + 1)) {
    const pathMatch = /^ {2}(\/\S*):$/.exec(line);
    const methodMatch = /^ {4}(get|post|put|patch|delete):$/.exec(line);
    const refMatch = /\$ref: '#\/components\/parameters\/(\w+)'/.exec(line);
    const nameMatch = /^ {8}- name: (\w+)$/.exec(line);
    if (pathMatch) path = pathMatch[1];
    else if (methodMatch) {
      current = [];
      operations.set(`${methodMatch[1].toUpperCase()} ${path}`, current);
    } else if (refMatch) current?.push(refMatch[1]);
    else if (nameMatch) current?.push(nameMatch[1]);
  }
  return operations;
}

const PATH_PARAMS = new Set(['kind', 'namespace', 'name', 'dimension']);

function queryParams(operation: string): string[] {
  return (specOperations().get(operation) ?? [])
    .filter(p => !PATH_PARAMS.has(p))
    .sort();
}

describe('openapi.yaml', () => {
  it('describes exactly the routes the router serves', async () => {
    const router = await createRouter({
      logger: mockServices.logger.mock(),
      store: {} as ScanStore,
      httpAuth: mockServices.httpAuth(),
      permissions: mockServices.permissions(),
      scanRequester: {
        requestScan: async entityRef => ({ status: 'queued', entityRef }),
      },
      webhookHandler: (_req, res) => {
        res.end();
      },
    });
    const served = (router as express.Router).stack
      .filter(layer => layer.route)
      .flatMap(layer => {
        const route = layer.route as unknown as {
          path: string;
          methods: Record<string, boolean>;
        };
        const path = route.path.replace(/:(\w+)/g, '{$1}');
        return Object.keys(route.methods).map(
          m => `${m.toUpperCase()} ${path}`,
        );
      })
      .sort();
    expect(served).toEqual([...API_ROUTES].sort());
    expect([...specOperations().keys()].sort()).toEqual(served);
  });

  it('declares the query parameters the router validates', () => {
    const keys = (schema: { shape: object }) =>
      Object.keys(schema.shape).sort();
    expect(queryParams('GET /repositories')).toEqual(
      keys(repositoriesQuerySchema),
    );
    expect(queryParams('GET /summary')).toEqual(keys(summaryQuerySchema));
    expect(queryParams('GET /groups/{dimension}')).toEqual(keys(filterSchema));
    expect(queryParams('GET /export')).toEqual(keys(exportQuerySchema));
    expect(
      queryParams('GET /entities/{kind}/{namespace}/{name}/history'),
    ).toEqual(keys(historyQuerySchema));
  });
});
