export { registerActions } from './complianceActions';
export type { RegisterActionsOptions } from './complianceActions';
export { registerFixActions } from './fixActions';
export type { RegisterFixActionsOptions } from './fixActions';
