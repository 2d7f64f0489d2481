import {
  RuleMetadata,
  Severity,
} from '@go-build-policy/plugin-go-build-policy-common';

export const PROJECT_URI = 'https://github.com/go-build-policy/go-build-policy';
const RULES_DOC_URI = `${PROJECT_URI}/blob/main/plugins/go-build-policy-node/README.md#rules`;

export type SarifLevel = 'error' | 'warning' | 'note';

export const LEVEL_OF_SEVERITY: Record<Severity, SarifLevel> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
};

/**
 * Rules whose failure is a security problem, with GitHub's `security-severity` (CVSS-like,
 * 0-10). Only these carry the `security` tag: the others are about speed and reproducibility.
 */
const SECURITY_SEVERITY: Record<string, string> = {
  // A token in ARG/ENV or --build-arg stays readable in the image history.
  'docker-no-secret-args': '7.5',
  // Checksum verification off lets a compromised proxy or mirror swap module source.
  'private-no-checksum-bypass': '6.5',
  // Private module paths sent to proxy.golang.org and sum.golang.org leak their names.
  'private-goprivate': '4.3',
};

/**
 * How often a rule's verdict is right. File facts (go.mod, Dockerfiles) are exact; workflow
 * rules can meet what they cannot see (reusable workflows elsewhere, computed keys).
 */
const PRECISION_OF_CATEGORY: Record<string, 'high' | 'medium'> = {
  mod: 'high',
  toolchain: 'high',
  docker: 'high',
  ci: 'medium',
  private: 'medium',
};

/** `ci-module-cache` → `CiModuleCache`: SARIF wants an identifier-like friendly name. */
function friendlyName(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map(part => part[0].toUpperCase() + part.slice(1))
    .join('');
}

function helpText(rule: RuleMetadata): string {
  return [
    rule.rationale,
    `Passes when: ${rule.passWhen}`,
    `Fails when: ${rule.failWhen}`,
    `Not applicable when: ${rule.notApplicableWhen}`,
    `Remediation: ${rule.remediation}`,
  ].join('\n\n');
}

function helpMarkdown(rule: RuleMetadata): string {
  return [
    `**${rule.title}** (\`${rule.id}\`, ${rule.category})`,
    rule.rationale,
    `- **Passes when:** ${rule.passWhen}`,
    `- **Fails when:** ${rule.failWhen}`,
    `- **Not applicable when:** ${rule.notApplicableWhen}`,
    `**Remediation:** ${rule.remediation}`,
  ].join('\n\n');
}

/** A SARIF reportingDescriptor for one rule, at the severity configured for this scan. */
export function sarifRule(rule: RuleMetadata, severity: Severity) {
  const securitySeverity = SECURITY_SEVERITY[rule.id];
  const precision = PRECISION_OF_CATEGORY[rule.category];
  const tags = ['go', 'build', rule.category];
  if (securitySeverity) tags.push('security');
  return {
    id: rule.id,
    name: friendlyName(rule.id),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.rationale },
    help: { text: helpText(rule), markdown: helpMarkdown(rule) },
    helpUri: RULES_DOC_URI,
    defaultConfiguration: { level: LEVEL_OF_SEVERITY[severity] },
    properties: {
      tags,
      ...(precision ? { precision } : {}),
      ...(securitySeverity ? { 'security-severity': securitySeverity } : {}),
    },
  };
}
