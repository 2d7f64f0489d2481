import { outcome, PolicyRule } from '../../engine/Rule';

// Interim rule body, replaced by the rule's real implementation in this change.
export const ciModuleCacheRule: PolicyRule = {
  id: 'ci-module-cache',
  evaluate: () => outcome.notApplicable('This rule is not evaluated yet.'),
};
