/**
 * Turning caches on must not remove the repository's last clean build (POLICY.md
 * `ci-clean-validation`): these helpers tell whether one remains, and which trigger of a
 * workflow can keep a run clean.
 */
import { Job, WorkflowModel } from '../../../model/workflows';
import { jobVerdict } from '../ciSupport';

/** Whether the job builds with no Go cache on at least one of its events. */
function buildsClean(job: Job): boolean {
  const none = (events?: string[]) =>
    jobVerdict(job, 'module', events).status === 'none' &&
    jobVerdict(job, 'build', events).status === 'none';
  if (none()) return true;
  return [...new Set(job.triggers.events.map(e => e.name))].some(e =>
    none([e]),
  );
}

/** Whether a Go job that builds or tests, other than `changed`, runs with no Go cache. */
export function otherCleanBuildExists(
  model: WorkflowModel,
  changed: readonly Job[],
): boolean {
  return model.goJobs.some(
    job =>
      job.goEvidence?.buildsOrTests &&
      !changed.some(c => c.id === job.id && c.path === job.path) &&
      buildsClean(job),
  );
}

/** Events that are neither pushes nor pull requests, on which a clean run costs nothing. */
const OFF_ROUTINE_EVENTS = ['schedule', 'workflow_dispatch'];

/** A trigger of the job's workflow on which its run can stay clean, if it has one. */
export function offRoutineEvent(job: Job): string | undefined {
  const names = new Set(job.triggers.events.map(e => e.name));
  return OFF_ROUTINE_EVENTS.find(e => names.has(e));
}
