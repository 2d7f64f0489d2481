import { outcome, PolicyRule } from '../../engine/Rule';

// Interim rule body, replaced by the rule's real implementation in this change.
export const dockerContextIgnoreRule: PolicyRule = {
  id: 'docker-context-ignore',
  evaluate: () => outcome.notApplicable('This rule is not evaluated yet.'),
};
