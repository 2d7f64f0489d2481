/**
 * The fix shared by ci-module-cache and ci-build-cache: every push or pull-request Go job
 * that restores no Go cache gets one. A job with setup-go has its cache turned on (the
 * smallest change: one input, or the action's major); a job without setup-go (a golang
 * container, the runner's Go) gets an actions/cache step whose paths and key suit its
 * environment and satisfy the ci-key-* rules.
 */
import { RuleContext } from '../../../engine/RuleContext';
import { setStepInput, setStepUses } from '../../../fixes/workflowText';
import { FixProposal } from '../../../fixes/types';
import { Job, SetupGoCache } from '../../../model/workflows';
import {
  Coverage,
  describeJob,
  jobVerdict,
  routineEvents,
  routineGoJobs,
} from '../ciSupport';
import { goSumsOfJob } from '../jobModules';
import { addActionsCache } from './addActionsCache';
import { offRoutineEvent, otherCleanBuildExists } from './cleanBuilds';
import { addScheduleTrigger, FileChanges, MAX_CHANGES } from './setupGoText';

export const SETUP_GO_UPGRADE = 'actions/setup-go@v5';

/** Whether setup-go at this resolved version has a `cache` input at all (v3.2.0 and later). */
function hasCacheInput(cache: SetupGoCache): boolean {
  const [major, minor] = cache.resolvedVersion.split('.').map(Number);
  return major > 3 || (major === 3 && minor >= 2);
}

/** The go.sum files (or, for modules without requirements, go.mod files) the job builds with. */
export function dependencyFilesOfJob(ctx: RuleContext, job: Job): string[] {
  const sums = goSumsOfJob(ctx, job);
  if (sums.length) return sums;
  const all = ctx.go.modules.flatMap(m => (m.goSumPath ? [m.goSumPath] : []));
  return all.length ? all : ctx.go.modules.map(m => m.goModPath);
}

function restoresOtherGoCache(job: Job): boolean {
  return job.caches.some(
    c => c.kind === 'actions-cache' && (c.covers.module || c.covers.build),
  );
}

interface SetupGoPlan {
  /** `cache:` value to write; undefined removes the input (on by default since v4). */
  guard?: string;
}

/** Turns setup-go's cache on in one step; returns what was done, or undefined when it cannot. */
function enableSetupGo(
  ctx: RuleContext,
  job: Job,
  cache: SetupGoCache,
  plan: SetupGoPlan,
  changes: FileChanges,
): string | undefined {
  const step = cache.step;
  const { path, startLine: line } = step.span;
  if (
    job.checkout.stepIndex === undefined ||
    job.checkout.stepIndex > step.index
  )
    return undefined;
  // An expression the author wrote on purpose (`cache: ${{ … }}`) is not ours to overwrite.
  if (cache.enabled === 'unknown') return undefined;
  const done: string[] = [];
  const upgrade = !hasCacheInput(cache);
  if (upgrade) {
    changes.add(path, line, text => setStepUses(text, line, SETUP_GO_UPGRADE));
    done.push(
      `upgrades \`${
        step.uses?.raw ?? 'actions/setup-go'
      }\` to \`${SETUP_GO_UPGRADE}\` (releases before v3.2 have no cache)`,
    );
  }
  const major = upgrade ? 5 : Number(cache.resolvedVersion.split('.')[0]);
  const cacheValue = plan.guard ?? (major >= 4 ? undefined : 'true');
  const current = step.with.find(i => i.name === 'cache');
  if (cache.enabled === false && (current || cacheValue !== undefined)) {
    changes.add(path, line, text =>
      cacheValue === 'true'
        ? setStepInput(text, line, 'cache', true)
        : setStepInput(text, line, 'cache', cacheValue),
    );
    done.push(
      cacheValue === undefined
        ? 'removes `cache: false` (setup-go caches by default since v4)'
        : `sets \`cache: ${cacheValue}\``,
    );
  }
  if (cache.dependencyFileFound === false) {
    const prefix = job.checkout.path
      ? `${job.checkout.path.replace(/^\.\//, '').replace(/\/+$/, '')}/`
      : '';
    const files = dependencyFilesOfJob(ctx, job).map(f => `${prefix}${f}`);
    if (!files.length) return undefined;
    changes.add(path, line, text =>
      setStepInput(text, line, 'cache-dependency-path', files.join('\n')),
    );
    done.push(
      `sets \`cache-dependency-path\` to ${files
        .map(f => `\`${f}\``)
        .join(', ')} (setup-go found no ${cache.dependencyPatterns.join(
        ', ',
      )} where it looks, so its cache restored nothing)`,
    );
  }
  return done.length
    ? `${describeJob(
        job,
      )}: the setup-go step (${path} line ${line}) ${done.join('; ')}.`
    : undefined;
}

const CLEAN_BUILD_CRON = '17 3 * * 1';

/**
 * The event on which the job keeps building clean: a schedule or dispatch trigger it
 * has, or a weekly schedule added to its workflow (block `on:` maps only).
 */
function cleanRunOf(
  job: Job,
  changes: FileChanges,
): { event: string; note: string } | undefined {
  const event = offRoutineEvent(job);
  if (event)
    return {
      event,
      note: `Runs started by \`${event}\` keep building with no cache, so the repository still proves that a clean build works (ci-clean-validation).`,
    };
  if (job.workflowPath !== job.path) return undefined;
  changes.add(job.path, job.triggers.lines?.startLine ?? 1, text =>
    addScheduleTrigger(text, CLEAN_BUILD_CRON),
  );
  return {
    event: 'schedule',
    note: `These jobs were the only builds without a cache. To keep proving that a clean build works (ci-clean-validation), ${job.path} also runs weekly (\`cron: '${CLEAN_BUILD_CRON}'\`), and those scheduled runs build with no cache.`,
  };
}

