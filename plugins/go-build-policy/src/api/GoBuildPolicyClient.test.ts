import { ResponseError } from '@backstage/errors';
import { GoBuildPolicyClient, toSearchParams } from './GoBuildPolicyClient';

function clientAnswering(status: number, body: unknown) {
  const urls: string[] = [];
  const methods: string[] = [];
  const bodies: unknown[] = [];
  const client = new GoBuildPolicyClient({
    discoveryApi: {
      getBaseUrl: async (id: string) => `http://backend.test/api/${id}`,
    },
    fetchApi: {
      fetch: async (input: any, init?: RequestInit) => {
        urls.push(String(input));
        methods.push(init?.method ?? 'GET');
        bodies.push(init?.body ? JSON.parse(String(init.body)) : undefined);
        const text = typeof body === 'string' ? body : JSON.stringify(body);
        return new Response(text, {
          status,
          headers: {
            'content-type':
              typeof body === 'string' ? 'text/csv' : 'application/json',
          },
        });
      },
    },
  });
  return { client, urls, methods, bodies };
}

describe('GoBuildPolicyClient', () => {
  it('repeats list filters as the OpenAPI document declares (form, explode)', () => {
    const params = toSearchParams({
      owner: ['group:default/a', 'group:default/b'],
      level: ['gold'],
      q: '',
      limit: 25,
    });
    expect(params.getAll('owner')).toEqual([
      'group:default/a',
      'group:default/b',
    ]);
    expect(params.has('q')).toBe(false);
    expect(params.get('limit')).toBe('25');
  });

  it('reads an entity result at /entities/{kind}/{namespace}/{name}', async () => {
    const { client, urls } = clientAnswering(200, {
      entityRef: 'component:default/payments',
      state: 'ok',
      stale: false,
      findings: [],
      failingRuleIds: [],
      commit: 'abc',
    });
    const result = await client.getEntityResult('component:default/payments');
    expect(urls).toEqual([
      'http://backend.test/api/go-build-policy/entities/component/default/payments',
    ]);
    expect(result.commit).toBe('abc');
  });

  it('treats a 404 for an entity as never scanned', async () => {
    const { client } = clientAnswering(404, {
      error: { name: 'NotFoundError', message: 'nope' },
    });
    const result = await client.getEntityResult('component:default/x');
    expect(result.state).toBe('never-scanned');
    expect(result.findings).toEqual([]);
  });

  it('throws a ResponseError carrying the server error on other statuses', async () => {
    const { client } = clientAnswering(403, {
      error: { name: 'NotAllowedError', message: 'not for you' },
      response: { statusCode: 403 },
    });
    const error = await client.getRules().catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect((error as ResponseError).response.status).toBe(403);
    expect((error as ResponseError).cause?.message).toBe('not for you');
  });

  it('unwraps the items envelope of history, rules and groups', async () => {
    const { client, urls } = clientAnswering(200, {
      entityRef: 'component:default/p',
      dimension: 'owner',
      items: [{ key: 'group:default/a' }],
    });
    expect(await client.getHistory('component:default/p', 30)).toHaveLength(1);
    expect(await client.getGroups('owner', { level: ['gold'] })).toHaveLength(
      1,
    );
    expect(urls).toEqual([
      'http://backend.test/api/go-build-policy/entities/component/default/p/history?limit=30',
      'http://backend.test/api/go-build-policy/groups/owner?level=gold',
    ]);
  });

  it('pages repositories with limit and offset and passes sort', async () => {
    const { client, urls } = clientAnswering(200, {
      items: [],
      total: 0,
      limit: 25,
      offset: 50,
    });
    await client.listRepositories({
      owner: ['group:default/a'],
      sort: 'score',
      order: 'desc',
      limit: 25,
      offset: 50,
    });
    const url = new URL(urls[0]);
    expect(url.pathname).toBe('/api/go-build-policy/repositories');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      owner: 'group:default/a',
      sort: 'score',
      order: 'desc',
      limit: '25',
      offset: '50',
    });
  });

  it('asks the summary for a trend window', async () => {
    const { client, urls } = clientAnswering(200, { entities: 0 });
    await client.getSummary({ q: 'pay' }, { trendDays: 60 });
    expect(urls[0]).toBe(
      'http://backend.test/api/go-build-policy/summary?q=pay&trendDays=60',
    );
  });

  it('exports the filtered selection without paging', async () => {
    const { client, urls } = clientAnswering(200, 'entityRef,score\n');
    const blob = await client.exportRepositories('csv', {
      owner: ['group:default/a'],
      limit: 25,
      offset: 25,
      sort: 'name',
    });
    expect(await blob.text()).toBe('entityRef,score\n');
    const url = new URL(urls[0]);
    expect(url.pathname).toBe('/api/go-build-policy/export');
    expect(url.searchParams.get('format')).toBe('csv');
    expect(url.searchParams.get('owner')).toBe('group:default/a');
    expect(url.searchParams.has('limit')).toBe(false);
    expect(url.searchParams.has('offset')).toBe(false);
  });

  it('posts a rescan', async () => {
    const { client, urls, methods } = clientAnswering(202, {
      entityRef: 'component:default/p',
      state: 'queued',
    });
    await client.requestRescan('component:default/p');
    expect(methods).toEqual(['POST']);
    expect(urls[0]).toMatch(/\/entities\/component\/default\/p\/rescan$/);
  });

  it('reads the capabilities', async () => {
    const { client, urls } = clientAnswering(200, {
      waivers: { maxDays: 90 },
      pullRequests: { enabled: false },
    });
    const capabilities = await client.getCapabilities();
    expect(capabilities.waivers.maxDays).toBe(90);
    expect(urls).toEqual([
      'http://backend.test/api/go-build-policy/capabilities',
    ]);
  });

  it("lists an entity's waivers from the items envelope", async () => {
    const { client, urls } = clientAnswering(200, {
      items: [{ id: 'w1', ruleId: 'ci-module-cache' }],
    });
    const waivers = await client.listEntityWaivers('component:default/p');
    expect(waivers.map(w => w.id)).toEqual(['w1']);
    expect(urls[0]).toBe(
      'http://backend.test/api/go-build-policy/entities/component/default/p/waivers',
    );
  });

  it('posts a waiver as JSON and answers the created waiver', async () => {
    const { client, urls, methods, bodies } = clientAnswering(201, {
      id: 'w2',
      state: 'active',
    });
    const request = {
      ruleId: 'ci-module-cache',
      reason: 'Migrating CI this quarter',
      expiresAt: '2027-01-01T00:00:00.000Z',
    };
    const waiver = await client.createWaiver('component:default/p', request);
    expect(waiver.id).toBe('w2');
    expect(methods).toEqual(['POST']);
    expect(bodies).toEqual([request]);
    expect(urls[0]).toMatch(/\/entities\/component\/default\/p\/waivers$/);
  });

  it("carries the server's message when a waiver is refused", async () => {
    const { client } = clientAnswering(409, {
      error: { name: 'ConflictError', message: 'ci-module-cache is waived' },
      response: { statusCode: 409 },
    });
    const error = await client
      .createWaiver('component:default/p', {
        ruleId: 'ci-module-cache',
        reason: 'r',
        expiresAt: '2027-01-01T00:00:00.000Z',
      })
      .catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect((error as ResponseError).cause.message).toBe(
      'ci-module-cache is waived',
    );
  });

  it('revokes a waiver with DELETE on its id', async () => {
    const { client, urls, methods } = clientAnswering(200, {
      id: 'w/1',
      state: 'revoked',
    });
    const waiver = await client.revokeWaiver('component:default/p', 'w/1');
    expect(waiver.state).toBe('revoked');
    expect(methods).toEqual(['DELETE']);
    expect(urls[0]).toMatch(
      /\/entities\/component\/default\/p\/waivers\/w%2F1$/,
    );
  });

  it('lists org waivers with state, expiry and scorecard filters', async () => {
    const { client, urls } = clientAnswering(200, {
      items: [],
      total: 0,
      limit: 25,
      offset: 0,
    });
    await client.listWaivers({
      state: ['active'],
      expiresBefore: '2026-12-12T00:00:00.000Z',
      owner: ['group:default/a'],
      limit: 25,
      offset: 0,
    });
    const url = new URL(urls[0]);
    expect(url.pathname).toBe('/api/go-build-policy/waivers');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      state: 'active',
      expiresBefore: '2026-12-12T00:00:00.000Z',
      owner: 'group:default/a',
      limit: '25',
      offset: '0',
    });
  });

  it('pages triage under the filters, leaving the order to the server', async () => {
    const { client, urls } = clientAnswering(200, {
      items: [],
      total: 0,
      limit: 25,
      offset: 25,
    });
    await client.getTriage({
      severity: ['error'],
      sort: 'name',
      order: 'asc',
      limit: 25,
      offset: 25,
    });
    const url = new URL(urls[0]);
    expect(url.pathname).toBe('/api/go-build-policy/triage');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      severity: 'error',
      limit: '25',
      offset: '25',
    });
  });

  it('posts a fix pull request for a rule', async () => {
    const { client, urls, methods } = clientAnswering(201, {
      number: 7,
      url: 'https://github.com/acme/p/pull/7',
    });
    const pr = await client.openFixPullRequest(
      'component:default/p',
      'docker-mod-download-layer',
    );
    expect(pr.number).toBe(7);
    expect(methods).toEqual(['POST']);
    expect(urls[0]).toMatch(
      /\/entities\/component\/default\/p\/fixes\/docker-mod-download-layer\/pull-request$/,
    );
  });
});
