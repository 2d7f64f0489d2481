/**
 * The GitHub Actions model: workflows, their triggers, jobs (with local composite actions
 * and local reusable workflows expanded), steps, caches with evaluated keys, and the root
 * Makefile. Built once per scan by `buildWorkflowModel` and read through `ctx.workflows`.
 *
 * This file is a contract for the ci-*, private-*, docker-* and mod-* rules: fields are
 * only ever added, never renamed. Lines are 1-based and inclusive; paths are repository
 * paths with posix separators.
 */
import type { CacheUse } from './cacheTypes';

/** Lines `startLine`..`endLine` of the file named by the object holding it. */
export interface LineRange {
  startLine: number;
  endLine: number;
}

/** A place in a repository file. */
export interface SourceSpan extends LineRange {
  path: string;
}

/** A file of the model that could not be read or parsed, with the line of the problem. */
export interface WorkflowFileIssue {
  path: string;
  line: number;
  message: string;
}

// ---------------------------------------------------------------------------------------
// Expressions

/**
 * One piece of an evaluated value (a cache key, a path, an input). Values are evaluated
 * per matrix combination; whatever cannot be known statically stays symbolic:
 * - `literal`: fixed text;
 * - `context`: a context value that the scan keeps symbolic (`runner.os`, `runner.arch`,
 *   `github.sha`, `github.run_id`, `steps.setup-go.outputs.go-version`, `secrets.X`...);
 * - `hashFiles`: `hashFiles(...)` with its patterns;
 * - `command`: shell output the scan knows by meaning (`$(date +%Y%V)`, `$(go env GOMODCACHE)`);
 * - `unknown`: an expression or script output the scan cannot follow (`why` says which).
 */
export type ValuePart =
  | { kind: 'literal'; text: string }
  | { kind: 'context'; name: string }
  | { kind: 'hashFiles'; patterns: string[] }
  | { kind: 'command'; command: string }
  | { kind: 'unknown'; text: string; why: string };

/** An evaluated value: its parts, and a readable rendering (symbolic parts as `${{ x }}`). */
export interface EvaluatedValue {
  parts: ValuePart[];
  /** The value with known parts substituted and the rest shown symbolically. */
  text: string;
  /** True when every part is a literal. */
  isLiteral: boolean;
  /** True when some part is `unknown`. */
  hasUnknown: boolean;
}

// ---------------------------------------------------------------------------------------
// Triggers

/** One event of a workflow's `on:`. */
export interface TriggerEvent {
  /** `push`, `pull_request`, `schedule`, `workflow_dispatch`, `release`, `workflow_call`... */
  name: string;
  line: number;
  branches?: string[];
  branchesIgnore?: string[];
  tags?: string[];
  tagsIgnore?: string[];
  /** Activity types (`release: types: [published]`). */
  types?: string[];
}

/** What starts a workflow, classified for the cache rules. */
export interface WorkflowTriggers {
  events: TriggerEvent[];
  /** Lines of the `on:` entry. */
  lines?: LineRange;
  /**
   * Runs routinely on code changes: pull_request(_target), merge_group, or a push of
   * branches (a push with no filter runs on branches and tags).
   */
  routine: boolean;
  /** Runs on tag pushes (a push with `tags:` filters, or an unfiltered push). */
  tagPush: boolean;
  /** Runs on `release` events. */
  release: boolean;
  /** Runs on a schedule, by `workflow_dispatch` or `repository_dispatch`. */
  scheduledOrManual: boolean;
  /** Only `workflow_call`: the callers decide (see Job.calledFrom). */
  reusableOnly: boolean;
}

// ---------------------------------------------------------------------------------------
// Env, steps, actions

/** An `env:` entry at workflow, job or step (or composite action) level. */
export interface EnvEntry {
  name: string;
  /** The value as written (expressions not evaluated), an unquoted number as Actions reads it. */
  value: string;
  /** The spelling in the file when Actions reads it differently (`1.20`, read as `1.2`). */
  writtenAs?: string;
  level: 'workflow' | 'job' | 'step' | 'action';
  span: SourceSpan;
}

/** A `with:` input of a step. */
export interface StepInput {
  name: string;
  /** The value as written (block scalars joined with newlines), an unquoted number as Actions reads it. */
  value: string;
  /** The spelling in the file when Actions reads it differently (`go-version: 1.20` is `1.2`). */
  writtenAs?: string;
  span: SourceSpan;
}

