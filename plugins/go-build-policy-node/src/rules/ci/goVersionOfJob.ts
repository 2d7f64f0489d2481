/** Where a job's Go version comes from, per matrix combination (setup-go, container, runner). */
import { EvaluatedValue, Job, Step } from '../../model/workflows';
import { scopesOf } from '../../model/workflows/jobs';
import { isAction } from '../../model/workflows/uses';

export type JobGoVersion =
  | { source: 'go-version'; step: Step; value: EvaluatedValue }
  | { source: 'go-version-file'; step: Step; file: string }
  | { source: 'container'; image: string; tag?: string }
  | { source: 'runner'; step?: Step };

/** The Go version request of a job in one combination (the last setup-go step wins, as on PATH). */
export function goVersionOfJob(job: Job, combination: number): JobGoVersion {
  const steps = job.steps.filter(s => isAction(s.uses, 'actions/setup-go'));
  const step = steps[steps.length - 1];
  if (step) {
    const version = step.with.find(i => i.name === 'go-version');
    if (version?.value.trim()) {
      const value = scopesOf(job).evaluate(
        version.value.trim(),
        combination,
        step.index,
      );
      return { source: 'go-version', step, value };
    }
    const file = step.with.find(i => i.name === 'go-version-file');
    if (file?.value.trim())
      return {
        source: 'go-version-file',
        step,
        file: file.value.trim().replace(/^\.\//, ''),
      };
    return { source: 'runner', step };
  }
  if (job.container) {
    const image = job.container.image;
    const tag = /^(?:[\w.-]+\/)*golang:([^@\s]+)/i.exec(image)?.[1];
    return { source: 'container', image, tag };
  }
  return { source: 'runner' };
}

/** The id of the setup-go step whose `go-version` output names the installed version. */
export function setupGoStepIds(job: Job): string[] {
  return job.steps.flatMap(s =>
    s.id && isAction(s.uses, 'actions/setup-go') ? [s.id] : [],
  );
}
