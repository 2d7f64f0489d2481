import { sampleRepos } from '../__testUtils__/sampleRepos';
import { GithubSimulator, startGithubSimulator } from './startGithubSimulator';

describe('faults and repository changes', () => {
  let simulator: GithubSimulator;
  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${simulator.apiBaseUrl}${path}`, {
      headers: { authorization: 'token t', ...headers },
      redirect: 'manual',
    });
  const control = (method: string, path: string, body?: unknown) =>
    fetch(`${simulator.baseUrl}/_simulator${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  beforeEach(async () => {
    simulator = await startGithubSimulator({ repos: sampleRepos() });
  });
  afterEach(() => simulator.close());

  it('answers an injected 502 for N requests, then recovers', async () => {
    simulator.faults.inject({
      path: '/repos/acme/*/git/trees/**',
      status: 502,
      times: 2,
    });
    expect((await get('/repos/acme/orders/git/trees/main')).status).toBe(502);
    expect((await get('/repos/acme/orders/git/trees/main')).status).toBe(502);
    expect((await get('/repos/acme/orders/git/trees/main')).status).toBe(200);
    expect(simulator.stats.snapshot().faultsServed).toBe(2);
  });

  it('answers 429 with retry-after and a secondary-rate-limit body', async () => {
    simulator.faults.inject({ path: '/repos/**', status: 429, retryAfter: 7 });
    const response = await get('/repos/acme/orders');
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
    expect((await response.json()).message).toMatch(/secondary rate limit/);
  });

  it('reads a 403 with retry-after as a secondary limit, and only for the matching method', async () => {
    simulator.faults.inject({
      method: 'GET',
      path: '/repos/acme/orders',
      status: 403,
      retryAfter: 1,
    });
    const response = await get('/repos/acme/orders');
    expect(response.status).toBe(403);
    expect((await response.json()).message).toMatch(/secondary rate limit/);
    expect((await get('/repos/acme/assets')).status).toBe(200);
  });

  it('keeps a fault until cleared when no count is given', async () => {
    const id = simulator.faults.inject({
      path: '/repos/acme/orders',
      status: 404,
    });
    expect((await get('/repos/acme/orders')).status).toBe(404);
    expect((await get('/repos/acme/orders')).status).toBe(404);
    simulator.faults.clear(id);
    expect((await get('/repos/acme/orders')).status).toBe(200);
  });

  it('adds latency globally and per route', async () => {
    simulator.faults.addLatency({ path: '/repos/acme/orders', ms: 150 });
    let started = Date.now();
    await get('/repos/acme/orders');
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    started = Date.now();
    await get('/repos/acme/assets');
    expect(Date.now() - started).toBeLessThan(140);
    simulator.faults.setLatency(100);
    started = Date.now();
    await get('/repos/acme/assets');
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
  });

  it('truncates recursive trees above the limit', async () => {
    simulator.faults.truncateTreesOver(3);
    const tree = await (
      await get('/repos/acme/orders/git/trees/main?recursive=1')
    ).json();
    expect(tree.truncated).toBe(true);
    expect(tree.tree).toHaveLength(3);
    simulator.faults.truncateTreesOver(undefined);
    const full = await (
      await get('/repos/acme/orders/git/trees/main?recursive=1')
    ).json();
    expect(full.truncated).toBe(false);
    expect(full.tree.length).toBeGreaterThan(3);
  });

  it('truncates per repository from its settings', async () => {
    const small = await startGithubSimulator({
      repos: [
        {
          owner: 'o',
          name: 'r',
          files: { a: '1', b: '2', 'c/d': '3' },
          settings: { truncateTreesOver: 2 },
        },
      ],
    });
    try {
      const tree = await (
        await fetch(`${small.apiBaseUrl}/repos/o/r/git/trees/HEAD?recursive=1`)
      ).json();
      expect(tree).toMatchObject({ truncated: true });
    } finally {
      await small.close();
    }
  });

  it('renames a repository so the old name answers 301', async () => {
    simulator.repos.rename('acme', 'orders', 'acme/order-service');
    const moved = await get('/repos/acme/orders/git/trees/main?recursive=1');
    expect(moved.status).toBe(301);
    const target = moved.headers.get('location')!;
    expect(target).toMatch(
      /\/repositories\/\d+\/git\/trees\/main\?recursive=1$/,
    );
    const followed = await fetch(target, {
      headers: { authorization: 'token t' },
    });
    expect(followed.status).toBe(200);
  });

  it('archives, empties and deletes repositories', async () => {
    simulator.repos.archive('acme', 'orders');
    expect((await (await get('/repos/acme/orders')).json()).archived).toBe(
      true,
    );
    simulator.repos.empty('acme', 'orders');
    const empty = await get('/repos/acme/orders/commits?per_page=1');
    expect(empty.status).toBe(409);
    expect((await empty.json()).message).toBe('Git Repository is empty.');
    simulator.repos.remove('acme', 'orders');
    expect((await get('/repos/acme/orders')).status).toBe(404);
  });

  it('drives the same changes through the control API', async () => {
    const created = await control('POST', '/faults', {
      path: '/rate_limit',
      status: 503,
      times: 1,
    });
    expect(created.status).toBe(201);
    expect((await get('/rate_limit')).status).toBe(503);

    const commit = await control('POST', '/repos/acme/orders/commits', {
      files: {
        'go.mod': 'module github.com/acme/orders\n\ngo 1.24\n',
        Dockerfile: null,
      },
      message: 'Bump Go',
    });
    const { sha } = await commit.json();
    const head = await (await get('/repos/acme/orders/commits/main')).json();
    expect(head.sha).toBe(sha);
    expect(head.parents).toHaveLength(1);
    expect((await get('/repos/acme/orders/contents/Dockerfile')).status).toBe(
      404,
    );

    await control('PATCH', '/repos/acme/orders', {
      archived: true,
      renamedTo: 'acme/orders-v2',
    });
    expect((await get('/repos/acme/orders')).status).toBe(301);
    expect((await (await get('/repos/acme/orders-v2')).json()).archived).toBe(
      true,
    );

    await control('PUT', '/rate-limit', { token: 't', remaining: 0 });
    expect((await get('/repos/acme/orders-v2')).status).toBe(403);
    await control('POST', '/reset');
    expect((await get('/repos/acme/orders-v2')).status).toBe(200);

    const stats = await (await control('GET', '/stats')).json();
    expect(stats.requests).toBe(1);
  });

  it('rejects malformed control requests with 400', async () => {
    expect((await control('POST', '/faults', { path: '/x' })).status).toBe(400);
    const broken = await fetch(`${simulator.baseUrl}/_simulator/faults`, {
      method: 'POST',
      body: '{nope',
    });
    expect(broken.status).toBe(400);
    expect((await control('DELETE', '/repos/acme/unknown')).status).toBe(404);
  });
});
