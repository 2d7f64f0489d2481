import { RepositorySnapshot } from '../../snapshot/RepositorySnapshot';
import { actionsCache } from './actionsCache';
import {
  checkoutOf,
  goEvidenceOf,
  GoJobFacts,
  goUsesOf,
  isCodeQlJob,
} from './goJob';
import { scopesOf } from './jobs';
import { dockerBuildsOf, publishingOf } from './publishing';
import { stepOutputsOf, stepWrites } from './scope';
import { setupGoCache } from './setupGo';
import { CacheUse, Job } from './types';
import { isAction } from './uses';

/** Fills in a job's analysis: Go evidence, checkout, caches, docker builds, publishing. */
export function analyzeJob(
  job: Job,
  facts: GoJobFacts,
  snapshot: RepositorySnapshot,
): void {
  job.isCodeQl = isCodeQlJob(job);
  job.goUses = goUsesOf(job, facts);
  job.goEvidence = goEvidenceOf(job.goUses);
  job.checkout = checkoutOf(job);
  job.stepOutputs = stepOutputsOf(job.steps, stepWrites(job.steps));
  const scopes = scopesOf(job);
  const caches: CacheUse[] = [];
  for (const step of job.steps) {
    if (isAction(step.uses, 'actions/setup-go'))
      caches.push(setupGoCache(job, step, scopes, snapshot));
    else if (
      isAction(step.uses, 'actions/cache') ||
      isAction(step.uses, 'actions/cache', 'restore') ||
      isAction(step.uses, 'actions/cache', 'save')
    ) {
      caches.push(actionsCache(job, step, scopes));
    }
  }
  job.caches = caches;
  job.dockerBuilds = dockerBuildsOf(job);
  job.publishes = publishingOf(job);
}
