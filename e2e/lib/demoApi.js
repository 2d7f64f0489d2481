/*
 * The demo's HTTP APIs as the browser tests use them beside the page: the plugin's REST
 * API with the guest's token (to pick fixtures and set up state), and the GitHub
 * simulator's API and control API (to see and merge the pull requests the plugin opens).
 */

/** Fails with the status and the body, so a broken call explains itself. */
async function jsonOf(response, what) {
  const text = await response.text();
  if (!response.ok) {
    throw new Error(`${what}: ${response.status} ${text.slice(0, 500)}`);
  }
  return text ? JSON.parse(text) : undefined;
}

/** The guest user's Backstage token, as the demo's sign-in page obtains it. */
async function guestToken(backendUrl) {
  const response = await fetch(`${backendUrl}/api/auth/guest/refresh`, {
    headers: { 'x-requested-with': 'XMLHttpRequest' },
    signal: AbortSignal.timeout(30_000),
  });
  const body = await jsonOf(response, 'guest sign-in');
  const token = body?.backstageIdentity?.token;
  if (!token) throw new Error('guest sign-in answered without a token');
  return token;
}

/** The plugin's REST API as the guest (every permission is allowed to the platform group). */
function pluginApi(backendUrl, token) {
  const base = `${backendUrl}/api/go-build-policy`;
  const call = async (method, path, body) =>
    jsonOf(
      await fetch(`${base}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(30_000),
      }),
      `${method} ${path}`,
    );
  const entityPath = name => `/entities/component/default/${name}`;
  return {
    entityResult: name => call('GET', entityPath(name)),
    repositories: (query = '') => call('GET', `/repositories${query}`),
    triage: (query = '') => call('GET', `/triage${query}`),
    createWaiver: (name, waiver) =>
      call('POST', `${entityPath(name)}/waivers`, waiver),
    revokeWaiver: (name, id) =>
      call('DELETE', `${entityPath(name)}/waivers/${encodeURIComponent(id)}`),
  };
}

/** The simulator: files as GitHub serves them, and its pull request controls. */
function simulatorApi(simulatorUrl) {
  const control = `${simulatorUrl}/_simulator/repos/acme`;
  return {
    pullRequests: async repo =>
      jsonOf(await fetch(`${control}/${repo}/pulls`), `pulls of ${repo}`),
    merge: async (repo, number) =>
      jsonOf(
        await fetch(`${control}/${repo}/pulls/${number}/merge`, {
          method: 'POST',
        }),
        `merging #${number} of ${repo}`,
      ),
    /** A file's text on a branch, through the contents API the plugin reads too. */
    fileText: async (repo, path, ref) => {
      const url = `${simulatorUrl}/api/v3/repos/acme/${repo}/contents/${path}?ref=${encodeURIComponent(
        ref,
      )}`;
      const file = await jsonOf(
        await fetch(url, { headers: { authorization: 'token demo-token' } }),
        `${path} of ${repo} at ${ref}`,
      );
      return Buffer.from(file.content, file.encoding).toString('utf8');
    },
  };
}

module.exports = { guestToken, pluginApi, simulatorApi };
