import { FaultSpec, LatencySpec } from '../http/FaultInjector';
import { BudgetChange } from '../http/RateLimiter';
import { FileChanges, InMemoryRepo, RepoSettings } from '../model/types';
import { listPullRequests, mergeByNumber } from './pullControl';
import { WireResponse } from './handleApiRequest';
import { SimulatorState } from './SimulatorState';

/** Where the control API lives, outside any GitHub path. */
export const CONTROL_PREFIX = '/_simulator';

class ControlInputError extends Error {}

function json(status: number, value: unknown): WireResponse {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: Buffer.from(JSON.stringify(value)),
  };
}

function asObject(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ControlInputError('Expected a JSON object body');
  }
  return body as Record<string, unknown>;
}

function optionalNumber(value: unknown, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new ControlInputError(`'${name}' must be a non-negative number`);
  }
  return value;
}

function optionalString(value: unknown, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string')
    throw new ControlInputError(`'${name}' must be a string`);
  return value;
}

function faultFrom(body: unknown): FaultSpec {
  const input = asObject(body);
  const path = optionalString(input.path, 'path');
  const status = optionalNumber(input.status, 'status');
  if (!path || !status || status < 100 || status > 599) {
    throw new ControlInputError(
      "A fault needs 'path' (a glob) and 'status' (100-599)",
    );
  }
  return {
    path,
    status,
    method: optionalString(input.method, 'method'),
    times: optionalNumber(input.times, 'times'),
    retryAfter: optionalNumber(input.retryAfter, 'retryAfter'),
    body: input.body,
  };
}

function latencyFrom(body: unknown): LatencySpec {
  const input = asObject(body);
  const ms = optionalNumber(input.ms, 'ms');
  if (ms === undefined) throw new ControlInputError("Latency needs 'ms'");
  return {
    ms,
    path: optionalString(input.path, 'path'),
    method: optionalString(input.method, 'method'),
  };
}

function budgetFrom(body: unknown): BudgetChange {
  const input = asObject(body);
  return {
    token: optionalString(input.token, 'token') ?? '*',
    limit: optionalNumber(input.limit, 'limit'),
    remaining: optionalNumber(input.remaining, 'remaining'),
    reset: optionalNumber(input.reset, 'reset'),
    resetInSeconds: optionalNumber(input.resetInSeconds, 'resetInSeconds'),
  };
}

function filesFrom(value: unknown): FileChanges {
  const files = asObject(value);
  for (const [path, content] of Object.entries(files)) {
    if (content !== null && typeof content !== 'string') {
      throw new ControlInputError(
        `File '${path}' must be a string, or null to delete it`,
      );
    }
  }
  return files as FileChanges;
}

function repoSummary(state: SimulatorState) {
  return state.registry.list().map(repo => ({
    fullName: repo.fullName,
    id: repo.id,
    head: repo.headCommit?.sha ?? null,
    settings: repo.settings,
  }));
}

