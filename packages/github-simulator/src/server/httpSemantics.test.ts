import { sampleRepos } from '../__testUtils__/sampleRepos';
import { GithubSimulator, startGithubSimulator } from './startGithubSimulator';

describe('HTTP semantics', () => {
  let simulator: GithubSimulator;
  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${simulator.apiBaseUrl}${path}`, { headers, redirect: 'manual' });
  const authed = (token: string, extra: Record<string, string> = {}) => ({
    authorization: `token ${token}`,
    ...extra,
  });

  beforeEach(async () => {
    simulator = await startGithubSimulator({
      repos: sampleRepos(),
      rateLimit: { limit: 5 },
    });
  });
  afterEach(() => simulator.close());

  it('answers 304 with no body to a matching If-None-Match and spends no point when authenticated', async () => {
    const first = await get('/repos/acme/orders', authed('a'));
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[0-9a-f]{40}"$/);
    expect(first.headers.get('x-ratelimit-remaining')).toBe('4');
    const second = await get(
      '/repos/acme/orders',
      authed('a', { 'if-none-match': etag }),
    );
    expect(second.status).toBe(304);
    expect(await second.text()).toBe('');
    expect(second.headers.get('x-ratelimit-remaining')).toBe('4');
    expect(simulator.stats.snapshot()).toMatchObject({
      notModified: 1,
      rateLimitPointsSpent: 1,
    });
  });

  it('spends a point for an anonymous 304, as GitHub does', async () => {
    const first = await get('/repos/acme/orders');
    await get('/repos/acme/orders', {
      'if-none-match': first.headers.get('etag')!,
    });
    expect(simulator.stats.snapshot().rateLimitPointsSpent).toBe(2);
  });

  it('changes the ETag and the tree id when a file changes, and only then', async () => {
    const tree = async () =>
      (
        await (
          await get(
            '/repos/acme/orders/git/trees/main?recursive=1',
            authed('a'),
          )
        ).json()
      ).sha;
    const before = await tree();
    simulator.repos.editFiles('acme', 'orders', {
      'main.go': 'package main\n\nfunc main() {}\n',
    });
    expect(await tree()).toBe(before);
    simulator.repos.editFiles('acme', 'orders', {
      'main.go': 'package main\n\nfunc main() { println() }\n',
    });
    expect(await tree()).not.toBe(before);
  });

  it('sends the x-ratelimit headers and refuses with 403 once the budget is spent', async () => {
    for (let index = 0; index < 5; index++)
      await get('/repos/acme/orders', authed('b'));
    const refused = await get('/repos/acme/orders', authed('b'));
    expect(refused.status).toBe(403);
    expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(refused.headers.get('x-ratelimit-used')).toBe('5');
    expect(refused.headers.get('x-ratelimit-resource')).toBe('core');
    expect(Number(refused.headers.get('x-ratelimit-reset'))).toBeGreaterThan(
      Date.now() / 1000,
    );
    expect((await refused.json()).message).toMatch(/API rate limit exceeded/);
    // Another token has its own budget; /rate_limit itself is free.
    expect((await get('/repos/acme/orders', authed('c'))).status).toBe(200);
    expect((await get('/rate_limit', authed('b'))).status).toBe(200);
  });

  it('gives anonymous callers their own smaller budget', async () => {
    simulator.faults.resetRateLimits();
    const response = await get('/rate_limit');
    const body = await response.json();
    expect(body.rate.limit).toBe(60);
  });

  it('restores the budget when the reset time passes', async () => {
    simulator.faults.setRateLimit({ token: 'd', remaining: 0 });
    expect((await get('/repos/acme/orders', authed('d'))).status).toBe(403);
    simulator.faults.setRateLimit({
      token: 'd',
      reset: Math.floor(Date.now() / 1000) - 1,
    });
    const after = await get('/repos/acme/orders', authed('d'));
    expect(after.status).toBe(200);
    expect(after.headers.get('x-ratelimit-remaining')).toBe('4');
  });

  it('accepts Bearer tokens and refuses unknown tokens when an allow-list is set', async () => {
    const strict = await startGithubSimulator({
      repos: sampleRepos(),
      tokens: ['good'],
    });
    try {
      const ok = await fetch(`${strict.apiBaseUrl}/repos/acme/orders`, {
        headers: { authorization: 'Bearer good' },
      });
      expect(ok.status).toBe(200);
      const bad = await fetch(`${strict.apiBaseUrl}/repos/acme/orders`, {
        headers: { authorization: 'token bad' },
      });
      expect(bad.status).toBe(401);
      expect((await bad.json()).message).toBe('Bad credentials');
    } finally {
      await strict.close();
    }
  });

  it('serves the API at the root as well as under the base path', async () => {
    const root = await fetch(`${simulator.baseUrl}/repos/acme/orders`);
    expect(root.status).toBe(200);
    expect((await root.json()).url).toBe(
      `${simulator.apiBaseUrl}/repos/acme/orders`,
    );
  });

  it('pages listings with link headers', async () => {
    const first = await get('/orgs/acme/repos?per_page=1', authed('e'));
    const link = first.headers.get('link')!;
    expect(link).toContain('rel="next"');
    expect(link).toContain('rel="last"');
    const last = /<([^>]+)>; rel="last"/.exec(link)![1];
    expect(new URL(last).searchParams.get('page')).toBe('4');
    const lastPage = await fetch(last, { headers: authed('e') });
    expect(lastPage.headers.get('link')).toContain('rel="prev"');
    expect(lastPage.headers.get('link')).not.toContain('rel="next"');
  });

  it('counts requests by route and by token', async () => {
    await get('/repos/acme/orders/git/trees/main?recursive=1', authed('f'));
    await get('/repos/acme/orders/git/trees/main', authed('f'));
    const stats = simulator.stats.snapshot();
    expect(
      stats.byRoute['GET /repos/{owner}/{repo}/git/trees/{+tree_sha}'],
    ).toBe(2);
    expect(stats.byToken.f).toBe(2);
  });

  it('serves contents above 1 MB only as raw, and blobs up to 100 MB', async () => {
    const raw = await get('/repos/acme/assets/contents/big.bin', {
      accept: 'application/vnd.github.raw',
    });
    expect(raw.status).toBe(200);
    expect((await raw.arrayBuffer()).byteLength).toBe(1024 * 1024 + 10);
    const object = await get('/repos/acme/assets/contents/big.bin', {
      accept: 'application/vnd.github.object',
    });
    expect(await object.json()).toMatchObject({
      encoding: 'none',
      content: '',
    });
    const sha = (
      await (
        await get('/repos/acme/assets/contents/big.bin', {
          accept: 'application/vnd.github.object',
        })
      ).json()
    ).sha;
    const blob = await (
      await get(`/repos/acme/assets/git/blobs/${sha}`)
    ).json();
    expect(blob.size).toBe(1024 * 1024 + 10);
  });

  it('shows a file as an HTML page with line anchors', async () => {
    const head = (await (await get('/repos/acme/orders/commits/main')).json())
      .sha;
    const page = await fetch(
      `${simulator.baseUrl}/acme/orders/blob/${head}/Dockerfile`,
    );
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('id="L3"');
    expect(html).toContain('RUN go build ./...');
  });
});
