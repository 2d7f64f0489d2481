import { outcome, PolicyRule } from '../../engine/Rule';

// Interim rule body, replaced by the rule's real implementation in this change.
export const privateGoprivateRule: PolicyRule = {
  id: 'private-goprivate',
  evaluate: () => outcome.notApplicable('This rule is not evaluated yet.'),
};
