import { Octokit } from '@octokit/rest';
import { loadGithubSchemas } from '../__testUtils__/githubSchemas';
import { sampleRepos } from '../__testUtils__/sampleRepos';
import { GithubSimulator, startGithubSimulator } from './startGithubSimulator';

const schemas = loadGithubSchemas();
const repo = { owner: 'acme', repo: 'orders' };
const FIXED_DOCKERFILE =
  'FROM golang:1.23\nCOPY go.mod go.sum ./\nRUN go mod download\nCOPY . .\nRUN go build ./...\n';

describe('git data writes and pull requests', () => {
  let simulator: GithubSimulator;
  let octokit: Octokit;

  beforeEach(async () => {
    simulator = await startGithubSimulator({
      repos: sampleRepos(),
      tokens: ['writer', 'reader'],
      readOnlyTokens: ['reader'],
    });
    octokit = new Octokit({ baseUrl: simulator.apiBaseUrl, auth: 'writer' });
  });
  afterEach(() => simulator.close());

  const expectValid = (
    method: string,
    template: string,
    status: number,
    body: unknown,
  ) => expect(schemas.errorsFor(method, template, status, body)).toEqual([]);

  /** One commit of two files on a new branch, the way the plugin's opener writes a fix. */
  async function commitOnBranch(branch: string) {
    const head = await octokit.git.getRef({ ...repo, ref: 'heads/main' });
    const base = head.data.object.sha;
    const blob = await octokit.git.createBlob({
      ...repo,
      content: Buffer.from(FIXED_DOCKERFILE).toString('base64'),
      encoding: 'base64',
    });
    expect(blob.status).toBe(201);
    expectValid('POST', '/repos/{owner}/{repo}/git/blobs', 201, blob.data);
    const baseCommit = await octokit.git.getCommit({
      ...repo,
      commit_sha: base,
    });
    expectValid(
      'GET',
      '/repos/{owner}/{repo}/git/commits/{commit_sha}',
      200,
      baseCommit.data,
    );
    const tree = await octokit.git.createTree({
      ...repo,
      base_tree: baseCommit.data.tree.sha,
      tree: [
        {
          path: 'Dockerfile',
          mode: '100644',
          type: 'blob',
          sha: blob.data.sha,
        },
        {
          path: 'build/NOTES.md',
          mode: '100644',
          type: 'blob',
          content: '# notes\n',
        },
      ],
    });
    expectValid('POST', '/repos/{owner}/{repo}/git/trees', 201, tree.data);
    const commit = await octokit.git.createCommit({
      ...repo,
      message: 'Download modules in their own layer',
      tree: tree.data.sha,
      parents: [base],
    });
    expectValid('POST', '/repos/{owner}/{repo}/git/commits', 201, commit.data);
    const ref = await octokit.git.createRef({
      ...repo,
      ref: `refs/heads/${branch}`,
      sha: commit.data.sha,
    });
    expect(ref.status).toBe(201);
    expectValid('POST', '/repos/{owner}/{repo}/git/refs', 201, ref.data);
    return { base, commit: commit.data.sha };
  }

  it('commits several files on a new branch, readable through trees, contents and refs', async () => {
    const { base, commit } = await commitOnBranch('fix/docker');

    const ref = await octokit.git.getRef({ ...repo, ref: 'heads/fix/docker' });
    expect(ref.data.object.sha).toBe(commit);
    expectValid('GET', '/repos/{owner}/{repo}/git/ref/{ref}', 200, ref.data);
    const tree = await octokit.git.getTree({
      ...repo,
      tree_sha: 'fix/docker',
      recursive: '1',
    });
    const paths = tree.data.tree.map(entry => entry.path);
    expect(paths).toEqual(
      expect.arrayContaining(['Dockerfile', 'build/NOTES.md', 'main.go']),
    );
    const file = await octokit.repos.getContent({
      ...repo,
      path: 'Dockerfile',
      ref: 'fix/docker',
    });
    expect(
      Buffer.from(
        (file.data as { content: string }).content,
        'base64',
      ).toString(),
    ).toBe(FIXED_DOCKERFILE);
    const branch = await octokit.repos.getBranch({
      ...repo,
      branch: 'fix/docker',
    });
    expect(branch.data.commit.parents.map(p => p.sha)).toEqual([base]);
    // The default branch has not moved.
    const main = await octokit.git.getRef({ ...repo, ref: 'heads/main' });
    expect(main.data.object.sha).toBe(base);
  });

  it('refuses an existing branch, a missing object and a non-fast-forward update like GitHub', async () => {
    const { base, commit } = await commitOnBranch('fix/docker');
    await expect(
      octokit.git.createRef({
        ...repo,
        ref: 'refs/heads/fix/docker',
        sha: base,
      }),
    ).rejects.toMatchObject({
      status: 422,
      message: expect.stringContaining('Reference already exists'),
    });
    await expect(
      octokit.git.createRef({
        ...repo,
        ref: 'refs/heads/other',
        sha: 'f'.repeat(40),
      }),
    ).rejects.toMatchObject({
      status: 422,
      message: expect.stringContaining('Object does not exist'),
    });
    await expect(
      octokit.git.updateRef({ ...repo, ref: 'heads/fix/docker', sha: base }),
    ).rejects.toMatchObject({
      status: 422,
      message: expect.stringContaining('not a fast forward'),
    });
    const forced = await octokit.git.updateRef({
      ...repo,
      ref: 'heads/fix/docker',
      sha: base,
      force: true,
    });
    expectValid(
      'PATCH',
      '/repos/{owner}/{repo}/git/refs/{ref}',
      200,
      forced.data,
    );
    expect(forced.data.object.sha).toBe(base);
    const forward = await octokit.git.updateRef({
      ...repo,
      ref: 'heads/fix/docker',
      sha: commit,
    });
    expect(forward.data.object.sha).toBe(commit);
    const deleted = await octokit.git.deleteRef({
      ...repo,
      ref: 'heads/fix/docker',
    });
    expect(deleted.status).toBe(204);
    await expect(
      octokit.git.getRef({ ...repo, ref: 'heads/fix/docker' }),
    ).rejects.toMatchObject({ status: 404 });
  });

  it('opens a pull request once per head and base, lists it by head and reads it', async () => {
    await commitOnBranch('fix/docker');
    const opened = await octokit.pulls.create({
      ...repo,
      title: 'Download modules in their own layer',
      head: 'fix/docker',
      base: 'main',
      body: 'Moves `go mod download` before `COPY . .`',
    });
    expect(opened.status).toBe(201);
    expectValid('POST', '/repos/{owner}/{repo}/pulls', 201, opened.data);
    expect(opened.data).toMatchObject({
      number: 1,
      state: 'open',
      merged: false,
      changed_files: 2,
      head: { ref: 'fix/docker', label: 'acme:fix/docker' },
      base: { ref: 'main' },
      html_url: `${simulator.baseUrl}/acme/orders/pull/1`,
    });

    await expect(
      octokit.pulls.create({
        ...repo,
        title: 'again',
        head: 'acme:fix/docker',
        base: 'main',
      }),
    ).rejects.toMatchObject({
      status: 422,
      message: expect.stringContaining('A pull request already exists'),
    });
    await expect(
      octokit.pulls.create({
        ...repo,
        title: 'x',
        head: 'missing',
        base: 'main',
      }),
    ).rejects.toMatchObject({ status: 422 });

    const listed = await octokit.pulls.list({
      ...repo,
      head: 'acme:fix/docker',
      state: 'open',
    });
    expect(listed.data.map(p => p.number)).toEqual([1]);
    expectValid('GET', '/repos/{owner}/{repo}/pulls', 200, listed.data);
    const none = await octokit.pulls.list({ ...repo, head: 'acme:other' });
    expect(none.data).toEqual([]);
    const one = await octokit.pulls.get({ ...repo, pull_number: 1 });
    expectValid(
      'GET',
      '/repos/{owner}/{repo}/pulls/{pull_number}',
      200,
      one.data,
    );
    await expect(
      octokit.pulls.get({ ...repo, pull_number: 9 }),
    ).rejects.toMatchObject({ status: 404 });
  });

  it('merges through the control API: the default branch moves and the pull request closes', async () => {
    const { commit } = await commitOnBranch('fix/docker');
    await octokit.pulls.create({
      ...repo,
      title: 'Fix',
      head: 'fix/docker',
      base: 'main',
    });
    const listed = await fetch(
      `${simulator.baseUrl}/_simulator/repos/acme/orders/pulls`,
    );
    expect(await listed.json()).toEqual([
      expect.objectContaining({
        number: 1,
        state: 'open',
        head: 'fix/docker',
        headSha: commit,
      }),
    ]);

    const merged = await fetch(
      `${simulator.baseUrl}/_simulator/repos/acme/orders/pulls/1/merge`,
      { method: 'POST' },
    );
    expect(merged.status).toBe(200);
    const { sha } = await merged.json();

    const main = await octokit.git.getRef({ ...repo, ref: 'heads/main' });
    expect(main.data.object.sha).toBe(sha);
    const file = await octokit.repos.getContent({
      ...repo,
      path: 'Dockerfile',
    });
    expect(
      Buffer.from(
        (file.data as { content: string }).content,
        'base64',
      ).toString(),
    ).toBe(FIXED_DOCKERFILE);
    const pull = await octokit.pulls.get({ ...repo, pull_number: 1 });
    expect(pull.data).toMatchObject({
      state: 'closed',
      merged: true,
      merge_commit_sha: sha,
    });
    expectValid(
      'GET',
      '/repos/{owner}/{repo}/pulls/{pull_number}',
      200,
      pull.data,
    );
    const again = await fetch(
      `${simulator.baseUrl}/_simulator/repos/acme/orders/pulls/1/merge`,
      { method: 'POST' },
    );
    expect(again.status).toBe(405);
  });

  it('refuses writes without a token (401) and with a read-only token (403), and counts them', async () => {
    const anonymous = new Octokit({ baseUrl: simulator.apiBaseUrl });
    await expect(
      anonymous.git.createBlob({ ...repo, content: 'x' }),
    ).rejects.toMatchObject({ status: 401 });
    const reader = new Octokit({
      baseUrl: simulator.apiBaseUrl,
      auth: 'reader',
    });
    await expect(
      reader.git.createBlob({ ...repo, content: 'x' }),
    ).rejects.toMatchObject({
      status: 403,
      message: expect.stringContaining('Resource not accessible'),
    });
    await expect(
      reader.pulls.create({ ...repo, title: 't', head: 'main', base: 'main' }),
    ).rejects.toMatchObject({ status: 403 });
    const blob = await octokit.git.createBlob({ ...repo, content: 'x' });
    expect(Number(blob.headers['x-ratelimit-used'])).toBe(1);
    await expect(
      octokit.git.createTree({
        ...repo,
        tree: [{ path: '../x', mode: '100644', type: 'blob', content: 'x' }],
      }),
    ).rejects.toMatchObject({ status: 422 });
  });
});
