import { FindingLocation } from '@go-build-policy/plugin-go-build-policy-common';
import { outcome, PolicyRule, RuleOutcome } from '../../engine/Rule';
import { RuleContext } from '../../engine/RuleContext';
import { matchGlobs, patternFileName } from '../../model/workflows/glob';
import { byStep, goCacheKeys, KeyedCache, setupGoCaches } from './cacheKeys';
import {
  describeCache,
  describeJob,
  location,
  visibilityNotes,
  notApplicableUnlessBroken,
} from './ciSupport';
import { goVersionOfJob, setupGoStepIds } from './goVersionOfJob';
import { yamlBlock } from './snippets';
import { isAction } from '../../model/workflows/uses';
import { fixKeyGoVersion } from './fixes/ci-key-go-version.fix';

type Reflection =
  | { reflects: true; how: string }
  | { reflects: false; version?: string; stale?: string; dangling?: string }
  | { reflects: 'unknown'; why: string };

const STEP_OUTPUT = /steps\.([\w-]+)\.outputs\.([\w-]+)/g;

/**
 * A Go-version output in the key that cannot hold the version: `steps.x.outputs.go-version`
 * where no earlier step has id `x` (GitHub expands it to an empty string), or where step `x`
 * is another action than setup-go. Says which, for the message.
 */
function danglingVersionOutput(k: KeyedCache): string | undefined {
  const raw = k.cache.step.with.find(i => i.name === 'key')?.value ?? '';
  const earlier = k.job.steps.slice(0, k.cache.step.index);
  for (const [reference, id, output] of raw.matchAll(STEP_OUTPUT)) {
    if (!/go-?version/i.test(output)) continue;
    const step = earlier.find(s => s.id === id);
    if (!step) {
      const later = k.job.steps.some(s => s.id === id);
      return `\`${reference}\` names step \`${id}\`, which ${
        later
          ? 'runs only after the cache step'
          : 'no step of the job has as its id'
      }, so it expands to an empty string`;
    }
    if (
      step.uses?.kind === 'action' &&
      !isAction(step.uses, 'actions/setup-go')
    )
      return `\`${reference}\` reads step \`${id}\`, which is \`${step.uses.raw}\`, not actions/setup-go: it has no ${output} output, so it expands to an empty string`;
  }
  return undefined;
}

const VERSION_IN_KEY = /(?:^|[^\d.])(?:go-?)?(1\.\d+(?:\.\d+)?)(?![\d.])/;

function reflection(ctx: RuleContext, k: KeyedCache): Reflection {
  const version = goVersionOfJob(k.job, k.combination);
  const ids = setupGoStepIds(k.job);
  for (const part of k.key.parts) {
    if (
      part.kind === 'context' &&
      ids.some(id => part.name === `steps.${id}.outputs.go-version`)
    ) {
      return { reflects: true, how: "setup-go's go-version output" };
    }
    if (
      part.kind === 'command' &&
      /^go\s+(version|env\s+GOVERSION)\b/.test(part.command)
    ) {
      return { reflects: true, how: `\`$(${part.command})\`` };
    }
    if (part.kind === 'hashFiles' && version.source === 'go-version-file') {
      const matched = matchGlobs(part.patterns, ctx.snapshot.paths) ?? [];
      if (
        matched.includes(version.file) ||
        part.patterns.some(
          p => patternFileName(p) === version.file.split('/').pop(),
        )
      ) {
        return {
          reflects: true,
          how: `a hash of ${version.file}, where the version is read from`,
        };
      }
    }
  }
  const literal = k.key.parts
    .flatMap(p => (p.kind === 'literal' ? [p.text] : []))
    .join('|');
  const written = VERSION_IN_KEY.exec(literal)?.[1];
  let pinned: string | undefined;
  if (version.source === 'go-version') {
    if (!version.value.isLiteral)
      return {
        reflects: 'unknown',
        why: `the job's go-version \`${version.value.text}\` is known only at run time`,
      };
    pinned = version.value.text.trim();
  } else if (version.source === 'container' && version.tag) {
    pinned = version.tag.split('-')[0];
  }
  if (pinned && literal.includes(pinned))
    return { reflects: true, how: `the job's Go version \`${pinned}\`` };
  const dangling = danglingVersionOutput(k);
  if (dangling) return { reflects: false, version: pinned, dangling };
  if (pinned && written && written !== pinned)
    return { reflects: false, version: pinned, stale: written };
  if (k.key.hasUnknown)
    return {
      reflects: 'unknown',
      why: `the key \`${k.key.text}\` is computed in a way the scan cannot follow`,
    };
  return { reflects: false, version: pinned };
}

