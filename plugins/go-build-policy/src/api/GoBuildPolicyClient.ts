import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { parseEntityRef } from '@backstage/catalog-model';
import { GoBuildPolicyApi } from './GoBuildPolicyApi';
import {
  EntityResult,
  GroupDimension,
  GroupRow,
  HistoryEntry,
  RepositoryFilter,
  RepositoryPage,
  RepositoryQuery,
  RuleMetadata,
  Summary,
} from './types';

/** Turns filters into repeated query parameters (`owner=a&owner=b`). */
export function toSearchParams(
  query: RepositoryQuery = {},
): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === '') continue;
    if (Array.isArray(value)) {
      for (const item of value) params.append(key, String(item));
    } else {
      params.set(key, String(value));
    }
  }
  return params;
}

function entityPath(entityRef: string): string {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  return [kind, namespace, name].map(encodeURIComponent).join('/');
}

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

  private async json<T>(path: string): Promise<T> {
    return (await this.request(path)).json();
  }

  async getEntityResult(entityRef: string): Promise<EntityResult | undefined> {
    try {
      return await this.json(`/entities/${entityPath(entityRef)}`);
    } catch (e) {
      if (e instanceof ResponseError && e.response.status === 404) {
        return undefined;
      }
      throw e;
    }
  }

  async getHistory(entityRef: string, limit = 90): Promise<HistoryEntry[]> {
    const body = await this.json<{ items: HistoryEntry[] }>(
      `/entities/${entityPath(entityRef)}/history?limit=${limit}`,
    );
    return body.items;
  }

  async requestRescan(entityRef: string): Promise<void> {
    await this.request(`/entities/${entityPath(entityRef)}/rescan`, {
      method: 'POST',
    });
  }

  async getRules(): Promise<RuleMetadata[]> {
    return (await this.json<{ items: RuleMetadata[] }>('/rules')).items;
  }

  async getSummary(filter?: RepositoryFilter): Promise<Summary> {
    return this.json(`/summary?${toSearchParams(filter)}`);
  }

  async listRepositories(query?: RepositoryQuery): Promise<RepositoryPage> {
    return this.json(`/repositories?${toSearchParams(query)}`);
  }

  async getGroups(
    dimension: GroupDimension,
    filter?: RepositoryFilter,
  ): Promise<GroupRow[]> {
    const body = await this.json<{ items: GroupRow[] }>(
      `/groups/${dimension}?${toSearchParams(filter)}`,
    );
    return body.items;
  }

  async exportRepositories(
    format: 'csv' | 'json',
    filter?: RepositoryFilter,
  ): Promise<Blob> {
    const params = toSearchParams(filter);
    params.set('format', format);
    return (await this.request(`/export?${params}`)).blob();
  }
}
