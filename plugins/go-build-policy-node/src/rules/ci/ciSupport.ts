/**
 * What the ci-* rules share: naming jobs and caches in messages, which caches restore which
 * Go cache, and the notes every rule adds about what the scan could not see.
 */
import { FindingLocation } from '@go-build-policy/plugin-go-build-policy-common';
import { RuleContext } from '../../engine/RuleContext';
import { at, outcome, RuleOutcome } from '../../engine/Rule';
import {
  ActionsCache,
  CacheUse,
  Job,
  SetupGoCache,
  SourceSpan,
  WorkflowModel,
} from '../../model/workflows';

export function location(span: SourceSpan): FindingLocation {
  return at(span.path, span.startLine, span.endLine);
}

/** `job \`test\` of .github/workflows/ci.yml` (with the caller for reusable workflows). */
export function describeJob(job: Job): string {
  const base = `job \`${job.id}\` of ${job.path}`;
  return job.calledFrom
    ? `${base} (called by job \`${job.calledFrom.jobId}\` of ${job.calledFrom.workflowPath})`
    : base;
}

export function describeCache(cache: CacheUse): string {
  const uses =
    cache.step.uses?.kind === 'action' ? cache.step.uses.raw : 'a cache step';
  return `\`${uses}\` (${cache.step.span.path} line ${cache.step.span.startLine})`;
}

/** A Go cache that restores at run time (save-only and lookup-only steps restore nothing). */
export function restores(cache: CacheUse): boolean {
  if (cache.kind === 'setup-go') return cache.enabled !== false;
  return cache.variant !== 'save' && !cache.lookupOnly;
}

export type Coverage = 'module' | 'build';

/** Whether one cache restores a Go cache for every combination of its job. */
export type CacheVerdict =
  | { kind: 'restores'; cache: CacheUse }
  | { kind: 'restores-nothing'; cache: SetupGoCache; why: string }
  | { kind: 'misplaced'; cache: ActionsCache; why: string }
  | { kind: 'unknown'; cache: CacheUse; why: string };

function actionsCacheVerdict(
  job: Job,
  cache: ActionsCache,
  kind: Coverage,
): CacheVerdict | undefined {
  const combos = job.combinations.length;
  let unknownPath: string | undefined;
  let misplacedPath: string | undefined;
  const misplacedWhere = new Set<string>();
  let covered = 0;
  for (let i = 0; i < combos; i++) {
    const hit = cache.paths.some(p =>
      kind === 'module' ? p.covers[i]?.module : p.covers[i]?.build,
    );
    if (hit) {
      covered++;
      continue;
    }
    const unknown = cache.paths.find(
      p => !p.excluded && p.values[i]?.hasUnknown,
    );
    if (unknown) unknownPath ??= unknown.raw;
    const wrong = cache.paths.find(p => p.misplaced[i]);
    if (wrong) {
      const combo = job.combinations[i];
      const target =
        kind === 'module' ? combo.goPaths.gomodcache : combo.goPaths.gocache;
      const where = job.container
        ? `in the job container \`${job.container.image}\``
        : `on ${combo.os}`;
      misplacedPath ??= wrong.raw;
      if (wrong.raw === misplacedPath)
        misplacedWhere.add(`${where} (\`${target}\`)`);
    }
  }
  // Every platform where the path is wrong, not only the first combination's.
  const misplaced =
    misplacedPath &&
    `\`${misplacedPath}\` is not where Go keeps its ${
      kind === 'module' ? 'module cache' : 'build cache'
    } ${[...misplacedWhere].join(' or ')}`;
  if (covered === combos) return { kind: 'restores', cache };
  if (misplaced && (kind === 'build' || covered === 0))
    return { kind: 'misplaced', cache, why: misplaced };
  if (unknownPath)
    return {
      kind: 'unknown',
      cache,
      why: `the path \`${unknownPath}\` is computed in a way the scan cannot follow`,
    };
  return undefined;
}

/** How a cache step serves the module or build cache of its job, if at all. */
export function cacheVerdict(
  job: Job,
  cache: CacheUse,
  kind: Coverage,
  events?: string[],
): CacheVerdict | undefined {
  if (!restores(cache)) return undefined;
  if (cache.kind === 'setup-go') {
    const enabled = events ? setupGoEnabledOn(cache, events) : cache.enabled;
    if (enabled === false) return undefined;
    if (enabled === 'unknown')
      return { kind: 'unknown', cache, why: cache.enabledReason };
    if (cache.dependencyFileFound === false) {
      return {
        kind: 'restores-nothing',
        cache,
        why: cache.dependencyProblem ?? 'its dependency file does not exist',
      };
    }
    if (cache.dependencyFileFound === 'unknown') {
      return {
        kind: 'unknown',
        cache,
        why: 'its cache-dependency-path is computed at run time',
      };
    }
    return { kind: 'restores', cache };
  }
  return actionsCacheVerdict(job, cache, kind);
}

