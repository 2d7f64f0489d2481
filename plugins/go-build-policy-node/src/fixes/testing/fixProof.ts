/**
 * The proof a fix must give in its tests (the triage issue asks for it): on a repository
 * where the rule fails or warns, the engine proposes a fix; after the fix the rule
 * passes and no other rule's status gets worse; and the diff holds only the lines the
 * test names. Jest assertions: use from test files only.
 */
import { FindingStatus } from '@go-build-policy/plugin-go-build-policy-common';
import { proposeFix, scanSnapshot, ScanOptions } from '../../engine/scan';
import {
  RepositorySnapshot,
  snapshotFromFiles,
} from '../../snapshot/RepositorySnapshot';
import { applyEdits } from '../applyEdits';
import { FixProposal } from '../types';
import { unifiedDiff } from '../unifiedDiff';

export interface FixProofOptions {
  /** Settings and extra rules of the scan. */
  scan?: ScanOptions;
  /** The rule's status before the fix (default: either fail or warn). */
  before?: 'fail' | 'warn';
  /**
   * Rules whose status may get worse after this fix, each with the reason the test
   * accepts it (kept in the test as documentation).
   */
  mayWorsen?: Record<string, string>;
}

const RANK: Record<FindingStatus, number> = {
  'not-applicable': 0,
  pass: 0,
  warn: 1,
  fail: 2,
  error: 3,
};

/** True when `after` is a worse status than `before` (a passing rule that stops applying counts). */
export function isWorse(before: FindingStatus, after: FindingStatus): boolean {
  if (before === 'pass' && after === 'not-applicable') return true;
  return RANK[after] > RANK[before];
}

function statuses(
  snapshot: RepositorySnapshot,
  options: ScanOptions,
): Map<string, FindingStatus> {
  const result = scanSnapshot(snapshot, { ...options, fixes: false });
  return new Map(result.findings.map(f => [f.ruleId, f.status]));
}

/**
 * Asserts the whole proof for `ruleId` on `files` and returns the proposal, so the test
 * can go on to check its title, description and lines (see `changedLines`).
 */
export function expectFixMakesRulePass(
  files: Record<string, string>,
  ruleId: string,
  options: FixProofOptions = {},
): FixProposal {
  const scanOptions = options.scan ?? {};
  const snapshot = snapshotFromFiles(files);
  const before = statuses(snapshot, scanOptions);
  const status = before.get(ruleId);
  if (options.before) {
    expect({ ruleId, status }).toEqual({ ruleId, status: options.before });
  } else {
    expect({ ruleId, status }).toEqual({
      ruleId,
      status: expect.stringMatching(/^(fail|warn)$/),
    });
  }

  const proposal = proposeFix(snapshot, ruleId, scanOptions);
  expect(proposal).toBeDefined();
  const fix = proposal!;
  expect(fix.title.trim()).not.toBe('');
  expect(fix.description.trim()).not.toBe('');
  expect(fix.edits.length).toBeGreaterThan(0);
  for (const edit of fix.edits) {
    expect(edit.before).toBe(files[edit.path]);
  }

  const after = statuses(applyEdits(snapshot, fix.edits), scanOptions);
  expect({ ruleId, status: after.get(ruleId) }).toEqual({
    ruleId,
    status: 'pass',
  });
  const worsened = [...before]
    .filter(([id]) => id !== ruleId && !options.mayWorsen?.[id])
    .filter(([id, was]) => isWorse(was, after.get(id) ?? 'not-applicable'))
    .map(([id, was]) => `${id}: ${was} -> ${after.get(id)}`);
  expect(worsened).toEqual([]);
  return fix;
}

/**
 * The engine's fix for `ruleId` on `files`, after asserting the rule fails or warns there:
 * for tests that expect no fix (`expect(fixOffered(files, id)).toBeUndefined()`).
 */
export function fixOffered(
  files: Record<string, string>,
  ruleId: string,
  options: Omit<FixProofOptions, 'mayWorsen'> = {},
): FixProposal | undefined {
  const snapshot = snapshotFromFiles(files);
  const status = statuses(snapshot, options.scan ?? {}).get(ruleId);
  expect({ ruleId, status }).toEqual({
    ruleId,
    status: options.before ?? expect.stringMatching(/^(fail|warn)$/),
  });
  return proposeFix(snapshot, ruleId, options.scan);
}

/** Asserts that the engine offers no fix for `ruleId` on `files` (while the rule fails or warns). */
export function expectNoFix(
  files: Record<string, string>,
  ruleId: string,
  options: Omit<FixProofOptions, 'mayWorsen'> = {},
): void {
  expect(fixOffered(files, ruleId, options)).toBeUndefined();
}

/** The diff of each edited file, keyed by path. */
export function diffsOf(proposal: FixProposal): Record<string, string> {
  return Object.fromEntries(
    proposal.edits.map(edit => [
      edit.path,
      unifiedDiff(edit.path, edit.before, edit.after),
    ]),
  );
}

/**
 * The removed and added lines of a proposal's diffs, per path: what a test compares with
 * the lines it intends to change, so that any other change fails it.
 */
export function changedLines(
  proposal: FixProposal,
): Record<string, { removed: string[]; added: string[] }> {
  const result: Record<string, { removed: string[]; added: string[] }> = {};
  for (const [path, diff] of Object.entries(diffsOf(proposal))) {
    const lines = diff.split('\n').slice(2);
    result[path] = {
      removed: lines.filter(l => l.startsWith('-')).map(l => l.slice(1)),
      added: lines.filter(l => l.startsWith('+')).map(l => l.slice(1)),
    };
  }
  return result;
}
