/** Cache keys of the Go caches in every job, per matrix combination, for the ci-key-* rules. */
import {
  ActionsCache,
  CacheCoverage,
  EvaluatedValue,
  Job,
  SetupGoCache,
  WorkflowModel,
} from '../../model/workflows';

export interface KeyedCache {
  job: Job;
  cache: ActionsCache;
  combination: number;
  key: EvaluatedValue;
  restoreKeys: EvaluatedValue[];
  covers: CacheCoverage;
}

function coverageAt(cache: ActionsCache, i: number): CacheCoverage {
  return {
    module: cache.paths.some(p => p.covers[i]?.module),
    build: cache.paths.some(p => p.covers[i]?.build),
  };
}

/** actions/cache keys of Go caches (module or build), one entry per job combination. */
export function goCacheKeys(model: WorkflowModel): KeyedCache[] {
  const keyed: KeyedCache[] = [];
  for (const job of model.jobs) {
    for (const cache of job.caches) {
      if (cache.kind !== 'actions-cache') continue;
      cache.keys.forEach((key, i) => {
        const covers = coverageAt(cache, i);
        if (!covers.module && !covers.build) return;
        keyed.push({
          job,
          cache,
          combination: i,
          key,
          restoreKeys: cache.restoreKeys[i] ?? [],
          covers,
        });
      });
    }
  }
  return keyed;
}

/** setup-go steps whose cache is (or may be) on, in every job. */
export function setupGoCaches(
  model: WorkflowModel,
): Array<{ job: Job; cache: SetupGoCache }> {
  return model.jobs.flatMap(job =>
    job.caches.flatMap(cache =>
      cache.kind === 'setup-go' && cache.enabled !== false
        ? [{ job, cache }]
        : [],
    ),
  );
}

/** Groups keyed caches by cache step (one finding line per step, not per combination). */
export function byStep(keyed: KeyedCache[]): KeyedCache[][] {
  const groups = new Map<string, KeyedCache[]>();
  for (const k of keyed) {
    const id = `${k.job.workflowPath}#${k.job.path}#${k.job.id}#${k.cache.step.index}`;
    groups.set(id, [...(groups.get(id) ?? []), k]);
  }
  return [...groups.values()];
}
