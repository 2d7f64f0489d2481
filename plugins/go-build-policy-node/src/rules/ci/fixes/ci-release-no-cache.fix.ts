/**
 * `ci-release-no-cache`: publishing jobs build with no restored Go cache. setup-go gets
 * `cache: false`; an actions/cache step that holds only Go caches is removed (a release
 * run gains little from it and a poisoned entry would ship). A job that also runs on
 * pushes or pull requests still needs its cache there (ci-module-cache): its setup-go
 * cache is turned off only on the publishing event, and its actions/cache steps are left
 * to a human (no fix).
 */
import { RuleContext } from '../../../engine/RuleContext';
import { setStepInput } from '../../../fixes/workflowText';
import { FixProposal, ProposeFix } from '../../../fixes/types';
import { ActionsCache, CacheUse, Job } from '../../../model/workflows';
import { cacheVerdict, describeCache, describeJob } from '../ciSupport';
import { FileChanges, removeStep } from './setupGoText';

function restoresGoCache(job: Job, cache: CacheUse): boolean {
  return (['module', 'build'] as const).some(kind => {
    const verdict = cacheVerdict(job, cache, kind);
    return verdict?.kind === 'restores' || verdict?.kind === 'unknown';
  });
}

function onlyGoCaches(job: Job, cache: ActionsCache): boolean {
  return cache.paths.every(
    p =>
      p.excluded ||
      job.combinations.every(
        (_, i) => p.covers[i]?.module || p.covers[i]?.build,
      ),
  );
}

/**
 * The `cache:` value that keeps a routine job's cache on pushes and pull requests and
 * turns it off where it publishes; undefined when both happen on the same runs.
 */
function publishingOnlyGuard(job: Job): string | undefined {
  const { triggers } = job;
  const tagPushes = triggers.events.some(
    e => e.name === 'push' && e.tags?.length,
  );
  const branchPushes = triggers.events.some(
    e => e.name === 'push' && !e.tags?.length,
  );
  if (triggers.release && !tagPushes)
    return "${{ github.event_name != 'release' }}";
  if (tagPushes && !branchPushes && !triggers.release)
    return "${{ github.event_name != 'push' }}";
  if (tagPushes && !triggers.release)
    return "${{ !startsWith(github.ref, 'refs/tags/') }}";
  return undefined;
}

function planJob(job: Job, changes: FileChanges): string[] | undefined {
  const caches = job.caches.filter(c => restoresGoCache(job, c));
  const routine = job.triggers.routine;
  const guard = routine ? publishingOnlyGuard(job) : 'false';
  if (!guard) return undefined;
  const done: string[] = [];
  for (const cache of caches) {
    const { path, startLine } = cache.step.span;
    if (cache.kind === 'setup-go') {
      changes.add(path, startLine, text =>
        guard === 'false'
          ? setStepInput(text, startLine, 'cache', false)
          : setStepInput(text, startLine, 'cache', guard),
      );
      done.push(`sets \`cache: ${guard}\` on ${describeCache(cache)}`);
      continue;
    }
    if (routine || cache.variant === 'save' || !onlyGoCaches(job, cache))
      return undefined;
    changes.add(path, startLine, text => removeStep(text, cache.step.span));
    done.push(`removes ${describeCache(cache)}`);
  }
  return done.length
    ? [`${describeJob(job)} (${job.publishes!.reason}): ${done.join('; ')}.`]
    : undefined;
}

export const fixReleaseNoCache: ProposeFix = (
  ctx: RuleContext,
): FixProposal | undefined => {
  const jobs = ctx.workflows.jobs.filter(
    job =>
      job.publishes &&
      !job.isCodeQl &&
      job.caches.some(c => restoresGoCache(job, c)),
  );
  if (!jobs.length) return undefined;
  const changes = new FileChanges();
  const lines: string[] = [];
  for (const job of jobs) {
    const done = planJob(job, changes);
    if (!done || changes.full) return undefined;
    lines.push(...done.map(l => `- ${l}`));
  }
  const edits = changes.edits(ctx);
  if (!edits) return undefined;
  return {
    title:
      jobs.length === 1
        ? `Build ${jobs[0].id} without restored Go caches`
        : `Build ${jobs.length} publishing jobs without restored Go caches`,
    description: [
      'A tag or release run restores the cache entries that default-branch runs saved under the same key, so a stale or poisoned module or build cache would go into what is published. Publishing jobs now build from a clean state:',
      '',
      ...lines,
      '',
      'Docker layer caches (`cache-from: type=gha`) are not Go caches and stay as they are.',
    ].join('\n'),
    edits,
  };
};
