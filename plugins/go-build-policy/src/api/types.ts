/*
 * The REST API's shapes live in -common, where the backend types its responses with
 * them; this module re-exports them for the frontend's own imports.
 */
export type {
  EntityScanState,
  EntityInfo,
  RepositoryInfo,
  ScanCost,
  EntityResult,
  HistoryEntry,
  RepositorySortField,
  RepositoryFilter,
  RepositoryQuery,
  RepositoryRow,
  RepositoryPage,
  GroupDimension,
  GroupRow,
  TrendPoint,
  Summary,
  RuleMetadata,
} from '@go-build-policy/plugin-go-build-policy-common';