/** The best verdict of a job for one Go cache: restores > unknown > misplaced > nothing. */
export function jobVerdict(
  job: Job,
  kind: Coverage,
  events?: string[],
): { status: 'restores' | 'unknown' | 'none'; verdicts: CacheVerdict[] } {
  const verdicts = job.caches.flatMap(
    c => cacheVerdict(job, c, kind, events) ?? [],
  );
  if (verdicts.some(v => v.kind === 'restores'))
    return { status: 'restores', verdicts };
  if (verdicts.some(v => v.kind === 'unknown'))
    return { status: 'unknown', verdicts };
  return { status: 'none', verdicts };
}

const ROUTINE_EVENTS = new Set([
  'push',
  'pull_request',
  'pull_request_target',
  'merge_group',
]);

/** The job's trigger events that run routinely on code changes. */
export function routineEvents(job: Job): string[] {
  return [...new Set(job.triggers.events.map(e => e.name))].filter(e =>
    ROUTINE_EVENTS.has(e),
  );
}

/**
 * Whether setup-go caches on the given events: `cache: ${{ github.event_name != 'schedule' }}`
 * is on for pushes and off on the schedule. 'unknown' when the events disagree or the
 * expression depends on something else.
 */
export function setupGoEnabledOn(
  cache: SetupGoCache,
  events: string[],
): boolean | 'unknown' {
  if (cache.enabled !== 'unknown' || !cache.enabledByEvent)
    return cache.enabled;
  const values = events.flatMap(e =>
    e in cache.enabledByEvent! ? [cache.enabledByEvent![e]] : [],
  );
  if (!values.length) return 'unknown';
  if (values.every(v => v === true)) return true;
  if (values.every(v => v === false)) return false;
  return 'unknown';
}

/** Go jobs that run on pushes or pull requests (the ones that should restore caches). */
export function routineGoJobs(model: WorkflowModel): Job[] {
  return model.goJobs.filter(job => job.triggers.routine);
}

/** Notes about inputs the scan could not read or see, shared by every ci-* rule. */
export function visibilityNotes(model: WorkflowModel): string[] {
  const notes = model.issues.map(
    i => `${i.path} line ${i.line} could not be evaluated: ${i.message}.`,
  );
  for (const job of model.jobs) {
    if (job.triggers.reusableOnly && !job.calledFrom && job.goEvidence) {
      notes.push(
        `${describeJob(
          job,
        )} runs only when another repository calls its workflow (workflow_call); it is not counted as a push or pull-request job.`,
      );
    }
    const ref = job.usesWorkflow;
    if (ref && !ref.visible) {
      notes.push(
        `${describeJob(job)} calls \`${
          ref.ref.raw
        }\`, a reusable workflow the scan cannot see; its caches are not evaluated.`,
      );
    }
  }
  return notes;
}

/** Whether every Go module is vendored (Go 1.14+ then builds with -mod=vendor by default). */
export function allModulesVendored(ctx: RuleContext): boolean {
  const modules = ctx.go.modules;
  return (
    modules.length > 0 &&
    modules.every(m => m.vendorModulesTxtPath !== undefined)
  );
}

/** go.sum files of the repository's modules, for cache-dependency-path snippets. */
export function goSumPaths(ctx: RuleContext): string[] {
  const sums = ctx.go.modules.flatMap(m => (m.goSumPath ? [m.goSumPath] : []));
  return sums.length ? sums : ['go.sum'];
}

/** A workflow file the rules needed could not be parsed and nothing else decided: an error outcome's message. */
export function brokenInputsMessage(model: WorkflowModel): string | undefined {
  const broken = model.issues.filter(i => i.path.startsWith('.github/'));
  if (!broken.length) return undefined;
  return broken.map(i => `${i.path} (line ${i.line}: ${i.message})`).join('; ');
}

/**
 * Not applicable, unless a workflow could not be parsed: then the rule cannot tell and says
 * which file stopped it (an `error` outcome).
 */
/**
 * The outcome of a ci-* rule when no job runs Go: not applicable, or an error when some
 * workflows could not be read (the Go job may be in one of them).
 */
export function noGoJobOutcome(
  model: WorkflowModel,
  notes: string[],
): RuleOutcome {
  const broken = brokenInputsMessage(model);
  if (broken) {
    return outcome.error(
      `No Go job could be found, and some workflows could not be evaluated: ${broken}.`,
      { locations: brokenLocations(model), notes },
    );
  }
  return outcome.notApplicable('No workflow job runs the Go toolchain.', {
    notes,
  });
}

export function notApplicableUnlessBroken(
  model: WorkflowModel,
  message: string,
  notes: string[],
): RuleOutcome {
  const broken = brokenInputsMessage(model);
  if (broken) {
    return outcome.error(
      `${message} But some workflows could not be evaluated: ${broken}.`,
      { locations: brokenLocations(model), notes },
    );
  }
  return outcome.notApplicable(message, { notes });
}

export function brokenLocations(model: WorkflowModel): FindingLocation[] {
  return model.issues.map(i => at(i.path, i.line));
}
