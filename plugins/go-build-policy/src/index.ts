/**
 * Go build policy frontend: the entity tab and card, the org scorecard and the rules
 * page. These exports are for the legacy frontend system; see `/alpha` for the new one.
 *
 * @packageDocumentation
 */
export {
  goBuildPolicyPlugin,
  GoBuildPolicyPage,
  EntityGoBuildPolicyContent,
  EntityGoBuildPolicyCard,
} from './plugin';
export { goBuildPolicyApiRef } from './api/GoBuildPolicyApi';
export type { GoBuildPolicyApi } from './api/GoBuildPolicyApi';
export { GoBuildPolicyClient } from './api/GoBuildPolicyClient';
export { isGoBuildPolicyAvailable } from './utils/entitySource';
export * from './api/types';
