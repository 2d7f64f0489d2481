import { createApiRef } from '@backstage/core-plugin-api';
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
  WaiverPage,
  WaiverQuery,
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
  /** What this installation allows (waiver length, pull requests on or off). */
  getCapabilities(): Promise<Capabilities>;
  /** Every waiver of the entity, newest first (active, expired and revoked). */
  listEntityWaivers(entityRef: string): Promise<Waiver[]>;
  /** Waives a rule for the entity until a date. */
  createWaiver(
    entityRef: string,
    request: CreateWaiverRequest,
  ): Promise<Waiver>;
  /** Revokes a waiver before it expires; answers the revoked waiver. */
  revokeWaiver(entityRef: string, waiverId: string): Promise<Waiver>;
  /** A page of the org's waivers under the scorecard filters. */
  listWaivers(query?: WaiverQuery): Promise<WaiverPage>;
  /** Noncompliant services, worst first, under the scorecard filters. */
  getTriage(query?: RepositoryQuery): Promise<TriagePage>;
  /** Opens (or answers the existing) pull request with a rule's suggested fix. */
  openFixPullRequest(
    entityRef: string,
    ruleId: string,
  ): Promise<FixPullRequest>;
}

/** @public */
export const goBuildPolicyApiRef = createApiRef<GoBuildPolicyApi>({
  id: 'plugin.go-build-policy.service',
});
