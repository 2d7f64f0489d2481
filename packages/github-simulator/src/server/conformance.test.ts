import { Octokit } from '@octokit/rest';
import { loadGithubSchemas } from '../__testUtils__/githubSchemas';
import { sampleRepos } from '../__testUtils__/sampleRepos';
import { GithubSimulator, startGithubSimulator } from './startGithubSimulator';

// The spec is large: load it once for the whole file.
const schemas = loadGithubSchemas();

function fakeAppJwt(): string {
  const part = (value: object) =>
    Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  return `${part({ alg: 'RS256', typ: 'JWT' })}.${part({
    iat: now - 60,
    exp: now + 540,
    iss: '4242',
  })}.c2lnbmF0dXJl`;
}

describe('conformance with the api.github.com OpenAPI description', () => {
  let simulator: GithubSimulator;
  let octokit: Octokit;

  beforeAll(async () => {
    simulator = await startGithubSimulator({ repos: sampleRepos() });
    octokit = new Octokit({
      baseUrl: simulator.apiBaseUrl,
      auth: 'token-conformance',
    });
  });
  afterAll(() => simulator.close());

  const expectValid = (
    method: string,
    template: string,
    status: number,
    body: unknown,
  ) => expect(schemas.errorsFor(method, template, status, body)).toEqual([]);

  it('serves repository metadata as a full-repository', async () => {
    const { status, data } = await octokit.repos.get({
      owner: 'acme',
      repo: 'orders',
    });
    expect(status).toBe(200);
    expect(data).toMatchObject({
      full_name: 'acme/orders',
      default_branch: 'main',
      archived: false,
      description: 'Order service',
    });
    expectValid('GET', '/repos/{owner}/{repo}', 200, data);
  });

  it('serves the default branch with its head commit', async () => {
    const { data } = await octokit.repos.getBranch({
      owner: 'acme',
      repo: 'orders',
      branch: 'main',
    });
    expect(data.commit.sha).toMatch(/^[0-9a-f]{40}$/);
    expectValid('GET', '/repos/{owner}/{repo}/branches/{branch}', 200, data);
  });

  it('serves a commit by branch name and the commit list', async () => {
    const one = await octokit.repos.getCommit({
      owner: 'acme',
      repo: 'orders',
      ref: 'main',
    });
    expectValid('GET', '/repos/{owner}/{repo}/commits/{ref}', 200, one.data);
    const list = await octokit.repos.listCommits({
      owner: 'acme',
      repo: 'orders',
      per_page: 1,
    });
    expect(list.data[0].sha).toBe(one.data.sha);
    expectValid('GET', '/repos/{owner}/{repo}/commits', 200, list.data);
  });

  it('serves the branch ref', async () => {
    const { data } = await octokit.git.getRef({
      owner: 'acme',
      repo: 'orders',
      ref: 'heads/main',
    });
    expect(data.ref).toBe('refs/heads/main');
    expectValid('GET', '/repos/{owner}/{repo}/git/ref/{ref}', 200, data);
  });

  it('serves a recursive tree and its blobs', async () => {
    const tree = await octokit.git.getTree({
      owner: 'acme',
      repo: 'orders',
      tree_sha: 'main',
      recursive: '1',
    });
    expectValid(
      'GET',
      '/repos/{owner}/{repo}/git/trees/{tree_sha}',
      200,
      tree.data,
    );
    const goMod = tree.data.tree.find(entry => entry.path === 'go.mod')!;
    const blob = await octokit.git.getBlob({
      owner: 'acme',
      repo: 'orders',
      file_sha: goMod.sha!,
    });
    expectValid(
      'GET',
      '/repos/{owner}/{repo}/git/blobs/{file_sha}',
      200,
      blob.data,
    );
    expect(Buffer.from(blob.data.content, 'base64').toString()).toContain(
      'module github.com/acme/orders',
    );
  });

  it('serves contents of files and directories', async () => {
    const file = await octokit.repos.getContent({
      owner: 'acme',
      repo: 'orders',
      path: 'go.mod',
    });
    expectValid('GET', '/repos/{owner}/{repo}/contents/{path}', 200, file.data);
    const dir = await octokit.repos.getContent({
      owner: 'acme',
      repo: 'orders',
      path: 'internal',
    });
    expectValid('GET', '/repos/{owner}/{repo}/contents/{path}', 200, dir.data);
    expect(Array.isArray(dir.data)).toBe(true);
  });

  it('serves the rate limit overview', async () => {
    const { data } = await octokit.rateLimit.get();
    expect(data.resources.core.limit).toBe(5000);
    expectValid('GET', '/rate_limit', 200, data);
  });

  it('lists repositories of an organisation and of a user', async () => {
    const org = await octokit.repos.listForOrg({ org: 'acme', per_page: 2 });
    expect(org.data).toHaveLength(2);
    expectValid('GET', '/orgs/{org}/repos', 200, org.data);
    const user = await octokit.repos.listForUser({ username: 'acme' });
    expectValid('GET', '/users/{username}/repos', 200, user.data);
  });

  it('answers errors with basic-error bodies: 404, 409 and 403 too_large', async () => {
    const missing = await octokit.repos
      .get({ owner: 'acme', repo: 'nope' })
      .catch(error => error);
    expect(missing.status).toBe(404);
    expectValid('GET', '/repos/{owner}/{repo}', 404, missing.response.data);
    const empty = await octokit.git
      .getTree({ owner: 'acme', repo: 'blank', tree_sha: 'HEAD' })
      .catch(error => error);
    expect(empty.status).toBe(409);
    expect(empty.response.data.message).toBe('Git Repository is empty.');
    expectValid(
      'GET',
      '/repos/{owner}/{repo}/git/trees/{tree_sha}',
      409,
      empty.response.data,
    );
    const large = await octokit.repos
      .getContent({ owner: 'acme', repo: 'assets', path: 'big.bin' })
      .catch(error => error);
    expect(large.status).toBe(403);
    expect(large.response.data.errors[0].code).toBe('too_large');
    expectValid(
      'GET',
      '/repos/{owner}/{repo}/contents/{path}',
      403,
      large.response.data,
    );
  });

  it('answers 301 with a moved-permanently body for an old name, which Octokit follows', async () => {
    const raw = await fetch(`${simulator.apiBaseUrl}/repos/acme/old-billing`, {
      redirect: 'manual',
    });
    expect(raw.status).toBe(301);
    const body = await raw.json();
    expect(raw.headers.get('location')).toBe(body.url);
    expectValid('GET', '/repos/{owner}/{repo}', 301, body);
    const followed = await octokit.repos.get({
      owner: 'acme',
      repo: 'old-billing',
    });
    expect(followed.data.full_name).toBe('acme/billing');
  });

  it('runs the GitHub App flow Backstage uses', async () => {
    const app = new Octokit({
      baseUrl: simulator.apiBaseUrl,
      auth: fakeAppJwt(),
    });
    const installations = await app.apps.listInstallations();
    // The operation's inline schema requires `account` to be a user AND an
    // enterprise (allOf, a known quirk of GitHub's description); the
    // `installation` component says either: validate against that.
    for (const installation of installations.data) {
      expect(schemas.errorsForSchema('installation', installation)).toEqual([]);
    }
    const acme = installations.data.find(
      item =>
        item.account !== null &&
        'login' in item.account &&
        item.account.login === 'acme',
    )!;
    const token = await app.apps.createInstallationAccessToken({
      installation_id: acme.id,
    });
    expect(token.status).toBe(201);
    expectValid(
      'POST',
      '/app/installations/{installation_id}/access_tokens',
      201,
      token.data,
    );
    const asInstallation = new Octokit({
      baseUrl: simulator.apiBaseUrl,
      auth: token.data.token,
    });
    const repos = await asInstallation.apps.listReposAccessibleToInstallation();
    expectValid('GET', '/installation/repositories', 200, repos.data);
    expect(repos.data.repositories.map(repo => repo.name)).toContain('orders');
  });

  it('refuses app endpoints without a well-formed JWT', async () => {
    const error = await octokit.apps
      .listInstallations()
      .catch(caught => caught);
    expect(error.status).toBe(401);
  });
});
