import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { FaultSpec, LatencySpec } from '../http/FaultInjector';
import { BudgetChange, RateLimitOptions } from '../http/RateLimiter';
import { StatsSnapshot } from '../http/SimulatorStats';
import { loadFixtureRepos } from '../fixtures/loadFixtureRepos';
import { RepoRegistry } from '../model/RepoRegistry';
import { InMemoryRepo } from '../model/types';
import { CONTROL_PREFIX, handleControlRequest } from './controlApi';
import { listPullRequests, mergeByNumber } from './pullControl';
import { handleApiRequest, WireResponse } from './handleApiRequest';
import { resolveRepositoryIdPath } from './repositoryIdPaths';
import { apiRouter, webRouter } from './routes';
import { GITHUB_TREE_ENTRY_LIMIT, SimulatorState } from './SimulatorState';

export interface GithubSimulatorOptions {
  /** A folder of fixtures laid out as `<owner>/<repo>/...files`. */
  root?: string;
  /** Repositories given as data (added after those of `root`). */
  repos?: InMemoryRepo[];
  /** Defaults to 127.0.0.1: the simulator never listens on other interfaces by default. */
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Where the API lives, GitHub Enterprise style; defaults to /api/v3. It is also served at the root. */
  basePath?: string;
  latencyMs?: number;
  rateLimit?: RateLimitOptions;
  /** Recursive trees with more entries come back `truncated` (GitHub: 100,000). */
  truncateTreesOver?: number;
  /** Accept only these tokens (plus issued installation tokens); any token when omitted. */
  tokens?: string[];
  /** Tokens that may read but get 403 on writes (branches, commits, pull requests). */
  readOnlyTokens?: string[];
}

export interface SimulatorFaults {
  inject(spec: FaultSpec): number;
  addLatency(spec: LatencySpec): number;
  /** Sets the latency added to every API response. */
  setLatency(ms: number): void;
  truncateTreesOver(entries: number | undefined): void;
  setRateLimit(change: BudgetChange): void;
  resetRateLimits(): void;
  /** Removes one fault or delay by id, or all faults, delays and tree limits. */
  clear(id?: number): void;
}

export interface GithubSimulator {
  /** e.g. http://127.0.0.1:40123: web pages and the API at the root. */
  baseUrl: string;
  /** e.g. http://127.0.0.1:40123/api/v3: what `apiBaseUrl` in app-config points at. */
  apiBaseUrl: string;
  faults: SimulatorFaults;
  stats: { snapshot(): StatsSnapshot; reset(): void };
  repos: RepoRegistry;
  /** Pull requests opened through the API, and merging one as a maintainer would. */
  pulls: {
    list(owner: string, name: string): ReturnType<typeof listPullRequests>;
    merge(owner: string, name: string, number: number): { sha: string };
  };
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 50 * 1024 * 1024;

function normaliseBasePath(basePath: string | undefined): string {
  const trimmed = (basePath ?? '/api/v3').replace(/\/+$/, '');
  if (trimmed === '') return '';
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

async function readJsonBody(
  request: IncomingMessage,
): Promise<{ ok: true; value: unknown } | { ok: false; message: string }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES)
      return { ok: false, message: 'Request body too large' };
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return { ok: true, value: undefined };
  try {
    return {
      ok: true,
      value: JSON.parse(Buffer.concat(chunks).toString('utf8')),
    };
  } catch {
    return { ok: false, message: 'Problems parsing JSON' };
  }
}

function send(response: ServerResponse, wire: WireResponse) {
  response.writeHead(wire.status, {
    ...wire.headers,
    ...(wire.body ? { 'content-length': String(wire.body.length) } : {}),
  });
  response.end(wire.body);
}

/** Starts a GitHub REST API simulator over real HTTP; resolves once it listens. */
export async function startGithubSimulator(
  options: GithubSimulatorOptions = {},
): Promise<GithubSimulator> {
  const basePath = normaliseBasePath(options.basePath);
  const state = new SimulatorState({
    basePath,
    latencyMs: options.latencyMs ?? 0,
    truncateTreesOver: options.truncateTreesOver ?? GITHUB_TREE_ENTRY_LIMIT,
    tokens: options.tokens,
    readOnlyTokens: options.readOnlyTokens,
    rateLimit: options.rateLimit,
  });
  for (const repo of options.root ? loadFixtureRepos(options.root) : [])
    state.registry.add(repo);
  for (const repo of options.repos ?? []) state.registry.add(repo);

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(
      request.url ?? '/',
      `http://${request.headers.host ?? '127.0.0.1'}`,
    );
    const origin = url.origin;
    const body = await readJsonBody(request);
    const method = (request.method ?? 'GET').toUpperCase();
    if (!body.ok) {
      send(response, {
        status: 400,
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: Buffer.from(JSON.stringify({ message: body.message })),
      });
      return;
    }
    if (url.pathname.startsWith(CONTROL_PREFIX)) {
      send(
        response,
        handleControlRequest(state, method, url.pathname, body.value),
      );
      return;
    }
    const urls = { api: `${origin}${basePath}`, web: origin };
    const underBase =
      basePath !== '' &&
      (url.pathname === basePath || url.pathname.startsWith(`${basePath}/`));
    const requested = underBase
      ? url.pathname.slice(basePath.length) || '/'
      : url.pathname;
    // An unknown /repositories/{id} keeps its path, so it falls through to a 404.
    const path =
      resolveRepositoryIdPath(requested, state.registry) ?? requested;
    const lookupMethod = method === 'HEAD' ? 'GET' : method;
    const web =
      !underBase &&
      !apiRouter.match(lookupMethod, path) &&
      Boolean(webRouter.match(lookupMethod, path));
    const router = web ? webRouter : apiRouter;
    send(
      response,
      await handleApiRequest({
        state,
        router,
        request,
        url,
        path,
        urls,
        body: body.value,
        web,
      }),
    );
  };

  const server = createServer((request, response) => {
    handle(request, response).catch(error => {
      if (!response.headersSent) {
        response.writeHead(500, {
          'content-type': 'application/json; charset=utf-8',
        });
      }
      response.end(
        JSON.stringify({
          message: `Simulator error: ${(error as Error).message}`,
        }),
      );
    });
  });
  // Keep-alive sockets would otherwise hold close() for the client's idle timeout.
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () =>
      resolve(),
    );
  });
  const address = server.address() as AddressInfo;
  const host =
    address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const baseUrl = `http://${host}:${address.port}`;

  return {
    baseUrl,
    apiBaseUrl: `${baseUrl}${basePath}`,
    repos: state.registry,
    pulls: {
      list: (owner, name) => {
        const repo = state.registry.get(owner, name);
        if (!repo) throw new Error(`No repository ${owner}/${name}`);
        return listPullRequests(repo);
      },
      merge: (owner, name, number) => {
        const repo = state.registry.get(owner, name);
        if (!repo) throw new Error(`No repository ${owner}/${name}`);
        const merged = mergeByNumber(repo, number);
        if (!merged.ok) throw new Error(merged.message);
        return { sha: merged.sha };
      },
    },
    stats: {
      snapshot: () => state.stats.snapshot(),
      reset: () => state.stats.reset(),
    },
    faults: {
      inject: spec => state.faults.inject(spec),
      addLatency: spec => state.faults.addLatency(spec),
      setLatency: ms => {
        state.settings.latencyMs = ms;
      },
      truncateTreesOver: entries => state.faults.truncateTreesOver(entries),
      setRateLimit: change => state.limiter.setBudget(change),
      resetRateLimits: () => state.limiter.resetAll(),
      clear: id => state.faults.clear(id),
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close(error => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
