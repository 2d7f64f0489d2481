import { outcome, PolicyRule } from '../../engine/Rule';

// Interim rule body, replaced by the rule's real implementation in this change.
export const dockerCacheMountsRule: PolicyRule = {
  id: 'docker-cache-mounts',
  evaluate: () => outcome.notApplicable('This rule is not evaluated yet.'),
};
