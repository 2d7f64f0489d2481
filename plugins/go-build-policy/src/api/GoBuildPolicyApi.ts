import { createApiRef } from '@backstage/core-plugin-api';
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

/** The go-build-policy backend's REST API, as the frontend uses it. */
export interface GoBuildPolicyApi {
  /** The latest result; an entity the backend never saw is `never-scanned`. */
  getEntityResult(entityRef: string): Promise<EntityResult>;
  /** Past scans, newest first. */
  getHistory(entityRef: string, limit?: number): Promise<HistoryEntry[]>;
  requestRescan(entityRef: string): Promise<void>;
  getRules(): Promise<RuleMetadata[]>;
  getSummary(
    filter?: RepositoryFilter,
    options?: { trendDays?: number },
  ): Promise<Summary>;
  listRepositories(query?: RepositoryQuery): Promise<RepositoryPage>;
  getGroups(
    dimension: GroupDimension,
    filter?: RepositoryFilter,
  ): Promise<GroupRow[]>;
  /** Downloads what the filters select (authenticated, unlike a plain link). */
  exportRepositories(
    format: 'csv' | 'json',
    query?: RepositoryQuery,
  ): Promise<Blob>;
}

/** @public */
export const goBuildPolicyApiRef = createApiRef<GoBuildPolicyApi>({
  id: 'plugin.go-build-policy.service',
});
