import { outcome, PolicyRule } from '../../engine/Rule';

// Interim rule body, replaced by the rule's real implementation in this change.
export const modNoExternalReplaceRule: PolicyRule = {
  id: 'mod-no-external-replace',
  evaluate: () => outcome.notApplicable('This rule is not evaluated yet.'),
};
