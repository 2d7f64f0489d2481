import { RuleContext } from '../engine/RuleContext';
import { RuleOutcome } from '../engine/Rule';

/**
 * One file a fix writes. `before` is the scanned content (undefined for a file the fix
 * creates); `after` is the whole new content. Whole contents, not hunks: a pull request
 * writes files, and a rescan reads them.
 */
export interface FileEdit {
  path: string;
  before?: string;
  after: string;
}

/** A patch proposed by a rule, with the full file contents (the engine turns it into diffs). */
export interface FixProposal {
  /** Short imperative summary: the commit and pull-request title. */
  title: string;
  /** Markdown: what changes and why. */
  description: string;
  edits: FileEdit[];
}

/**
 * A rule whose fix is mechanical proposes a patch for its own failing (or warning)
 * outcome. Pure, like `evaluate`: reads the context, does no I/O; returns undefined when
 * it cannot make the rule pass with confidence (a key built by a script it cannot see, a
 * Dockerfile it cannot safely reorder). Must not throw on bad input.
 */
export type ProposeFix = (
  context: RuleContext,
  outcome: RuleOutcome,
) => FixProposal | undefined;
