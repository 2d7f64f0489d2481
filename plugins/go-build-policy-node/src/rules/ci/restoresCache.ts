/**
 * The shared core of ci-module-cache and ci-build-cache: every Go job that runs on pushes
 * or pull requests restores the given Go cache at the path the toolchain uses there.
 */
import { FindingLocation } from '@go-build-policy/plugin-go-build-policy-common';
import { outcome, RuleOutcome } from '../../engine/Rule';
import { RuleContext } from '../../engine/RuleContext';
import { Job } from '../../model/workflows';
import {
  noGoJobOutcome,
  CacheVerdict,
  Coverage,
  describeCache,
  describeJob,
  goSumPaths,
  jobVerdict,
  location,
  routineEvents,
  routineGoJobs,
  visibilityNotes,
} from './ciSupport';
import { setupGoStepOf, setupGoYaml, yamlBlock } from './snippets';

const NAMES: Record<Coverage, { cache: string; variable: string }> = {
  module: { cache: 'module cache', variable: 'GOMODCACHE' },
  build: { cache: 'build cache', variable: 'GOCACHE' },
};

interface JobResult {
  job: Job;
  status: 'restores' | 'unknown' | 'none';
  verdicts: CacheVerdict[];
}

function problemOf(result: JobResult, kind: Coverage): string {
  const nothing = result.verdicts.find(v => v.kind === 'restores-nothing');
  if (nothing)
    return `${describeJob(result.job)} uses ${describeCache(
      nothing.cache,
    )}, which restores nothing: ${nothing.why}`;
  const misplaced = result.verdicts.find(v => v.kind === 'misplaced');
  if (misplaced)
    return `${describeJob(result.job)} caches the wrong path: ${misplaced.why}`;
  return `${describeJob(result.job)} restores no ${NAMES[kind].cache} (${
    NAMES[kind].variable
  })`;
}

function failLocations(result: JobResult): FindingLocation[] {
  const pointed = result.verdicts
    .filter(v => v.kind !== 'restores')
    .map(v => location(v.cache.step.span));
  return pointed.length ? pointed : [location(result.job.span)];
}

function remediation(
  ctx: RuleContext,
  failing: JobResult[],
  kind: Coverage,
): string {
  const job = failing[0].job;
  const step = setupGoStepOf(job);
  const snippet = setupGoYaml(job, {
    cache: 'default',
    dependencyPaths: goSumPaths(ctx),
  });
  const where = step
    ? `Rewrite the setup-go step of ${describeJob(job)}`
    : `Add a setup-go step to ${describeJob(job)}, after actions/checkout`;
  const lines = [
    `${where} so it restores GOMODCACHE and GOCACHE (setup-go v4+ caches both by default, keyed on the OS, architecture, Go version and a hash of its dependency files):`,
    '',
    yamlBlock(snippet),
  ];
  if (job.checkout.path) {
    lines.push(
      '',
      `The job checks out into \`${job.checkout.path}\`: prefix cache-dependency-path with it, or check out into the workspace root.`,
    );
  }
  if (kind === 'build') {
    lines.push(
      '',
      'With actions/cache instead, cache the output of `go env GOCACHE` on each runner (it differs between Linux, macOS, Windows and job containers).',
    );
  }
  if (failing.length > 1)
    lines.push(
      '',
      `The same applies to: ${failing
        .slice(1)
        .map(f => describeJob(f.job))
        .join('; ')}.`,
    );
  return lines.join('\n');
}

export function evaluateRestores(
  ctx: RuleContext,
  kind: Coverage,
): RuleOutcome {
  const model = ctx.workflows;
  const notes = visibilityNotes(model);
  if (!model.goJobs.length) return noGoJobOutcome(model, notes);
  const routine = routineGoJobs(model);
  if (routine.length === 0) {
    return outcome.pass(
      `No Go job runs on pushes or pull requests (${model.goJobs
        .map(describeJob)
        .join(
          '; ',
        )} run on a schedule, by dispatch, on releases or tags), so none needs a warm ${
        NAMES[kind].cache
      }.`,
      { locations: model.goJobs.map(j => location(j.span)), notes },
    );
  }
  const results: JobResult[] = routine.map(job => ({
    job,
    ...jobVerdict(job, kind, routineEvents(job)),
  }));
  const failing = results.filter(r => r.status === 'none');
  const unknown = results.filter(r => r.status === 'unknown');
  for (const r of unknown) {
    const why = r.verdicts.find(v => v.kind === 'unknown');
    notes.push(
      `Whether ${describeJob(r.job)} restores the ${
        NAMES[kind].cache
      } could not be evaluated${
        why && why.kind === 'unknown' ? `: ${why.why}` : ''
      }.`,
    );
  }
  const passing = results.filter(r => r.status === 'restores');
  if (failing.length === 0 && passing.length === 0) {
    // Nothing decided: say so, and do not guess a failure (POLICY.md).
    return outcome.pass(
      `No Go job that runs on pushes or pull requests could be shown to go without the ${
        NAMES[kind].cache
      }: whether ${unknown
        .map(r => describeJob(r.job))
        .join('; ')} restore it depends on run-time values.`,
      { locations: unknown.map(r => location(r.job.span)), notes },
    );
  }
  if (failing.length === 0) {
    return outcome.pass(
      `Every Go job that runs on pushes or pull requests restores the ${
        NAMES[kind].cache
      }: ${passing
        .map(
          r =>
            `${describeJob(r.job)} through ${describeCache(
              r.verdicts.find(v => v.kind === 'restores')!.cache,
            )}`,
        )
        .join('; ')}.`,
      {
        locations: passing.flatMap(r =>
          r.verdicts
            .filter(v => v.kind === 'restores')
            .map(v => location(v.cache.step.span)),
        ),
        notes,
      },
    );
  }
  const message = `${failing.map(r => problemOf(r, kind)).join('; ')}.`;
  const rest = {
    locations: failing.flatMap(failLocations),
    remediation: remediation(ctx, failing, kind),
    notes,
  };
  if (passing.length > 0) {
    return outcome.warn(
      `${message} Other Go jobs do restore it (${passing
        .map(r => describeJob(r.job))
        .join('; ')}).`,
      rest,
    );
  }
  return outcome.fail(message, rest);
}
