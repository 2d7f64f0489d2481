import { outcome, PolicyRule } from '../../engine/Rule';

// Interim rule body, replaced by the rule's real implementation in this change.
export const dockerModDownloadLayerRule: PolicyRule = {
  id: 'docker-mod-download-layer',
  evaluate: () => outcome.notApplicable('This rule is not evaluated yet.'),
};
