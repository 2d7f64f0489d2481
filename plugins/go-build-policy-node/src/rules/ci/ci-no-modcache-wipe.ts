import { outcome, PolicyRule } from '../../engine/Rule';

// Interim rule body, replaced by the rule's real implementation in this change.
export const ciNoModcacheWipeRule: PolicyRule = {
  id: 'ci-no-modcache-wipe',
  evaluate: () => outcome.notApplicable('This rule is not evaluated yet.'),
};
