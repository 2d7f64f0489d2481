export { registerActions } from './complianceActions';
export type { RegisterActionsOptions } from './complianceActions';
