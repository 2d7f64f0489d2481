import {
  FindingLocation,
  FindingStatus,
  RuleMetadata,
} from '@go-build-policy/plugin-go-build-policy-common';
import { RuleContext } from './RuleContext';
import type { ProposeFix } from '../fixes/types';

/** A rule's verdict before the engine adds its id and configured severity. */
export interface RuleOutcome {
  status: FindingStatus;
  /** What is right or wrong in this repository, in a sentence or two. */
  message: string;
  locations?: FindingLocation[];
  /** Markdown fitted to this repository; defaults to the rule's general remediation. */
  remediation?: string;
  notes?: string[];
}

/**
 * One rule of the policy. Built-in rules take their metadata from the catalogue in
 * -common; rules added through the extension point bring their own.
 */
export interface PolicyRule {
  id: string;
  /** Required for rules that are not in the built-in catalogue. */
  metadata?: RuleMetadata;
  /** Pure: reads the parsed models of the context, does no I/O, may not throw on bad input. */
  evaluate(context: RuleContext): RuleOutcome;
  /**
   * For rules whose fix is mechanical: a patch for a failing or warning outcome. The
   * engine keeps it only when the patched snapshot passes the rule (see fixes/).
   */
  fix?: ProposeFix;
}

/** Shorthands that keep rule code close to POLICY.md's table. */
export const outcome = {
  pass: (message: string, rest: Partial<RuleOutcome> = {}): RuleOutcome => ({
    status: 'pass',
    message,
    ...rest,
  }),
  fail: (message: string, rest: Partial<RuleOutcome> = {}): RuleOutcome => ({
    status: 'fail',
    message,
    ...rest,
  }),
  warn: (message: string, rest: Partial<RuleOutcome> = {}): RuleOutcome => ({
    status: 'warn',
    message,
    ...rest,
  }),
  notApplicable: (
    message: string,
    rest: Partial<RuleOutcome> = {},
  ): RuleOutcome => ({ status: 'not-applicable', message, ...rest }),
  error: (message: string, rest: Partial<RuleOutcome> = {}): RuleOutcome => ({
    status: 'error',
    message,
    ...rest,
  }),
};

/** A location covering lines `startLine`..`endLine` (defaults to one line) of `path`. */
export function at(
  path: string,
  startLine: number,
  endLine: number = startLine,
): FindingLocation {
  return { path, startLine, endLine: Math.max(startLine, endLine) };
}
