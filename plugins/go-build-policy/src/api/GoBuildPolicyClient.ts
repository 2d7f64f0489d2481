import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { parseEntityRef } from '@backstage/catalog-model';
import { GoBuildPolicyApi } from './GoBuildPolicyApi';
import {
  Capabilities,
  CreateWaiverRequest,
  EntityResult,
  FixPullRequest,
  GroupDimension,
  GroupRow,
  HistoryEntry,
  RepositoryFilter,
  RepositoryPage,
  RepositoryQuery,
  RuleMetadata,
  Summary,
  TriagePage,
  Waiver,
  WaiverList,
  WaiverPage,
  WaiverQuery,
} from './types';

/**
 * Query parameters as the OpenAPI document declares them (`style: form, explode: true`):
 * lists become repeated parameters (`owner=a&owner=b`); empty values are left out.
 */
export function toSearchParams(query: object = {}): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      for (const item of value) params.append(key, String(item));
    } else {
      params.set(key, String(value));
    }
  }
  return params;
}

function withQuery(path: string, params: URLSearchParams): string {
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** `/entities/{kind}/{namespace}/{name}` of an entity ref. */
export function entityPath(entityRef: string): string {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  return `/entities/${[kind, namespace, name]
    .map(encodeURIComponent)
    .join('/')}`;
}

/** The REST client over Backstage's discovery and (authenticated) fetch APIs. */
export class GoBuildPolicyClient implements GoBuildPolicyApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  private async request(path: string, init?: RequestInit): Promise<Response> {
    const base = await this.discoveryApi.getBaseUrl('go-build-policy');
    const response = await this.fetchApi.fetch(`${base}${path}`, init);
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return response;
  }

  private async json<T>(path: string, init?: RequestInit): Promise<T> {
    return (await this.request(path, init)).json();
  }

  private async post<T>(path: string, body?: unknown): Promise<T> {
    return this.json<T>(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  async getEntityResult(entityRef: string): Promise<EntityResult> {
    try {
      return await this.json<EntityResult>(entityPath(entityRef));
    } catch (e) {
      // The API answers `never-scanned` for unknown entities; an older backend said 404.
      if (e instanceof ResponseError && e.response.status === 404) {
        return {
          entityRef,
          state: 'never-scanned',
          stale: false,
          findings: [],
          failingRuleIds: [],
          waivedRuleIds: [],
        };
      }
      throw e;
    }
  }

  async getHistory(entityRef: string, limit = 100): Promise<HistoryEntry[]> {
    const body = await this.json<{ items: HistoryEntry[] }>(
      withQuery(`${entityPath(entityRef)}/history`, toSearchParams({ limit })),
    );
    return body.items;
  }

  async requestRescan(entityRef: string): Promise<void> {
    await this.request(`${entityPath(entityRef)}/rescan`, { method: 'POST' });
  }

  async getRules(): Promise<RuleMetadata[]> {
    return (await this.json<{ items: RuleMetadata[] }>('/rules')).items;
  }

  async getSummary(
    filter?: RepositoryFilter,
    options?: { trendDays?: number },
  ): Promise<Summary> {
    const params = toSearchParams({ ...filter, trendDays: options?.trendDays });
    return this.json(withQuery('/summary', params));
  }

  async listRepositories(query?: RepositoryQuery): Promise<RepositoryPage> {
    return this.json(withQuery('/repositories', toSearchParams(query)));
  }

  async getGroups(
    dimension: GroupDimension,
    filter?: RepositoryFilter,
  ): Promise<GroupRow[]> {
    const body = await this.json<{ items: GroupRow[] }>(
      withQuery(
        `/groups/${encodeURIComponent(dimension)}`,
        toSearchParams(filter),
      ),
    );
    return body.items;
  }

  async exportRepositories(
    format: 'csv' | 'json',
    query?: RepositoryQuery,
  ): Promise<Blob> {
    // The export takes filters and sort, not paging: it returns every selected row.
    const { limit: _limit, offset: _offset, ...rest } = query ?? {};
    const params = toSearchParams({ format, ...rest });
    return (await this.request(withQuery('/export', params))).blob();
  }

  async getCapabilities(): Promise<Capabilities> {
    return this.json('/capabilities');
  }

  async listEntityWaivers(entityRef: string): Promise<Waiver[]> {
    const body = await this.json<WaiverList>(
      `${entityPath(entityRef)}/waivers`,
    );
    return body.items;
  }

  async createWaiver(
    entityRef: string,
    request: CreateWaiverRequest,
  ): Promise<Waiver> {
    return this.post(`${entityPath(entityRef)}/waivers`, request);
  }

  async revokeWaiver(entityRef: string, waiverId: string): Promise<Waiver> {
    return this.json(
      `${entityPath(entityRef)}/waivers/${encodeURIComponent(waiverId)}`,
      { method: 'DELETE' },
    );
  }

  async listWaivers(query?: WaiverQuery): Promise<WaiverPage> {
    return this.json(withQuery('/waivers', toSearchParams(query)));
  }

  async getTriage(query?: RepositoryQuery): Promise<TriagePage> {
    // The server orders triage (worst first): a sort would not apply.
    const { sort: _sort, order: _order, ...rest } = query ?? {};
    return this.json(withQuery('/triage', toSearchParams(rest)));
  }

  async openFixPullRequest(
    entityRef: string,
    ruleId: string,
  ): Promise<FixPullRequest> {
    return this.post(
      `${entityPath(entityRef)}/fixes/${encodeURIComponent(
        ruleId,
      )}/pull-request`,
    );
  }
}
