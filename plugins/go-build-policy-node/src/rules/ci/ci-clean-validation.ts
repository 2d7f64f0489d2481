import { outcome, PolicyRule, RuleOutcome } from '../../engine/Rule';
import { RuleContext } from '../../engine/RuleContext';
import { Job } from '../../model/workflows';
import { describeTriggers } from '../../model/workflows/triggers';
import {
  noGoJobOutcome,
  describeCache,
  describeJob,
  jobVerdict,
  location,
  restores,
  routineEvents,
  visibilityNotes,
} from './ciSupport';
import { setupGoYaml, yamlBlock } from './snippets';

/** Whether a job restores any Go cache ('unknown' when that depends on run-time values). */
function restoresGoCache(job: Job, events?: string[]): boolean | 'unknown' {
  const module = jobVerdict(job, 'module', events).status;
  const build = jobVerdict(job, 'build', events).status;
  if (module === 'restores' || build === 'restores') return true;
  if (module === 'unknown' || build === 'unknown') return 'unknown';
  return false;
}

/** The event on which a job runs with no Go cache, if any ('' when on every event). */
function cleanEvent(job: Job): string | undefined {
  if (restoresGoCache(job) === false) return '';
  const events = [...new Set(job.triggers.events.map(e => e.name))];
  return events.find(event => restoresGoCache(job, [event]) === false);
}

function cleanRemediation(job: Job): string {
  return [
    `Add a workflow that builds and tests with no restored cache, on a schedule and by hand. For example, from ${describeJob(
      job,
    )}:`,
    '',
    yamlBlock(
      [
        'name: clean-build',
        'on:',
        '  schedule:',
        "    - cron: '17 3 * * 1'",
        '  workflow_dispatch:',
        'jobs:',
        '  clean:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - uses: actions/checkout@v4',
        ...setupGoYaml(job, { cache: 'false' })
          .split('\n')
          .map(l => `      ${l}`),
        '      - run: go build ./... && go test ./...',
      ].join('\n'),
    ),
    '',
    'A clean run proves go.sum is complete and that private modules are reachable without a warm cache.',
  ].join('\n');
}

function evaluate(ctx: RuleContext): RuleOutcome {
  const model = ctx.workflows;
  const notes = visibilityNotes(model);
  if (!model.goJobs.length) return noGoJobOutcome(model, notes);
  const building = model.goJobs.filter(j => j.goEvidence?.buildsOrTests);
  if (!building.length) {
    return outcome.notApplicable(
      `No Go job builds or tests the code (${model.goJobs
        .map(describeJob)
        .join('; ')} only lint or check).`,
      { notes },
    );
  }
  const clean = building.flatMap(job => {
    const event = cleanEvent(job);
    return event === undefined ? [] : [{ job, event }];
  });
  if (clean.length) {
    const offRoutine = clean.filter(
      c =>
        !c.job.triggers.routine ||
        (c.event && !routineEvents(c.job).includes(c.event)),
    );
    const best = offRoutine[0] ?? clean[0];
    if (!offRoutine.length)
      notes.push(
        'The clean job runs on pushes or pull requests; a scheduled or manual clean run would keep push runs fast.',
      );
    const when = best.event
      ? `on ${best.event} events, where its setup-go cache is off`
      : `runs on ${describeTriggers(best.job.triggers)}`;
    const spans = [location(best.job.goEvidence!.span)];
    const setupGo = best.job.caches.find(c => c.kind === 'setup-go');
    if (best.event && setupGo?.kind === 'setup-go' && setupGo.cacheInputSpan)
      spans.push(location(setupGo.cacheInputSpan));
    return outcome.pass(
      `${describeJob(
        best.job,
      )} builds or tests with no restored Go cache (${when}), proving the build works from a clean state.`,
      { locations: spans, notes },
    );
  }
  const unknown = building.filter(j => restoresGoCache(j) === 'unknown');
  if (unknown.length) {
    notes.push(
      `Whether ${unknown
        .map(describeJob)
        .join('; ')} restore a cache depends on run-time values.`,
    );
    return outcome.pass(
      'No Go job could be shown to restore a cache on every run.',
      { notes },
    );
  }
  const job = building[0];
  const caches = building.flatMap(j => j.caches.filter(restores));
  return outcome.fail(
    `Every Go job that builds or tests restores a Go cache (${building
      .map(j => `${describeJob(j)}`)
      .join('; ')}), so nothing proves the build works without one.`,
    {
      locations: caches.slice(0, 10).map(c => location(c.step.span)),
      remediation: cleanRemediation(job),
      notes: [
        ...notes,
        ...caches.slice(0, 3).map(c => `Cache: ${describeCache(c)}.`),
      ],
    },
  );
}

/** POLICY.md `ci-clean-validation`: some Go job builds with no cache. */
export const ciCleanValidationRule: PolicyRule = {
  id: 'ci-clean-validation',
  evaluate,
};
