/**
 * `ci-no-double-cache`: a job where setup-go's cache and an actions/cache step restore
 * the same Go caches keeps one of them. The actions/cache step wins when it covers both
 * Go caches (its author chose its key and paths on purpose): setup-go gets
 * `cache: false`. When it covers only part of what setup-go already restores and holds
 * nothing else, it is the redundant one and is removed. Two overlapping actions/cache
 * steps need a human to merge their keys: no fix.
 */
import { RuleContext } from '../../../engine/RuleContext';
import { FixProposal, ProposeFix } from '../../../fixes/types';
import { ActionsCache, Job, SetupGoCache } from '../../../model/workflows';
import { describeCache, describeJob, restores } from '../ciSupport';
import { setStepInput } from '../../../fixes/workflowText';
import { FileChanges, removeStep } from './setupGoText';

function restoresBoth(cache: SetupGoCache): boolean {
  return cache.enabled === true && cache.dependencyFileFound !== false;
}

/** Whether every path of the step is a Go cache path in every combination. */
function onlyGoCaches(job: Job, cache: ActionsCache): boolean {
  return cache.paths.every(
    p =>
      p.excluded ||
      job.combinations.every(
        (_, i) => p.covers[i]?.module || p.covers[i]?.build,
      ),
  );
}

/** Whether the step restores both Go caches in every combination. */
function coversBoth(job: Job, cache: ActionsCache): boolean {
  return job.combinations.every(
    (_, i) =>
      cache.paths.some(p => p.covers[i]?.module) &&
      cache.paths.some(p => p.covers[i]?.build),
  );
}

function planJob(job: Job, changes: FileChanges): string | undefined {
  const restoring = job.caches.filter(restores);
  const setupGo = restoring.filter(
    (c): c is SetupGoCache => c.kind === 'setup-go' && restoresBoth(c),
  );
  const own = restoring.filter(
    (c): c is ActionsCache =>
      c.kind === 'actions-cache' && (c.covers.module || c.covers.build),
  );
  if (!setupGo.length || !own.length) return undefined;
  if (own.length > 1 || setupGo.length > 1) return undefined;
  const [goCache] = setupGo;
  const [step] = own;
  if (coversBoth(job, step)) {
    const { path, startLine } = goCache.step.span;
    changes.add(path, startLine, text =>
      setStepInput(text, startLine, 'cache', false),
    );
    return `${describeJob(job)}: sets \`cache: false\` on ${describeCache(
      goCache,
    )}, keeping ${describeCache(
      step,
    )}, which already restores GOMODCACHE and GOCACHE with its own key.`;
  }
  if (step.variant !== 'cache' || !onlyGoCaches(job, step)) return undefined;
  changes.add(step.step.span.path, step.step.span.startLine, text =>
    removeStep(text, step.step.span),
  );
  return `${describeJob(job)}: removes ${describeCache(
    step,
  )}; it restores only part of what ${describeCache(
    goCache,
  )} already restores (GOMODCACHE and GOCACHE).`;
}

function jobsWithOverlap(ctx: RuleContext): Job[] {
  return ctx.workflows.jobs.filter(
    job =>
      job.caches.some(c => c.kind === 'setup-go' && restoresBoth(c)) &&
      job.caches.some(
        c =>
          c.kind === 'actions-cache' &&
          restores(c) &&
          (c.covers.module || c.covers.build),
      ),
  );
}

export const fixNoDoubleCache: ProposeFix = (ctx): FixProposal | undefined => {
  const jobs = jobsWithOverlap(ctx);
  if (!jobs.length) return undefined;
  const changes = new FileChanges();
  const lines: string[] = [];
  for (const job of jobs) {
    const line = planJob(job, changes);
    if (!line || changes.full) return undefined;
    lines.push(`- ${line}`);
  }
  const edits = changes.edits(ctx);
  if (!edits) return undefined;
  return {
    title:
      jobs.length === 1
        ? `Restore the Go caches once in ${jobs[0].id}`
        : `Restore the Go caches once per job in ${jobs.length} CI jobs`,
    description: [
      'Two cache steps restored the same Go cache directories in one job: the second restore costs time and can fail while extracting over the first. This keeps one:',
      '',
      ...lines,
    ].join('\n'),
    edits,
  };
};
