import { FixSuggestion } from '@go-build-policy/plugin-go-build-policy-common';
import { PolicyRule, RuleOutcome } from '../engine/Rule';
import { RuleContext } from '../engine/RuleContext';
import { PatchedContexts, patchedContext } from './patchedContext';
import { FixProposal } from './types';
import { unifiedDiff } from './unifiedDiff';

/** Statuses a fix is proposed for. */
export function wantsFix(outcome: RuleOutcome): boolean {
  return outcome.status === 'fail' || outcome.status === 'warn';
}

/**
 * The rule's proposal for this outcome, kept only when it changes something and the
 * patched snapshot passes the rule: a fix that does not fix is worse than none. Never
 * throws (a bug in a fix must not lose the finding). A scan passes `patched` to share
 * verification contexts between its rules.
 */
export function verifiedProposal(
  rule: PolicyRule,
  context: RuleContext,
  outcome: RuleOutcome,
  patched?: PatchedContexts,
): FixProposal | undefined {
  if (!rule.fix || !wantsFix(outcome)) return undefined;
  try {
    const proposal = rule.fix(context, outcome);
    if (!proposal) return undefined;
    const edits = proposal.edits.filter(edit => edit.before !== edit.after);
    if (!edits.length) return undefined;
    const verification = patched
      ? patched.of(edits)
      : patchedContext(context, edits);
    if (rule.evaluate(verification).status !== 'pass') return undefined;
    return { ...proposal, edits };
  } catch {
    return undefined;
  }
}

/** The stored, displayable form of a proposal: diffs instead of whole files. */
export function toSuggestion(proposal: FixProposal): FixSuggestion {
  return {
    title: proposal.title,
    description: proposal.description,
    files: proposal.edits.map(edit => ({
      path: edit.path,
      diff: unifiedDiff(edit.path, edit.before, edit.after),
      ...(edit.before === undefined ? { created: true } : {}),
    })),
  };
}