function route(
  state: SimulatorState,
  method: string,
  parts: string[],
  body: unknown,
): WireResponse {
  const [area, owner, name, extra, ...rest] = parts;
  if (area === 'repos' && owner && name && extra === 'pulls')
    return pullControlRoute(state, method, owner, name, rest);
  if (
    area === 'repos' &&
    owner &&
    name &&
    extra === 'branches' &&
    method === 'GET'
  )
    return branchList(state, owner, name);
  if (area === 'repos' && owner)
    return repoRoute(state, method, owner, name, extra, body);
  const key = `${method} ${area ?? ''}`;
  switch (key) {
    case 'GET stats':
      return json(200, state.stats.snapshot());
    case 'DELETE stats':
      state.stats.reset();
      return json(200, {});
    case 'GET faults':
      return json(200, state.faults.list());
    case 'POST faults':
      return json(201, { id: state.faults.inject(faultFrom(body)) });
    case 'DELETE faults':
      state.faults.clear(owner ? Number(owner) : undefined);
      return json(200, {});
    case 'POST latency':
      return json(201, { id: state.faults.addLatency(latencyFrom(body)) });
    case 'PUT settings': {
      const input = asObject(body);
      const latencyMs = optionalNumber(input.latencyMs, 'latencyMs');
      if (latencyMs !== undefined) state.settings.latencyMs = latencyMs;
      if ('truncateTreesOver' in input) {
        state.faults.truncateTreesOver(
          optionalNumber(
            input.truncateTreesOver ?? undefined,
            'truncateTreesOver',
          ),
        );
      }
      return json(200, {
        latencyMs: state.settings.latencyMs,
        truncateTreesOver:
          state.faults.treeLimitOverride ?? state.settings.truncateTreesOver,
      });
    }
    case 'PUT rate-limit':
      state.limiter.setBudget(budgetFrom(body));
      return json(200, {});
    case 'DELETE rate-limit':
      state.limiter.resetAll();
      return json(200, {});
    case 'POST reset':
      state.faults.clear();
      state.stats.reset();
      state.limiter.resetAll();
      return json(200, {});
    case 'GET repos':
      return json(200, repoSummary(state));
    case 'POST repos': {
      const input = asObject(body);
      const repo: InMemoryRepo = {
        owner: optionalString(input.owner, 'owner') ?? '',
        name: optionalString(input.name, 'name') ?? '',
        files: filesFrom(input.files ?? {}) as Record<string, string>,
        settings: input.settings
          ? (asObject(input.settings) as RepoSettings)
          : undefined,
      };
      if (!repo.owner || !repo.name)
        throw new ControlInputError("A repository needs 'owner' and 'name'");
      return json(201, { fullName: state.registry.add(repo).fullName });
    }
    default:
      return json(404, { message: 'Unknown control endpoint' });
  }
}

function repoRoute(
  state: SimulatorState,
  method: string,
  owner: string,
  name: string | undefined,
  extra: string | undefined,
  body: unknown,
): WireResponse {
  if (!name) return json(404, { message: 'Unknown control endpoint' });
  if (!state.registry.get(owner, name))
    return json(404, { message: `No repository ${owner}/${name}` });
  if (method === 'PATCH' && !extra) {
    const repo = state.registry.updateSettings(
      owner,
      name,
      asObject(body) as RepoSettings,
    );
    return json(200, { fullName: repo.fullName, settings: repo.settings });
  }
  if (method === 'DELETE' && !extra) {
    state.registry.remove(owner, name);
    return json(200, {});
  }
  if (method === 'POST' && extra === 'commits') {
    const input = asObject(body);
    const message = optionalString(input.message, 'message') ?? 'Update files';
    return json(201, {
      sha: state.registry.editFiles(
        owner,
        name,
        filesFrom(input.files),
        message,
      ),
    });
  }
  return json(404, { message: 'Unknown control endpoint' });
}

function pullControlRoute(
  state: SimulatorState,
  method: string,
  owner: string,
  name: string,
  rest: string[],
): WireResponse {
  const repo = state.registry.get(owner, name);
  if (!repo) return json(404, { message: `No repository ${owner}/${name}` });
  if (method === 'GET' && rest.length === 0)
    return json(200, listPullRequests(repo));
  if (method === 'POST' && rest.length === 2 && rest[1] === 'merge') {
    const merged = mergeByNumber(repo, Number(rest[0]));
    return merged.ok
      ? json(200, { merged: true, sha: merged.sha })
      : json(merged.status, { message: merged.message });
  }
  return json(404, { message: 'Unknown control endpoint' });
}

function branchList(
  state: SimulatorState,
  owner: string,
  name: string,
): WireResponse {
  const repo = state.registry.get(owner, name);
  if (!repo) return json(404, { message: `No repository ${owner}/${name}` });
  return json(
    200,
    repo.branchNames().map(branch => ({
      name: branch,
      sha: repo.branchHead(branch)!.sha,
    })),
  );
}

/** The documented control API (see README): faults, latency, budgets, repositories, counters. */
export function handleControlRequest(
  state: SimulatorState,
  method: string,
  path: string,
  body: unknown,
): WireResponse {
  try {
    const parts = path
      .slice(CONTROL_PREFIX.length)
      .split('/')
      .filter(Boolean)
      .map(decodeURIComponent);
    return route(state, method, parts, body);
  } catch (error) {
    // Input errors are 400; a refused change (a name already taken) is a conflict.
    const status =
      error instanceof ControlInputError || error instanceof URIError
        ? 400
        : 409;
    return json(status, { message: (error as Error).message });
  }
}
