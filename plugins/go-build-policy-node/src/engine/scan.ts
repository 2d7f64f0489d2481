import {
  computeScore,
  Finding,
  getRuleMetadata,
  PolicySettings,
  RuleCategory,
  RuleMetadata,
  ScoreResult,
} from '@go-build-policy/plugin-go-build-policy-common';
import { RepositorySnapshot } from '../snapshot/RepositorySnapshot';
import { PolicyRule } from './Rule';
import { RuleContext } from './RuleContext';
import { BUILT_IN_RULES } from './registry';
import { toSuggestion, verifiedProposal } from '../fixes/suggestFix';
import { FixProposal } from '../fixes/types';
import { PatchedContexts } from '../fixes/patchedContext';

function isGoModPath(path: string): boolean {
  return path === 'go.mod' || path.endsWith('/go.mod');
}

export interface ScanOptions {
  settings?: PolicySettings;
  /** Organisation rules added through the extension point. */
  extraRules?: readonly PolicyRule[];
  /** Rule ids waived for this repository (effective score counts them as passing). */
  waivedRuleIds?: Iterable<string>;
  /**
   * Attach verified fix suggestions to failing findings of fixable rules. Off by default:
   * each suggestion is verified by evaluating its rule on the patched repository, which
   * costs a few times a plain scan. The backend turns it on (it scans only changed
   * heads); the CLI with `--fixes`.
   */
  fixes?: boolean;
}

export interface ScanResult extends ScoreResult {
  findings: Finding[];
}

function metadataOf(rule: PolicyRule): RuleMetadata | undefined {
  return rule.metadata ?? getRuleMetadata(rule.id);
}

/** The rules a scan runs, built-in first, with their metadata; unknown ids are dropped. */
export function activeRules(options: ScanOptions = {}): Array<{
  rule: PolicyRule;
  metadata: RuleMetadata;
}> {
  const seen = new Set<string>();
  const active: Array<{ rule: PolicyRule; metadata: RuleMetadata }> = [];
  for (const rule of [...BUILT_IN_RULES, ...(options.extraRules ?? [])]) {
    const metadata = metadataOf(rule);
    if (!metadata || seen.has(rule.id)) continue;
    seen.add(rule.id);
    if (options.settings?.rules?.[rule.id]?.enabled === false) continue;
    active.push({ rule, metadata });
  }
  return active;
}

function evaluateSafely(rule: PolicyRule, context: RuleContext) {
  try {
    return rule.evaluate(context);
  } catch (e) {
    // A rule bug or an input no parser foresaw must not lose the other findings.
    const reason = e instanceof Error ? e.message : String(e);
    return {
      status: 'error' as const,
      message: `The rule could not evaluate this repository: ${reason}`,
    };
  }
}

function contextOf(snapshot: RepositorySnapshot, options: ScanOptions) {
  return new RuleContext(snapshot, {
    privateModules: options.settings?.privateModules ?? [],
  });
}

/**
 * One rule's verified fix for a snapshot, with whole file contents: what a pull request
 * writes. Undefined when the rule is unknown, disabled, passes, or has no fix that makes
 * it pass.
 */
export function proposeFix(
  snapshot: RepositorySnapshot,
  ruleId: string,
  options: ScanOptions = {},
): FixProposal | undefined {
  const active = activeRules(options).find(({ rule }) => rule.id === ruleId);
  if (!active) return undefined;
  const context = contextOf(snapshot, options);
  const result = evaluateSafely(active.rule, context);
  return verifiedProposal(active.rule, context, result);
}

/**
 * Runs every active rule on a snapshot and scores the result. Pure and synchronous: the
 * same snapshot and options always give the same findings, in rule order.
 */
export function scanSnapshot(
  snapshot: RepositorySnapshot,
  options: ScanOptions = {},
): ScanResult {
  const context = contextOf(snapshot, options);
  const patched = new PatchedContexts(context);
  const categories = new Map<string, RuleCategory>();
  const findings: Finding[] = activeRules(options).map(({ rule, metadata }) => {
    categories.set(rule.id, metadata.category);
    const result = evaluateSafely(rule, context);
    const finding: Finding = {
      ruleId: rule.id,
      status: result.status,
      severity:
        options.settings?.rules?.[rule.id]?.severity ??
        metadata.defaultSeverity,
      message: result.message,
      locations: result.locations ?? [],
      remediation: result.remediation ?? metadata.remediation,
    };
    if (result.notes?.length) finding.notes = result.notes;
    if (options.fixes) {
      const proposal = verifiedProposal(rule, context, result, patched);
      if (proposal) finding.fix = toSuggestion(proposal);
    }
    return finding;
  });
  const score = computeScore(findings, {
    waivedRuleIds: options.waivedRuleIds,
    categoryOf: id => categories.get(id),
  });
  // Rules that pass when something is absent (no cache wipe, no checksum bypass) would
  // give a repository without Go a perfect score; it has no level, as the backend's
  // "not a Go repository" state says.
  if (!snapshot.paths.some(isGoModPath)) {
    return {
      ...score,
      level: 'not-applicable',
      rawLevel: 'not-applicable',
      findings,
    };
  }
  return { ...score, findings };
}
