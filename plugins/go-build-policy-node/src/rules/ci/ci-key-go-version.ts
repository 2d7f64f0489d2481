import { outcome, PolicyRule } from '../../engine/Rule';

// Interim rule body, replaced by the rule's real implementation in this change.
export const ciKeyGoVersionRule: PolicyRule = {
  id: 'ci-key-go-version',
  evaluate: () => outcome.notApplicable('This rule is not evaluated yet.'),
};
