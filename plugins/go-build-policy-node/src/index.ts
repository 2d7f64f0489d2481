/**
 * The go-build-policy rule engine: parsers, repository models, the rules of POLICY.md,
 * scoring, the CLI, and the extension point for organisation rules.
 *
 * @packageDocumentation
 */
export type {
  RepositorySnapshot,
  SnapshotFile,
} from './snapshot/RepositorySnapshot';
export {
  isPolicyInput,
  isDockerfileName,
  snapshotFromFiles,
  MAX_PARSED_FILE_BYTES,
} from './snapshot/RepositorySnapshot';
export type { PolicyRule, RuleOutcome } from './engine/Rule';
export { outcome, at } from './engine/Rule';
export { RuleContext } from './engine/RuleContext';
export type { ResolvedPolicySettings } from './engine/RuleContext';
export { scanSnapshot, activeRules, proposeFix } from './engine/scan';
export type { FileEdit, FixProposal, ProposeFix } from './fixes/types';
export { unifiedDiff } from './fixes/unifiedDiff';
export { applyEdits } from './fixes/applyEdits';
export type { ScanOptions, ScanResult } from './engine/scan';
export { BUILT_IN_RULES } from './engine/registry';
export { goBuildPolicyRulesExtensionPoint } from './extensionPoint';
export type { GoBuildPolicyRulesExtensionPoint } from './extensionPoint';
export { runCli } from './cli';
export type { CliIo } from './cli';
