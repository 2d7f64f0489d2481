import {
  computeScore,
  Finding,
  getRuleMetadata,
  RULES,
} from '@go-build-policy/plugin-go-build-policy-common';
import { ScanResult } from '../../engine/scan';

/** A scan result over the real catalogue, with the given findings replacing the defaults. */
export function scanResultWith(
  overrides: Partial<Record<string, Partial<Finding>>>,
): ScanResult {
  const findings: Finding[] = RULES.map(rule => ({
    ruleId: rule.id,
    status: 'not-applicable',
    severity: rule.defaultSeverity,
    message: `${rule.id} does not apply`,
    locations: [],
    remediation: rule.remediation,
    ...overrides[rule.id],
  }));
  const score = computeScore(findings, {
    categoryOf: id => getRuleMetadata(id)?.category,
  });
  return { ...score, findings };
}