function evaluate(ctx: RuleContext): RuleOutcome {
  const model = ctx.workflows;
  const notes = visibilityNotes(model);
  const setupGo = setupGoCaches(model);
  const groups = byStep(goCacheKeys(model));
  if (!groups.length && !setupGo.length)
    return notApplicableUnlessBroken(
      model,
      'No job restores a Go cache.',
      notes,
    );
  const failures: string[] = [];
  const failLocations: FindingLocation[] = [];
  const warnings: string[] = [];
  const warnLocations: FindingLocation[] = [];
  const passLocations: FindingLocation[] = setupGo.map(s =>
    location(s.cache.step.span),
  );
  for (const { cache } of setupGo) {
    if (cache.goVersionInKey === 'requested')
      notes.push(
        `${describeCache(
          cache,
        )} keys on the requested version spec, not the installed version: a floating spec does not change its key.`,
      );
  }
  for (const group of groups) {
    const { job, cache } = group[0];
    const where = location(cache.keySpan ?? cache.step.span);
    const results = group.map(k => ({ k, r: reflection(ctx, k) }));
    // A matrix over Go versions sharing one key text is the worst case.
    const versions = new Set(
      results.map(({ k }) => {
        const v = goVersionOfJob(k.job, k.combination);
        return v.source === 'go-version' ? v.value.text : '';
      }),
    );
    const keys = new Set(group.map(k => k.key.text));
    if (versions.size > 1 && keys.size < versions.size) {
      failures.push(
        `${describeJob(job)} runs Go ${[...versions].join(
          ', ',
        )} from its matrix, but ${describeCache(cache)} uses the same key \`${
          group[0].key.text
        }\` for them`,
      );
      failLocations.push(where);
      continue;
    }
    const dangling = results.find(
      ({ r }) => r.reflects === false && r.dangling,
    );
    if (dangling && dangling.r.reflects === false) {
      const problem = `the key of ${describeCache(cache)} in ${describeJob(
        job,
      )} does not follow the Go version: ${dangling.r.dangling}`;
      // A module-only key needs no version: the reference is broken but harmless there.
      if (group.some(k => k.covers.build)) {
        failures.push(problem);
        failLocations.push(where);
      } else {
        warnings.push(problem);
        warnLocations.push(where);
      }
      continue;
    }
    const stale = results.find(({ r }) => r.reflects === false && r.stale);
    const missing = results.find(({ r }) => r.reflects === false);
    const buildCache = group.some(k => k.covers.build);
    if (stale && stale.r.reflects === false) {
      failures.push(
        `the key of ${describeCache(cache)} in ${describeJob(job)} names Go ${
          stale.r.stale
        }, but the job uses ${stale.r.version}`,
      );
      failLocations.push(where);
    } else if (missing && buildCache) {
      failures.push(
        `the key \`${group[0].key.text}\` of ${describeCache(
          cache,
        )} in ${describeJob(job)} does not change when the Go version does`,
      );
      failLocations.push(where);
    } else {
      if (missing)
        notes.push(
          `The key of ${describeCache(
            cache,
          )} does not name the Go version; it caches module sources only, which do not depend on it.`,
        );
      for (const { r } of results)
        if (r.reflects === 'unknown')
          notes.push(`${describeCache(cache)}: ${r.why}.`);
      passLocations.push(where);
    }
  }
  if (failures.length || warnings.length) {
    const report = failures.length ? outcome.fail : outcome.warn;
    return report(`${[...failures, ...warnings].join('; ')}.`, {
      locations: [...failLocations, ...warnLocations],
      remediation: [
        'Put the installed Go version in the key: give setup-go an `id` and use its `go-version` output (or `matrix.go` where a matrix chooses the version):',
        '',
        yamlBlock(
          "- uses: actions/setup-go@v5\n  id: setup-go\n  with:\n    go-version-file: go.mod\n    cache: false\n- uses: actions/cache@v4\n  with:\n    path: |\n      ~/go/pkg/mod\n      ~/.cache/go-build\n    key: ${{ runner.os }}-${{ runner.arch }}-go${{ steps.setup-go.outputs.go-version }}-${{ hashFiles('**/go.sum') }}",
        ),
      ].join('\n'),
      notes: [...new Set(notes)],
    });
  }
  return outcome.pass(
    'Every Go cache key follows the Go version (setup-go puts the installed version in its own key).',
    {
      locations: passLocations,
      notes: [...new Set(notes)],
    },
  );
}

/** POLICY.md `ci-key-go-version`: cache keys change with the Go version. */
export const ciKeyGoVersionRule: PolicyRule = {
  id: 'ci-key-go-version',
  evaluate,
  fix: fixKeyGoVersion,
};
