import { FindingLocation } from '@go-build-policy/plugin-go-build-policy-common';
import { outcome, PolicyRule, RuleOutcome } from '../../engine/Rule';
import { RuleContext } from '../../engine/RuleContext';
import { CacheUse, Job } from '../../model/workflows';
import {
  describeCache,
  describeJob,
  location,
  restores,
  visibilityNotes,
  notApplicableUnlessBroken,
} from './ciSupport';
import { setupGoYaml, yamlBlock } from './snippets';
import { fixNoDoubleCache } from './fixes/ci-no-double-cache.fix';

/** Which Go caches a cache step restores in one combination. */
function restoredAt(cache: CacheUse, i: number): Array<'module' | 'build'> {
  if (!restores(cache)) return [];
  if (cache.kind === 'setup-go')
    return cache.enabled === true && cache.dependencyFileFound !== false
      ? ['module', 'build']
      : [];
  const kinds: Array<'module' | 'build'> = [];
  if (cache.paths.some(p => p.covers[i]?.module)) kinds.push('module');
  if (cache.paths.some(p => p.covers[i]?.build)) kinds.push('build');
  return kinds;
}

interface Overlap {
  job: Job;
  first: CacheUse;
  second: CacheUse;
  kinds: string[];
}

function overlapsOf(job: Job): Overlap[] {
  const overlaps: Overlap[] = [];
  const caches = job.caches.filter(restores);
  for (let a = 0; a < caches.length; a++) {
    for (let b = a + 1; b < caches.length; b++) {
      const kinds = new Set<string>();
      job.combinations.forEach((_, i) => {
        const left = restoredAt(caches[a], i);
        for (const kind of restoredAt(caches[b], i))
          if (left.includes(kind)) kinds.add(kind);
      });
      if (kinds.size)
        overlaps.push({
          job,
          first: caches[a],
          second: caches[b],
          kinds: [...kinds],
        });
    }
  }
  return overlaps;
}

const NAMES: Record<string, string> = {
  module: 'GOMODCACHE',
  build: 'GOCACHE',
};

function evaluate(ctx: RuleContext): RuleOutcome {
  const model = ctx.workflows;
  const notes = visibilityNotes(model);
  const jobs = model.jobs.filter(j =>
    j.caches.some(
      c =>
        restores(c) &&
        (c.kind === 'setup-go' || c.covers.module || c.covers.build),
    ),
  );
  if (!jobs.length)
    return notApplicableUnlessBroken(
      model,
      'No job restores a Go cache.',
      notes,
    );
  const overlaps = jobs.flatMap(overlapsOf);
  if (!overlaps.length) {
    return outcome.pass(
      `Each Go cache path is restored once per job (${jobs.length} job${
        jobs.length > 1 ? 's' : ''
      } with Go caches).`,
      {
        locations: jobs.flatMap(j =>
          j.caches.filter(restores).map(c => location(c.step.span)),
        ),
        notes,
      },
    );
  }
  const locations: FindingLocation[] = overlaps.flatMap(o => [
    location(o.first.step.span),
    location(o.second.step.span),
  ]);
  const first = overlaps[0];
  const setupGo = [first.first, first.second].some(c => c.kind === 'setup-go');
  return outcome.fail(
    `${overlaps
      .map(
        o =>
          `${describeJob(o.job)} restores ${o.kinds
            .map(k => NAMES[k])
            .join(' and ')} twice, through ${describeCache(
            o.first,
          )} and ${describeCache(o.second)}`,
      )
      .join('; ')}.`,
    {
      locations,
      remediation: setupGo
        ? [
            `Keep one of the two. To keep your own actions/cache step (its key and paths), turn setup-go's cache off in ${describeJob(
              first.job,
            )}:`,
            '',
            yamlBlock(setupGoYaml(first.job, { cache: 'false' })),
            '',
            'Or delete the actions/cache step and let setup-go cache both GOMODCACHE and GOCACHE.',
          ].join('\n')
        : 'Merge the two actions/cache steps into one, or give each its own paths: two restores of one directory waste time and can fail while extracting over each other.',
      notes,
    },
  );
}

/** POLICY.md `ci-no-double-cache`: each cache path is restored once per job. */
export const ciNoDoubleCacheRule: PolicyRule = {
  id: 'ci-no-double-cache',
  evaluate,
  fix: fixNoDoubleCache,
};
