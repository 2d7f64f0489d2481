import {
  ComplianceLevel,
  Finding,
  LEVELS,
  Severity,
} from '@go-build-policy/plugin-go-build-policy-common';

/** The parts of a result a regression is judged on. */
export interface ComparableResult {
  level: ComplianceLevel;
  failingRuleIds: readonly string[];
}

/** What got worse between two consecutive results of one entity. */
export interface Regression {
  /** Findings of rules that did not fail before and fail now (waived ones left out). */
  newlyFailing: Finding[];
  /** Set when the level dropped (gold → silver…). */
  levelDrop?: { from: ComplianceLevel; to: ComplianceLevel };
}

// Lower is better; `not-applicable` has no rank (nothing to compare).
const RANK = new Map<ComplianceLevel, number>(
  LEVELS.filter(l => l !== 'not-applicable').map((l, i) => [l, i]),
);

const SEVERITY_ORDER: Record<Severity, number> = {
  error: 0,
  warning: 1,
  info: 2,
};

/**
 * A rule that passed (or did not apply) and now fails, or a level that dropped, is a
 * regression. A first result is not one (there is nothing it regressed from), and a rule
 * under an active waiver is accepted by the platform team, so it does not count.
 */
export function detectRegression(
  previous: ComparableResult | undefined,
  current: ComparableResult & { findings: readonly Finding[] },
  waivedRuleIds: ReadonlySet<string> = new Set(),
): Regression | undefined {
  if (!previous) return undefined;
  const before = new Set(previous.failingRuleIds);
  const newlyFailing = current.findings
    .filter(
      f =>
        current.failingRuleIds.includes(f.ruleId) &&
        !before.has(f.ruleId) &&
        !waivedRuleIds.has(f.ruleId),
    )
    .sort(
      (a, b) =>
        SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
        a.ruleId.localeCompare(b.ruleId),
    );
  const from = RANK.get(previous.level);
  const to = RANK.get(current.level);
  const levelDrop =
    from !== undefined && to !== undefined && to > from
      ? { from: previous.level, to: current.level }
      : undefined;
  if (!newlyFailing.length && !levelDrop) return undefined;
  return { newlyFailing, ...(levelDrop ? { levelDrop } : {}) };
}
