import { outcome, PolicyRule } from '../../engine/Rule';

// Interim rule body, replaced by the rule's real implementation in this change.
export const ciKeyNotPerRunRule: PolicyRule = {
  id: 'ci-key-not-per-run',
  evaluate: () => outcome.notApplicable('This rule is not evaluated yet.'),
};
