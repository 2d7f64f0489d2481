/**
 * The shared core of ci-module-cache and ci-build-cache: every Go job that runs on pushes
 * or pull requests restores the given Go cache at the path the toolchain uses there.
 */
import { FindingLocation } from '@go-build-policy/plugin-go-build-policy-common';
import { outcome, RuleOutcome } from '../../engine/Rule';
import { RuleContext } from '../../engine/RuleContext';
import { CacheUse, Job } from '../../model/workflows';
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
  /** Why the status is unknown when no cache step of the job says it. */
  unseen?: string;
}

/**
 * Go actions that install Go with an `actions/setup-go` step of their own, inside the
 * action: what that step restores cannot be seen from the workflow.
 */
const OWN_SETUP_GO: Record<string, string> = {
  'golang/govulncheck-action':
    'runs its own `actions/setup-go` inside the action (v1 pins setup-go v5.0.0 and passes its `go-version-input`, `go-version-file` and `cache` inputs through; `cache` defaults to true, keyed on go.sum at the repository root)',
};

/** Why a job whose only Go use is such an action cannot be judged, if that is the case. */
function unseenSetupGo(job: Job): string | undefined {
  const uses = job.goUses ?? [];
  if (!uses.length || !uses.every(u => u.action && u.action in OWN_SETUP_GO))
    return undefined;
  const first = uses[0];
  const step = job.steps.find(s => s.span === first.span);
  const cache = step?.with.find(i => i.name === 'cache')?.value;
  const input =
    cache === undefined ? '' : ` (the step sets \`cache: ${cache}\`)`;
  return `its only Go toolchain use is \`${first.action}\`${input}, which ${
    OWN_SETUP_GO[first.action!]
  }; the scan cannot see that step`;
}

function jobResult(job: Job, kind: Coverage): JobResult {
  const verdict = jobVerdict(job, kind, routineEvents(job));
  if (verdict.status !== 'none') return { job, ...verdict };
  const unseen = unseenSetupGo(job);
  return unseen
    ? { job, ...verdict, status: 'unknown', unseen }
    : { job, ...verdict };
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
  const why = quietCaches(result.job, kind).map(q => q.why);
  return `${describeJob(result.job)} restores no ${NAMES[kind].cache} (${
    NAMES[kind].variable
  })${why.length ? `: ${why.join('; ')}` : ''}`;
}

/**
 * The job's cache steps that restore nothing for this Go cache, with why: setup-go with its
 * cache off (or no cache in that version), an actions/cache over other paths only.
 */
function quietCaches(
  job: Job,
  kind: Coverage,
): Array<{ cache: CacheUse; why: string }> {
  return job.caches.flatMap(
    (cache): Array<{ cache: CacheUse; why: string }> => {
      if (cache.kind === 'setup-go') {
        return cache.enabled === false
          ? [
              {
                cache,
                why: `${describeCache(cache)} does not cache (${
                  cache.enabledReason
                })`,
              },
            ]
          : [];
      }
      const other = kind === 'module' ? 'build' : 'module';
      const coversOther = cache.paths.some(p => p.covers.some(c => c?.[other]));
      return coversOther
        ? [
            {
              cache,
              why: `${describeCache(cache)} caches only the ${
                NAMES[other].cache
              } (${cache.paths.map(p => `\`${p.raw}\``).join(', ')})`,
            },
          ]
        : [];
    },
  );
}

function failLocations(result: JobResult, kind: Coverage): FindingLocation[] {
  const pointed = result.verdicts
    .filter(v => v.kind !== 'restores')
    .map(v => location(v.cache.step.span));
  if (pointed.length) return pointed;
  const quiet = quietCaches(result.job, kind).map(q =>
    location(q.cache.step.span),
  );
  return quiet.length ? quiet : [location(result.job.span)];
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
  const results = routine.map(job => jobResult(job, kind));
  const failing = results.filter(r => r.status === 'none');
  const unknown = results.filter(r => r.status === 'unknown');
  for (const r of unknown) {
    const verdict = r.verdicts.find(v => v.kind === 'unknown');
    const why = r.unseen ?? (verdict?.kind === 'unknown' ? verdict.why : '');
    notes.push(
      `Whether ${describeJob(r.job)} restores the ${
        NAMES[kind].cache
      } could not be evaluated${why ? `: ${why}` : ''}.`,
    );
  }
  const passing = results.filter(r => r.status === 'restores');
  if (failing.length === 0 && passing.length === 0) {
    // Nothing decided: say so, and do not guess a failure (POLICY.md).
    return outcome.pass(
      `No Go job that runs on pushes or pull requests could be shown to go without the ${
        NAMES[kind].cache
      }: ${unknown
        .map(
          r =>
            `whether ${describeJob(r.job)} restores it ${
              r.unseen
                ? 'is decided inside an action the scan cannot see'
                : 'depends on run-time values'
            }`,
        )
        .join('; ')}.`,
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
    locations: failing.flatMap(r => failLocations(r, kind)),
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