/** A parsed `uses:` of a step or job. */
export type UsesRef =
  | {
      kind: 'action';
      /** `owner/repo` lowercased. */
      repo: string;
      /** Path inside the repository (`restore` in `actions/cache/restore`), '' when none. */
      subPath: string;
      /** The ref after `@` (`v5`, `v5.1.0`, a SHA). */
      ref: string;
      /** Major version when the ref says one (`v5` → 5, `v5.1.0` → 5); undefined for SHAs. */
      major?: number;
      /** Full version when the ref is `vX.Y.Z` or `vX.Y`. */
      version?: { major: number; minor: number; patch: number };
      /**
       * The comment after a SHA pin (`# v5.1.0`), parsed the same way when present
       * (minor and patch are -1 when the comment names only a major: `# v5`).
       */
      commentVersion?: { major: number; minor: number; patch: number };
      raw: string;
    }
  | { kind: 'local'; path: string; raw: string }
  | { kind: 'docker'; image: string; raw: string }
  | { kind: 'invalid'; raw: string };

/** A line of a `run:` script, with its position in the file. */
export interface ScriptLine {
  text: string;
  line: number;
}

/** A step of a job, after composite actions are expanded. */
export interface Step {
  /** Position of the step in the job's expanded step list. */
  index: number;
  id?: string;
  name?: string;
  uses?: UsesRef;
  /** The `run:` script as written. */
  run?: string;
  /** Each line of `run:` with its file line (multi-line scripts map line by line). */
  runLines: ScriptLine[];
  shell?: string;
  /** `working-directory` of the step, or the job's `defaults.run.working-directory`. */
  workingDirectory?: string;
  with: StepInput[];
  env: EnvEntry[];
  /** Lines of the whole step item. */
  span: SourceSpan;
  /** Set when the step comes from a local composite action: the `uses:` step that called it. */
  viaAction?: {
    actionPath: string;
    callerSpan: SourceSpan;
    /** The action's inputs as the caller sets them (defaults filled in). */
    inputs: Record<string, string | undefined>;
  };
  /** Raw `if:` condition. */
  condition?: string;
}

/** A local action file read by the model (`.github/actions/x/action.yml`, or any `uses: ./p`). */
export interface LocalAction {
  path: string;
  /** `composite`, `node20`, `docker`... */
  using?: string;
  issue?: WorkflowFileIssue;
}

// ---------------------------------------------------------------------------------------
// Runners, matrix, Go paths

export type RunnerOs = 'linux' | 'macos' | 'windows' | 'unknown';
export type RunnerArch = 'x64' | 'arm64' | 'unknown';

/** One combination of the job's matrix (the single empty combination when no matrix). */
export interface MatrixCombination {
  /** Matrix values as text, as Actions reads them (unquoted `1.20` is `1.2`); nested objects are JSON. */
  values: Record<string, string>;
  /** Per matrix key, the spelling in the file when Actions reads the value differently. */
  writtenAs?: Record<string, string>;
  /** The runner label(s) for this combination, evaluated (symbolic when unknown). */
  runsOn: EvaluatedValue;
  os: RunnerOs;
  arch: RunnerArch;
  /** Go's cache paths in effect for this combination. */
  goPaths: GoPaths;
}

/** Where the Go toolchain keeps its caches in a job. */
export interface GoPaths {
  /** Absolute effective GOMODCACHE (`/home/runner/go/pkg/mod`, `/go/pkg/mod`...). */
  gomodcache: string;
  /** Absolute effective GOCACHE. */
  gocache: string;
  home: string;
  /** False when an env value or runner is not known statically. */
  certain: boolean;
  /** Which env entries moved the caches, if any. */
  movedBy: EnvEntry[];
}

export * from './cacheTypes';

// ---------------------------------------------------------------------------------------
// Jobs

/** Why a job counts as a Go job, with the step or Makefile line that shows it. */
export interface GoEvidence {
  reason: string;
  span: SourceSpan;
  /** The job builds or tests code (go build/test, through make or goreleaser too). */
  buildsOrTests: boolean;
  /** Set when the evidence is a Go action (`golang/govulncheck-action`): its `owner/repo`. */
  action?: string;
}

/** How the job gets the repository. */
export interface CheckoutInfo {
  /** Index of the first actions/checkout step, if any. */
  stepIndex?: number;
  /** `path:` input of that checkout. */
  path?: string;
  span?: SourceSpan;
}

