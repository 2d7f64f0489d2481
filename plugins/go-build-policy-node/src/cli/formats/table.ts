import {
  Finding,
  FindingStatus,
  RuleCategory,
  RuleMetadata,
} from '@go-build-policy/plugin-go-build-policy-common';
import { ScanResult } from '../../engine/scan';

const CATEGORY_TITLES: Record<RuleCategory, string> = {
  ci: 'ci: caches in CI',
  mod: 'mod: reproducible dependency state',
  toolchain: 'toolchain: one Go version, on purpose',
  private: 'private: private modules as explicit policy',
  docker: 'docker: layers that keep dependency downloads',
};
const CATEGORY_ORDER: readonly RuleCategory[] = [
  'ci',
  'mod',
  'toolchain',
  'private',
  'docker',
];

const STATUS_LABELS: Record<FindingStatus, string> = {
  pass: 'PASS',
  fail: 'FAIL',
  warn: 'WARN',
  error: 'ERROR',
  'not-applicable': 'N/A',
};

type Paint = (text: string) => string;

/** ANSI colours, or identity functions when the output is not a colour terminal. */
function palette(colour: boolean) {
  const sgr =
    (code: string): Paint =>
    text =>
      colour ? `\u001b[${code}m${text}\u001b[0m` : text;
  return {
    bold: sgr('1'),
    dim: sgr('2'),
    status: {
      pass: sgr('32'),
      fail: sgr('31'),
      warn: sgr('33'),
      error: sgr('35'),
      // Not-applicable rows are dimmed as a whole.
      'not-applicable': (text: string) => text,
    } as Record<FindingStatus, Paint>,
  };
}

function firstLocation(finding: Finding): string | undefined {
  const l = finding.locations[0];
  if (!l) return undefined;
  const lines =
    l.endLine > l.startLine ? `${l.startLine}-${l.endLine}` : `${l.startLine}`;
  const more =
    finding.locations.length > 1
      ? ` (+${finding.locations.length - 1} more)`
      : '';
  return `${l.path}:${lines}${more}`;
}

/**
 * A message's lines, whitespace collapsed: the first goes on the rule's row, list items
 * below it. Remediation snippets belong to the json and sarif formats.
 */
function messageLines(text: string): string[] {
  return text
    .split('\n')
    .map(line => line.replace(/\s+/g, ' ').trim())
    .filter(line => line.length > 0);
}

export interface TableInput {
  result: ScanResult;
  rules: readonly RuleMetadata[];
  colour: boolean;
  /** Print each suggested fix's diff under its rule (`--fixes`). */
  diffs?: boolean;
}

/** A fix's title and diffs, indented under its rule; added and removed lines coloured. */
function fixLines(
  fix: NonNullable<Finding['fix']>,
  indent: string,
  paint: ReturnType<typeof palette>,
): string[] {
  const lines = [`${indent}${paint.bold(`Suggested fix: ${fix.title}`)}`];
  for (const file of fix.files) {
    for (const line of file.diff.replace(/\n$/, '').split('\n')) {
      let painted = line;
      if (line.startsWith('+') && !line.startsWith('+++')) {
        painted = paint.status.pass(line);
      } else if (line.startsWith('-') && !line.startsWith('---')) {
        painted = paint.status.fail(line);
      } else if (line.startsWith('@@')) {
        painted = paint.dim(line);
      }
      lines.push(`${indent}${painted}`);
    }
  }
  return lines;
}

/**
 * A report for terminals and CI logs: the score and level, the category sub-scores, then
 * every rule grouped by category with its status, severity, message and first location.
 */
export function formatTable({
  result,
  rules,
  colour,
  diffs = false,
}: TableInput): string {
  const paint = palette(colour);
  const categoryOf = new Map(rules.map(r => [r.id, r.category]));
  const out: string[] = [];
  const rawNote =
    result.rawScore !== result.score ? ` (raw ${result.rawScore})` : '';
  out.push(
    paint.bold(
      `go-build-policy score ${result.score}/100, level ${result.level}${rawNote}`,
    ),
  );
  const subScores = CATEGORY_ORDER.map(c => {
    const b = result.categories[c];
    return `${c} ${b && b.possible > 0 ? b.score : 'n/a'}`;
  });
  out.push(`categories: ${subScores.join(' | ')}`);
  const c = result.counts;
  out.push(
    `rules: ${c.pass} pass, ${c.fail} fail, ${c.warn} warn, ${c.error} error, ${c['not-applicable']} not applicable`,
  );
  const idWidth = Math.max(0, ...result.findings.map(f => f.ruleId.length));
  for (const category of CATEGORY_ORDER) {
    const findings = result.findings.filter(
      f => categoryOf.get(f.ruleId) === category,
    );
    if (findings.length === 0) continue;
    const b = result.categories[category];
    const score = b && b.possible > 0 ? `${b.score}/100` : 'not applicable';
    out.push('', paint.bold(`${CATEGORY_TITLES[category]} (${score})`));
    for (const f of findings) {
      const label = STATUS_LABELS[f.status].padEnd(5);
      const applicable = f.status !== 'not-applicable';
      const status = paint.status[f.status](label);
      const [first = '', ...rest] = messageLines(f.message);
      const row = `  ${status}  ${f.severity.padEnd(7)}  ${f.ruleId.padEnd(
        idWidth,
      )}  ${first}`;
      out.push(applicable ? row : paint.dim(row));
      const indent = ' '.repeat(2 + 5 + 2 + 7 + 2 + idWidth + 2);
      if (applicable) for (const line of rest) out.push(`${indent}${line}`);
      const where = firstLocation(f);
      if (where && applicable) out.push(paint.dim(`${indent}${where}`));
      if (diffs && f.fix) out.push(...fixLines(f.fix, indent, paint));
    }
  }
  return `${out.join('\n')}\n`;
}
