import { Finding, FindingStatus, RuleCategory, Severity } from './types';

/**
 * Compliance levels, best first. A repository with nothing to judge (no Go job, no
 * Dockerfile, no go.mod requirements) is `not-applicable`.
 */
export type ComplianceLevel =
  | 'gold'
  | 'silver'
  | 'bronze'
  | 'needs-work'
  | 'not-applicable';

export const LEVELS: readonly ComplianceLevel[] = [
  'gold',
  'silver',
  'bronze',
  'needs-work',
  'not-applicable',
];

export const LEVEL_DESCRIPTIONS: Record<ComplianceLevel, string> = {
  gold: 'Score at least 90 and no failing error-severity rule.',
  silver: 'Score at least 75 and no failing error-severity rule.',
  bronze: 'Score at least 50.',
  'needs-work': 'Score below 50.',
  'not-applicable': 'No rule applies to this repository.',
};

/** Weight of an applicable rule in the score. */
export const SEVERITY_WEIGHTS: Record<Severity, number> = {
  error: 3,
  warning: 2,
  info: 1,
};

/** Share of a rule's weight each status earns; undefined means "not counted". */
const EARNED_SHARE: Record<FindingStatus, number | undefined> = {
  pass: 1,
  warn: 0.5,
  fail: 0,
  // The input could not be evaluated (a broken workflow does not run either): counted, earns nothing.
  error: 0,
  'not-applicable': undefined,
};

export interface ScoreBreakdown {
  /** 0-100, rounded to an integer; 100 when nothing applies. */
  score: number;
  earned: number;
  possible: number;
}

export interface ScoreResult {
  /** Effective score: waived rules count as passing. */
  score: number;
  /** Raw score: waived rules count as they are. */
  rawScore: number;
  level: ComplianceLevel;
  rawLevel: ComplianceLevel;
  categories: Partial<Record<RuleCategory, ScoreBreakdown>>;
  counts: Record<FindingStatus, number>;
}

export interface ScoreOptions {
  /** Rule ids waived for this repository. */
  waivedRuleIds?: Iterable<string>;
  /** Category of each rule id (from the rule catalogue, or extension rules). */
  categoryOf?: (ruleId: string) => RuleCategory | undefined;
}

function breakdown(
  findings: readonly Finding[],
  isWaived: (f: Finding) => boolean,
): ScoreBreakdown {
  let earned = 0;
  let possible = 0;
  for (const f of findings) {
    const share = EARNED_SHARE[f.status];
    if (share === undefined) continue;
    const weight = SEVERITY_WEIGHTS[f.severity];
    possible += weight;
    earned += weight * (isWaived(f) ? 1 : share);
  }
  const score = possible === 0 ? 100 : Math.round((100 * earned) / possible);
  return { score, earned, possible };
}

function levelOf(
  findings: readonly Finding[],
  score: number,
  possible: number,
  isWaived: (f: Finding) => boolean,
): ComplianceLevel {
  if (possible === 0) return 'not-applicable';
  const failingError = findings.some(
    f =>
      f.severity === 'error' &&
      (f.status === 'fail' || f.status === 'error') &&
      !isWaived(f),
  );
  if (score >= 90 && !failingError) return 'gold';
  if (score >= 75 && !failingError) return 'silver';
  if (score >= 50) return 'bronze';
  return 'needs-work';
}

/**
 * Score = earned weight / applicable weight × 100, where each applicable rule weighs by
 * severity (error 3, warning 2, info 1) and earns all of it on pass, half on warn and
 * none on fail or error. Deterministic: depends only on the findings and the waivers.
 */
export function computeScore(
  findings: readonly Finding[],
  options: ScoreOptions = {},
): ScoreResult {
  const waived = new Set(options.waivedRuleIds ?? []);
  const effectiveWaiver = (f: Finding) => waived.has(f.ruleId);
  const noWaiver = () => false;

  const effective = breakdown(findings, effectiveWaiver);
  const raw = breakdown(findings, noWaiver);

  const categories: Partial<Record<RuleCategory, ScoreBreakdown>> = {};
  if (options.categoryOf) {
    const byCategory = new Map<RuleCategory, Finding[]>();
    for (const f of findings) {
      const category = options.categoryOf(f.ruleId);
      if (!category) continue;
      const list = byCategory.get(category) ?? [];
      list.push(f);
      byCategory.set(category, list);
    }
    for (const [category, list] of byCategory) {
      categories[category] = breakdown(list, effectiveWaiver);
    }
  }

  const counts: Record<FindingStatus, number> = {
    pass: 0,
    fail: 0,
    warn: 0,
    'not-applicable': 0,
    error: 0,
  };
  for (const f of findings) counts[f.status]++;

  return {
    score: effective.score,
    rawScore: raw.score,
    level: levelOf(
      findings,
      effective.score,
      effective.possible,
      effectiveWaiver,
    ),
    rawLevel: levelOf(findings, raw.score, raw.possible, noWaiver),
    categories,
    counts,
  };
}

/** Silver or better: what the org scorecard counts as compliant. */
export function isCompliant(level: ComplianceLevel): boolean {
  return level === 'gold' || level === 'silver';
}
