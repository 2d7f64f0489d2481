/** Where a job's Go version comes from, per matrix combination (setup-go, container, runner). */
import { EvaluatedValue, Job, Step, StepInput } from '../../model/workflows';
import { scopesOf } from '../../model/workflows/jobs';
import { isAction } from '../../model/workflows/uses';

export type JobGoVersion =
  | {
      source: 'go-version';
      step: Step;
      value: EvaluatedValue;
      /**
       * Set when the version comes from an unquoted YAML number that Actions reads
       * differently: the spelling in the file (`1.20`, which setup-go gets as `1.2`).
       */
      writtenAs?: { text: string; where: string };
    }
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
      return {
        source: 'go-version',
        step,
        value,
        writtenAs: misreadSpelling(job, version, combination),
      };
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

/**
 * The file's spelling of a go-version that Actions reads as a number: written in the input
 * itself, or in the matrix value or env entry the input names alone.
 */
function misreadSpelling(
  job: Job,
  input: StepInput,
  combination: number,
): { text: string; where: string } | undefined {
  if (input.writtenAs)
    return {
      text: input.writtenAs,
      where: `\`go-version: ${input.writtenAs}\``,
    };
  const only = /^\$\{\{\s*(matrix|env)\.([\w-]+)\s*\}\}$/.exec(
    input.value.trim(),
  );
  if (!only) return undefined;
  const [, context, name] = only;
  let text: string | undefined;
  if (context === 'matrix')
    text = job.combinations[combination]?.writtenAs?.[name];
  else text = job.env.filter(e => e.name === name).pop()?.writtenAs;
  if (!text) return undefined;
  const where =
    context === 'matrix'
      ? `the matrix value \`${name}: ${text}\``
      : `\`env: ${name}: ${text}\``;
  return { text, where };
}
