import { FindingLocation } from '@go-build-policy/plugin-go-build-policy-common';
import { outcome, PolicyRule, RuleOutcome } from '../../engine/Rule';
import { RuleContext } from '../../engine/RuleContext';
import { byStep, goCacheKeys, setupGoCaches } from './cacheKeys';
import {
  describeCache,
  describeJob,
  location,
  visibilityNotes,
  notApplicableUnlessBroken,
} from './ciSupport';
import { keyTiming, usefulRestoreKey } from './perRunParts';
import { yamlBlock } from './snippets';
import { fixKeyNotPerRun } from './fixes/ci-key-not-per-run.fix';

function evaluate(ctx: RuleContext): RuleOutcome {
  const model = ctx.workflows;
  const notes = visibilityNotes(model);
  const setupGo = setupGoCaches(model);
  const groups = byStep(goCacheKeys(model));
  const moduleGroups = groups.filter(g => g.some(k => k.covers.module));
  if (moduleGroups.length === 0 && setupGo.length === 0) {
    return notApplicableUnlessBroken(
      model,
      'No job restores the Go module cache.',
      notes,
    );
  }
  const failures: string[] = [];
  const failLocations: FindingLocation[] = [];
  const passLocations: FindingLocation[] = setupGo.map(s =>
    location(s.cache.step.span),
  );
  let remedy: string | undefined;
  for (const group of groups) {
    const { job, cache } = group[0];
    const timings = group.map(k => keyTiming(k.key));
    const perRun = [...new Set(timings.flatMap(t => t.perRun))];
    const periodic = [...new Set(timings.flatMap(t => t.periodic))];
    const unknown = [...new Set(timings.flatMap(t => t.unknown))];
    const coversModule = group.some(k => k.covers.module);
    const where = location(cache.keySpan ?? cache.step.span);
    if (perRun.length && coversModule) {
      failures.push(
        `${describeJob(job)}: the module-cache key of ${describeCache(
          cache,
        )} contains ${perRun
          .map(p => `\`${p}\``)
          .join(', ')}, so it misses on every run`,
      );
      failLocations.push(where);
      const stable = group[0].key.text.replace(
        /-?\$\{\{ (github\.(sha|run_id|run_number|run_attempt)) \}\}/g,
        '',
      );
      remedy ??= [
        `Key the module cache on what its contents depend on, and nothing that changes per run. For ${describeCache(
          cache,
        )}:`,
        '',
        yamlBlock(
          `key: ${
            stable.includes('hashFiles')
              ? stable
              : `\${{ runner.os }}-\${{ runner.arch }}-go-\${{ hashFiles('**/go.sum') }}`
          }`,
        ),
      ].join('\n');
      continue;
    }
    if (perRun.length) {
      const fallback = usefulRestoreKey(group[0].restoreKeys);
      notes.push(
        fallback
          ? `The build-cache key of ${describeCache(
              cache,
            )} is per run, with restore-keys falling back to \`${
              fallback.text
            }\`: each run restores the newest entry and saves a new one.`
          : `The build-cache key of ${describeCache(
              cache,
            )} is per run and has no useful restore-keys: it never restores anything.`,
      );
    }
    if (periodic.length)
      notes.push(
        `The key of ${describeCache(cache)} rotates with ${periodic
          .map(p => `\`${p}\``)
          .join(', ')}: a fresh cache each period.`,
      );
    if (unknown.length)
      notes.push(
        `Parts of the key of ${describeCache(
          cache,
        )} could not be evaluated: ${unknown.map(u => `\`${u}\``).join(', ')}.`,
      );
    passLocations.push(where);
  }
  if (failures.length) {
    return outcome.fail(`${failures.join('; ')}.`, {
      locations: failLocations,
      remediation: remedy,
      notes,
    });
  }
  return outcome.pass('No module-cache key changes on every run.', {
    locations: passLocations,
    notes,
  });
}

/** POLICY.md `ci-key-not-per-run`: module-cache keys have no per-run part. */
export const ciKeyNotPerRunRule: PolicyRule = {
  id: 'ci-key-not-per-run',
  evaluate,
  fix: fixKeyNotPerRun,
};
