import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { PolicyRule } from './engine/Rule';

/**
 * Lets a backend module add organisation-specific rules to every scan. A rule added here
 * must bring its own metadata (id, category, severity, texts); ids of built-in rules are
 * ignored so that the catalogue stays stable.
 */
export interface GoBuildPolicyRulesExtensionPoint {
  addRules(...rules: PolicyRule[]): void;
}

export const goBuildPolicyRulesExtensionPoint =
  createExtensionPoint<GoBuildPolicyRulesExtensionPoint>({
    id: 'go-build-policy.rules',
  });
