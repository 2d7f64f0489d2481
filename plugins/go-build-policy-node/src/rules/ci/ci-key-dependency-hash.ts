import { outcome, PolicyRule } from '../../engine/Rule';

// Interim rule body, replaced by the rule's real implementation in this change.
export const ciKeyDependencyHashRule: PolicyRule = {
  id: 'ci-key-dependency-hash',
  evaluate: () => outcome.notApplicable('This rule is not evaluated yet.'),
};
