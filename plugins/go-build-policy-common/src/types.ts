/** Outcome of one rule for one repository. */
export type FindingStatus =
  | 'pass'
  | 'fail'
  | 'warn'
  | 'not-applicable'
  | 'error';

/** How much a failing rule matters; also its weight in the score. */
export type Severity = 'error' | 'warning' | 'info';

/** The rule families of POLICY.md. */
export type RuleCategory = 'ci' | 'mod' | 'toolchain' | 'private' | 'docker';

/** Lines of a repository file that made a rule pass or fail (1-based, inclusive). */
export interface FindingLocation {
  path: string;
  startLine: number;
  endLine: number;
}

/**
 * One rule's verdict on one repository (the Finding contract of DESIGN.md).
 * Extra fields are optional so that stored findings stay readable as the contract grows.
 */
export interface Finding {
  ruleId: string;
  status: FindingStatus;
  severity: Severity;
  message: string;
  locations: FindingLocation[];
  /** Markdown: what to change, with a snippet fitted to this repository. */
  remediation: string;
  /** Extra facts that did not change the verdict (for example "weekly key rotation"). */
  notes?: string[];
  /** A mechanical fix for a failing finding, as a patch of the scanned files. */
  fix?: FixSuggestion;
}

/** One file of a fix: a unified diff against the scanned content (or a new file). */
export interface FixFileChange {
  path: string;
  /** Unified diff (`--- a/path`, `+++ b/path`, `@@` hunks); `/dev/null` on the left for a new file. */
  diff: string;
  /** The file does not exist yet and the fix creates it. */
  created?: boolean;
}

/** A patch that makes a failing rule pass, proposed by the rule itself. */
export interface FixSuggestion {
  /** Short imperative summary, used as the commit and pull-request title. */
  title: string;
  /** Markdown: what the patch changes and why (the pull-request body starts with it). */
  description: string;
  files: FixFileChange[];
}

/** Static description of a rule, shared by the engine, the API and the UI. */
export interface RuleMetadata {
  id: string;
  category: RuleCategory;
  defaultSeverity: Severity;
  title: string;
  /** Why the rule exists. */
  rationale: string;
  passWhen: string;
  failWhen: string;
  notApplicableWhen: string;
  /** General remediation; findings carry one fitted to the repository. */
  remediation: string;
  /** The rule can propose a patch (a fix suggestion) for a failing repository. */
  fixable?: boolean;
}

/** Per-rule overrides an organisation sets in app-config or in the CLI's --config file. */
export interface RuleSetting {
  enabled?: boolean;
  severity?: Severity;
}

/** The policy settings shared by the backend (app-config) and the CLI (--config). */
export interface PolicySettings {
  rules?: Record<string, RuleSetting>;
  /** Go module path patterns, GOPRIVATE syntax (comma-free list of globs). */
  privateModules?: string[];
}