/** A docker build the job runs: `docker build -f`, `docker buildx build`, build-push-action. */
export interface DockerBuildUse {
  /** The Dockerfile path in the repository, when it can be told. */
  dockerfile?: string;
  /** The context directory ('' for the root), when it can be told. */
  context?: string;
  /** Whether the build pushes (`push: true`, `--push`). */
  push: boolean | 'unknown';
  /** `build-args` lines (build-push-action) or `--build-arg` values. */
  buildArgs: Array<{ text: string; line: number }>;
  /** `secrets` lines of build-push-action, or `--secret` flags. */
  secrets: Array<{ text: string; line: number }>;
  step: Step;
  span: SourceSpan;
}

/** A job of a workflow (or of a local reusable workflow, expanded into its caller). */
export interface Job {
  /** Job key in the workflow file. */
  id: string;
  name?: string;
  /** The workflow file the job is written in. */
  path: string;
  span: SourceSpan;
  /** The workflow whose triggers start this job (the caller for reusable workflows). */
  workflowPath: string;
  /** That workflow's triggers, narrowed by the job's (and its caller's) `if:` when it decides them. */
  triggers: WorkflowTriggers;
  /** Set for jobs of a local reusable workflow: the calling job. */
  calledFrom?: { workflowPath: string; jobId: string; span: SourceSpan };
  /** Job-level `uses:` of a reusable workflow, with whether the scan could read it. */
  usesWorkflow?: { ref: UsesRef; visible: boolean; span: SourceSpan };
  runsOnSpan?: SourceSpan;
  /** Matrix combinations after include/exclude (one empty combination without a matrix). */
  combinations: MatrixCombination[];
  /** Matrix keys defined, for telling `matrix.x` defined from undefined. */
  matrixKeys: string[];
  /** The matrix is (partly) an expression the scan cannot expand. */
  matrixUnknown: boolean;
  container?: { image: string; span: SourceSpan };
  /** Env entries at workflow and job level (step env is on each step). */
  env: EnvEntry[];
  /** Values of `inputs.*` the job sees (reusable-workflow call inputs, dispatch defaults). */
  inputs: Record<string, string | undefined>;
  defaultsWorkingDirectory?: string;
  steps: Step[];
  condition?: string;
  // Analysis
  /** Set when the job runs the Go toolchain (POLICY.md's definition). */
  goEvidence?: GoEvidence;
  /** Every use of the Go toolchain in the job, in step order (goEvidence is the preferred one). */
  goUses?: GoEvidence[];
  /** CodeQL autobuild jobs are excluded from Go jobs even when they build Go. */
  isCodeQl: boolean;
  checkout: CheckoutInfo;
  caches: CacheUse[];
  dockerBuilds: DockerBuildUse[];
  /** Publishing: goreleaser, docker push, build-push-action with push, release/tag triggers. */
  publishes?: { reason: string; span: SourceSpan };
  /** Values written to `$GITHUB_OUTPUT` / `$GITHUB_ENV` by visible scripts. */
  stepOutputs: Record<string, Record<string, string>>;
}

/** One workflow file. */
export interface Workflow {
  path: string;
  name?: string;
  /** Set when the file could not be read or parsed: then jobs is empty. */
  issue?: WorkflowFileIssue;
  triggers: WorkflowTriggers;
  env: EnvEntry[];
  /** The jobs written in this file (reusable callers keep their own entry too). */
  jobs: Job[];
  /** `on.workflow_call.inputs` with defaults, for reusable workflows. */
  callInputs: Record<string, string | undefined>;
}

// ---------------------------------------------------------------------------------------
// Makefile

export interface MakeRule {
  targets: string[];
  prerequisites: string[];
  recipe: ScriptLine[];
  span: SourceSpan;
}

export interface MakefileModel {
  path: string;
  rules: MakeRule[];
  issue?: WorkflowFileIssue;
  /** Recipe lines of a target and every target it depends on (bounded, cycle-safe). */
  recipeClosure(target: string | undefined): ScriptLine[];
  /** The first target (what a bare `make` runs). */
  defaultTarget?: string;
}

// ---------------------------------------------------------------------------------------

export interface WorkflowModel {
  /** Every workflow of `.github/workflows`, in path order. */
  workflows: Workflow[];
  /**
   * Every job that runs: jobs of each workflow, plus jobs of local reusable workflows under
   * each caller. Reusable workflows' own jobs are listed only through callers when some local
   * workflow calls them.
   */
  jobs: Job[];
  /** Jobs that are Go jobs per POLICY.md (CodeQL excluded). */
  goJobs: Job[];
  localActions: LocalAction[];
  /** The root Makefile, GNUmakefile or makefile, if any. */
  makefile?: MakefileModel;
  /** Files that could not be read: workflows, actions, Makefile. */
  issues: WorkflowFileIssue[];
}
