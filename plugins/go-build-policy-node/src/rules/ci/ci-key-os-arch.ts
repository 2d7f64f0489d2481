import { outcome, PolicyRule } from '../../engine/Rule';

// Interim rule body, replaced by the rule's real implementation in this change.
export const ciKeyOsArchRule: PolicyRule = {
  id: 'ci-key-os-arch',
  evaluate: () => outcome.notApplicable('This rule is not evaluated yet.'),
};
