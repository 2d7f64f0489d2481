import { createHash } from 'node:crypto';
import {
  Finding,
  RuleCategory,
  RuleMetadata,
} from '@go-build-policy/plugin-go-build-policy-common';
import { ScanResult } from '../../engine/scan';
import { RepositorySnapshot } from '../../snapshot/RepositorySnapshot';
import { fallbackPath, SARIF_SRCROOT, SarifLocations } from './sarifLocations';
import {
  LEVEL_OF_SEVERITY,
  PROJECT_URI,
  SarifLevel,
  sarifRule,
} from './sarifRules';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
/** GitHub keeps results of one category apart from other tools' uploads. */
const AUTOMATION_CATEGORY = 'go-build-policy/';
const FINGERPRINT_KEY = 'goBuildPolicyFinding/v1';
/** GitHub shows the message of an alert; a remediation longer than this is cut. */
const MAX_REMEDIATION_CHARS = 4000;

export interface SarifInput {
  result: ScanResult;
  /** Metadata of every rule that ran (built-in and extension rules). */
  rules: readonly RuleMetadata[];
  /** The scanned tree: snippets, and a file for findings that name none. */
  snapshot: RepositorySnapshot;
  toolVersion: string;
}

/**
 * `warn` is a partial failure (it earns half its weight), so it reports one level below a
 * full failure: an error-severity rule met in part shows as a warning, a warning as a note.
 * That keeps GitHub's default "fail the check on errors" for full failures only.
 */
function levelOf(finding: Finding): SarifLevel {
  const level = LEVEL_OF_SEVERITY[finding.severity];
  if (finding.status !== 'warn') return level;
  return level === 'error' ? 'warning' : 'note';
}

function messageText(finding: Finding): string {
  const head =
    finding.status === 'error'
      ? `Could not evaluate: ${finding.message}`
      : finding.message;
  const remediation =
    finding.remediation.length > MAX_REMEDIATION_CHARS
      ? `${finding.remediation.slice(0, MAX_REMEDIATION_CHARS)}…`
      : finding.remediation;
  return remediation ? `${head}\n\nHow to fix: ${remediation}` : head;
}

/** Stable across runs and line moves: one finding per rule, placed on one primary file. */
function fingerprint(ruleId: string, primaryPath: string): string {
  return createHash('sha256').update(`${ruleId}\0${primaryPath}`).digest('hex');
}

function sarifResult(
  finding: Finding,
  ruleIndex: number,
  category: RuleCategory | undefined,
  where: SarifLocations,
  paths: readonly string[],
) {
  const given = finding.locations.filter(l => l.path.length > 0);
  const locations = given.length
    ? given
    : [{ path: fallbackPath(category, paths), startLine: 1, endLine: 1 }];
  const [primary, ...related] = locations;
  return {
    ruleId: finding.ruleId,
    ruleIndex,
    kind: 'fail',
    level: levelOf(finding),
    message: { text: messageText(finding) },
    locations: [where.physical(primary)],
    ...(related.length
      ? {
          relatedLocations: related.map((l, i) => ({
            id: i + 1,
            ...where.physical(l),
            message: { text: `Also concerns ${l.path}` },
          })),
        }
      : {}),
    partialFingerprints: {
      [FINGERPRINT_KEY]: fingerprint(finding.ruleId, primary.path),
    },
    properties: {
      status: finding.status,
      ...(finding.notes ? { notes: finding.notes } : {}),
    },
  };
}

/** SARIF 2.1.0 for GitHub code scanning: every rule that ran, results for fail/warn/error. */
export function formatSarif(input: SarifInput): string {
  const { result, rules, snapshot, toolVersion } = input;
  const where = new SarifLocations(snapshot);
  const severityOf = new Map(result.findings.map(f => [f.ruleId, f.severity]));
  const reported = rules.filter(r => severityOf.has(r.id));
  const indexOf = new Map(reported.map((r, i) => [r.id, i]));
  const categoryOf = new Map(reported.map(r => [r.id, r.category]));
  const results = result.findings
    .filter(
      f => f.status === 'fail' || f.status === 'warn' || f.status === 'error',
    )
    .filter(f => indexOf.has(f.ruleId))
    .map(f =>
      sarifResult(
        f,
        indexOf.get(f.ruleId)!,
        categoryOf.get(f.ruleId),
        where,
        snapshot.paths,
      ),
    );
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'go-build-policy',
            informationUri: PROJECT_URI,
            version: toolVersion,
            semanticVersion: toolVersion,
            rules: reported.map(r => sarifRule(r, severityOf.get(r.id)!)),
          },
        },
        automationDetails: { id: AUTOMATION_CATEGORY },
        originalUriBaseIds: {
          [SARIF_SRCROOT]: {
            description: { text: 'The root of the scanned repository.' },
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
        properties: {
          score: result.score,
          level: result.level,
          rawScore: result.rawScore,
        },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