function lastSetupGo(job: Job): SetupGoCache | undefined {
  const all = job.caches.filter(
    (c): c is SetupGoCache => c.kind === 'setup-go',
  );
  return all[all.length - 1];
}

/** A verified-by-the-engine proposal that makes every routine Go job restore the `kind` cache. */
export function proposeGoCacheRestore(
  ctx: RuleContext,
  kind: Coverage,
): FixProposal | undefined {
  const model = ctx.workflows;
  const failing = routineGoJobs(model).filter(
    job => jobVerdict(job, kind, routineEvents(job)).status === 'none',
  );
  if (!failing.length || failing.length > MAX_CHANGES) return undefined;
  const changes = new FileChanges();
  const lines: string[] = [];
  // One clean run is what ci-clean-validation asks for: keep it if the fix would remove it.
  let keepClean = !otherCleanBuildExists(model, failing);
  const notes: string[] = [];
  for (const job of failing) {
    // Publishing jobs should build clean (ci-release-no-cache); splitting them is a human call.
    if (job.publishes || restoresOtherGoCache(job)) return undefined;
    const setupGo = lastSetupGo(job);
    let line: string | undefined;
    if (setupGo) {
      const clean = keepClean ? cleanRunOf(job, changes) : undefined;
      const guard = clean
        ? `\${{ github.event_name != '${clean.event}' }}`
        : undefined;
      line = enableSetupGo(ctx, job, setupGo, { guard }, changes);
      if (clean && line) {
        keepClean = false;
        notes.push(clean.note);
      }
    } else {
      line = addActionsCache(ctx, job, changes);
    }
    if (!line || changes.full) return undefined;
    lines.push(`- ${line}`);
  }
  if (keepClean)
    notes.push(
      'These jobs were the only builds without a cache: add a scheduled clean build (see ci-clean-validation) so a missing go.sum entry or private-module access still shows up.',
    );
  const edits = changes.edits(ctx);
  if (!edits) return undefined;
  return {
    title:
      failing.length === 1
        ? `Restore the Go caches in ${failing[0].id}`
        : `Restore the Go caches in ${failing.length} CI jobs`,
    description: [
      'Go jobs that run on pushes and pull requests download every module and rebuild every package on each run. This restores GOMODCACHE and GOCACHE, keyed on the OS, architecture, Go version and go.sum:',
      '',
      ...lines,
      ...(notes.length ? ['', ...notes] : []),
    ].join('\n'),
    edits,
  };
}
