import { outcome, PolicyRule, RuleOutcome } from '../../engine/Rule';
import { RuleContext } from '../../engine/RuleContext';
import { CacheUse, Job } from '../../model/workflows';
import {
  cacheVerdict,
  describeCache,
  describeJob,
  location,
  visibilityNotes,
  notApplicableUnlessBroken,
} from './ciSupport';
import { setupGoYaml, yamlBlock } from './snippets';
import { fixReleaseNoCache } from './fixes/ci-release-no-cache.fix';

/** Go caches a job restores (or may restore), setup-go and actions/cache alike. */
/** Events the job publishes on, when that is told by its triggers (release, tag pushes). */
function publishingEvents(job: Job): string[] | undefined {
  const events = new Set<string>();
  if (job.triggers.release) events.add('release');
  if (job.triggers.events.some(e => e.name === 'push' && e.tags?.length))
    events.add('push');
  return events.size ? [...events] : undefined;
}

function restoredGoCaches(
  job: Job,
): Array<{ cache: CacheUse; certain: boolean }> {
  const events = publishingEvents(job);
  return job.caches.flatMap(
    (cache): Array<{ cache: CacheUse; certain: boolean }> => {
      const verdicts = [
        cacheVerdict(job, cache, 'module', events),
        cacheVerdict(job, cache, 'build', events),
      ];
      if (verdicts.some(v => v?.kind === 'restores'))
        return [{ cache, certain: true }];
      if (verdicts.some(v => v?.kind === 'unknown'))
        return [{ cache, certain: false }];
      return [];
    },
  );
}

function remediation(job: Job, caches: CacheUse[]): string {
  const setupGo = caches.find(c => c.kind === 'setup-go');
  const lines = [
    `Build releases from a clean state: in ${describeJob(
      job,
    )}, turn the Go caches off.`,
    '',
  ];
  if (setupGo) lines.push(yamlBlock(setupGoYaml(job, { cache: 'false' })));
  const others = caches.filter(c => c.kind === 'actions-cache');
  if (others.length)
    lines.push(
      '',
      `Remove ${others
        .map(describeCache)
        .join(
          ', ',
        )} from the publishing job (keep Docker layer caches if you like: they are not Go caches).`,
    );
  lines.push(
    '',
    'A tag or release run restores entries that default-branch runs saved; a stale or poisoned cache would go into the release.',
  );
  return lines.join('\n');
}

function evaluate(ctx: RuleContext): RuleOutcome {
  const model = ctx.workflows;
  const notes = visibilityNotes(model);
  const publishing = model.jobs.filter(j => j.publishes && !j.isCodeQl);
  if (!publishing.length)
    return notApplicableUnlessBroken(
      model,
      'No job publishes a release or an image from CI.',
      notes,
    );
  const offenders = publishing
    .map(job => ({ job, caches: restoredGoCaches(job) }))
    .filter(o => o.caches.length);
  const certain = offenders.filter(o => o.caches.some(c => c.certain));
  for (const o of offenders.filter(x => !certain.includes(x))) {
    notes.push(
      `Whether ${describeJob(
        o.job,
      )} restores a Go cache depends on run-time values (${o.caches
        .map(c => describeCache(c.cache))
        .join(', ')}).`,
    );
  }
  if (!certain.length) {
    return outcome.pass(
      `Publishing jobs build with no restored Go cache: ${publishing
        .map(j => `${describeJob(j)} (${j.publishes!.reason})`)
        .join('; ')}.`,
      { locations: publishing.map(j => location(j.publishes!.span)), notes },
    );
  }
  const first = certain[0];
  return outcome.fail(
    `${certain
      .map(
        o =>
          `${describeJob(o.job)} publishes (${
            o.job.publishes!.reason
          }) and restores a Go cache through ${o.caches
            .filter(c => c.certain)
            .map(c => describeCache(c.cache))
            .join(', ')}`,
      )
      .join('; ')}.`,
    {
      locations: certain.flatMap(o => [
        location(o.job.publishes!.span),
        ...o.caches.map(c => location(c.cache.step.span)),
      ]),
      remediation: remediation(
        first.job,
        first.caches.map(c => c.cache),
      ),
      notes,
    },
  );
}

/** POLICY.md `ci-release-no-cache`: publishing jobs build with no restored Go cache. */
export const ciReleaseNoCacheRule: PolicyRule = {
  id: 'ci-release-no-cache',
  evaluate,
  fix: fixReleaseNoCache,
};
