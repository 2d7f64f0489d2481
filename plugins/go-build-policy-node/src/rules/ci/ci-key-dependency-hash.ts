import { FindingLocation } from '@go-build-policy/plugin-go-build-policy-common';
import { outcome, PolicyRule, RuleOutcome } from '../../engine/Rule';
import { RuleContext } from '../../engine/RuleContext';
import { EvaluatedValue, Job } from '../../model/workflows';
import { goSumsOfJob } from './jobModules';
import { matchGlobs, patternFileName } from '../../model/workflows/glob';
import { byStep, goCacheKeys, KeyedCache, setupGoCaches } from './cacheKeys';
import {
  describeCache,
  describeJob,
  goSumPaths,
  location,
  visibilityNotes,
  notApplicableUnlessBroken,
} from './ciSupport';
import { setupGoYaml, yamlBlock } from './snippets';
import { fixKeyDependencyHash } from './fixes/ci-key-dependency-hash.fix';

const DEPENDENCY_FILES = new Set([
  'go.sum',
  'go.mod',
  'go.work.sum',
  'go.work',
]);

/** Files of the tree that a key's hashFiles parts hash. */
function hashedFiles(
  key: EvaluatedValue,
  paths: readonly string[],
): Set<string> {
  const files = new Set<string>();
  for (const part of key.parts) {
    if (part.kind !== 'hashFiles') continue;
    for (const path of matchGlobs(part.patterns, paths) ?? []) files.add(path);
  }
  return files;
}

/** go.sum files the job builds with that the key does not hash (the key misses their changes). */
function unhashedSums(
  ctx: RuleContext,
  job: Job,
  hashed: Set<string>,
): string[] {
  return goSumsOfJob(ctx, job).filter(sum => !hashed.has(sum));
}

/** Whether a key hashes Go dependency files: hashFiles over go.sum/go.mod patterns or paths. */
function hashesDependencies(
  key: EvaluatedValue,
  paths: readonly string[],
): boolean | 'unknown' {
  let unknown = false;
  for (const part of key.parts) {
    if (part.kind === 'unknown') unknown = true;
    if (part.kind !== 'hashFiles') continue;
    const matched = matchGlobs(part.patterns, paths);
    if (matched === undefined) {
      // Patterns too complex to match here: trust a pattern that names a dependency file.
      if (
        part.patterns.some(p => DEPENDENCY_FILES.has(patternFileName(p) ?? ''))
      )
        return true;
      unknown = true;
      continue;
    }
    // hashFiles() over files that do not exist is '': the key is then static.
    if (matched.some(p => DEPENDENCY_FILES.has(p.split('/').pop()!)))
      return true;
  }
  return unknown ? 'unknown' : false;
}

function remediation(ctx: RuleContext, group: KeyedCache[]): string {
  const { cache } = group[0];
  const sums = goSumPaths(ctx);
  const pattern = sums.length === 1 ? `'${sums[0]}'` : `'**/go.sum'`;
  const current = cache.keySpan ? `\`${group[0].key.text}\`` : 'no key';
  return [
    `The key of ${describeCache(
      cache,
    )} is ${current}. Cache entries are immutable: add a hash of the dependency files so a go.sum change writes a new entry:`,
    '',
    yamlBlock(
      `key: \${{ runner.os }}-\${{ runner.arch }}-go-\${{ hashFiles(${pattern}) }}\nrestore-keys: |\n  \${{ runner.os }}-\${{ runner.arch }}-go-`,
    ),
  ].join('\n');
}

function job0(model: RuleContext['workflows']): Job {
  return model.goJobs[0] ?? model.jobs[0];
}

function evaluate(ctx: RuleContext): RuleOutcome {
  const model = ctx.workflows;
  const notes = visibilityNotes(model);
  const setupGo = setupGoCaches(model);
  const keyed = goCacheKeys(model).filter(k => k.covers.module);
  const failures: string[] = [];
  const failLocations: FindingLocation[] = [];
  const partial: string[] = [];
  const partialLocations: FindingLocation[] = [];
  const locations: FindingLocation[] = [];
  const passes: string[] = [];
  const checkSums = (
    job: Job,
    hashed: Set<string>,
    what: string,
    where: FindingLocation,
  ): boolean => {
    const missing = unhashedSums(ctx, job, hashed);
    if (!missing.length) return true;
    partial.push(
      `${describeJob(job)} builds with ${missing.join(
        ', ',
      )}, which ${what} does not hash: the cache stays stale when ${
        missing.length > 1 ? 'they change' : 'it changes'
      }`,
    );
    partialLocations.push(where);
    return false;
  };
  let remedy: string | undefined;
  // setup-go without its dependency file cannot cache at all: this fail wins over not-applicable.
  for (const { job, cache } of setupGo) {
    if (cache.dependencyFileFound === false) {
      failures.push(
        `${describeJob(job)}: ${describeCache(cache)} caches, but ${
          cache.dependencyProblem
        }`,
      );
      failLocations.push(location(cache.step.span));
      remedy ??= [
        `setup-go hashes ${cache.dependencyPatterns.join(
          ', ',
        )} for its key and caches nothing when that file is missing. Point it at the module's dependency files:`,
        '',
        yamlBlock(
          setupGoYaml(job, {
            cache: 'default',
            dependencyPaths: goSumPaths(ctx),
          }),
        ),
      ].join('\n');
    } else if (
      cache.dependencyFileFound === true &&
      (cache.enabled === true ||
        Object.values(cache.enabledByEvent ?? {}).includes(true))
    ) {
      const hashed = new Set(
        matchGlobs(cache.dependencyPatterns, ctx.snapshot.paths) ?? [],
      );
      if (
        !checkSums(
          job,
          hashed,
          `the built-in key of ${describeCache(cache)}`,
          location(cache.step.span),
        )
      )
        continue;
      passes.push(
        `${describeCache(
          cache,
        )} (built-in key over ${cache.dependencyPatterns.join(', ')})`,
      );
      locations.push(location(cache.step.span));
    } else {
      notes.push(
        `${describeCache(cache)} in ${describeJob(
          job,
        )} could not be fully evaluated (${cache.enabledReason}).`,
      );
    }
  }
  for (const group of byStep(keyed)) {
    const verdicts = group.map(k =>
      hashesDependencies(k.key, ctx.snapshot.paths),
    );
    const { job, cache } = group[0];
    if (verdicts.includes(false)) {
      const key = group[verdicts.indexOf(false)].key;
      failures.push(
        `${describeJob(job)}: the module-cache key of ${describeCache(
          cache,
        )} (\`${key.text || '(empty)'}\`) hashes no go.sum or go.mod`,
      );
      failLocations.push(location(cache.keySpan ?? cache.step.span));
      remedy ??= remediation(ctx, group);
    } else if (verdicts.includes('unknown')) {
      notes.push(
        `The key of ${describeCache(
          cache,
        )} is computed in a way the scan cannot follow (\`${
          group[0].key.text
        }\`).`,
      );
    } else {
      const where = location(cache.keySpan ?? cache.step.span);
      const hashed = hashedFiles(group[0].key, ctx.snapshot.paths);
      if (!checkSums(job, hashed, `the key of ${describeCache(cache)}`, where))
        continue;
      passes.push(`${describeCache(cache)} (key \`${group[0].key.text}\`)`);
      locations.push(location(cache.keySpan ?? cache.step.span));
    }
  }
  if (failures.length) {
    return outcome.fail(`${[...failures, ...partial].join('; ')}.`, {
      locations: [...failLocations, ...partialLocations].slice(0, 20),
      remediation: remedy,
      notes,
    });
  }
  if (partial.length) {
    return outcome.warn(`${partial.join('; ')}.`, {
      locations: partialLocations,
      remediation: [
        'Hash every go.sum the job builds with:',
        '',
        yamlBlock(
          setupGoYaml(job0(model), {
            cache: 'default',
            dependencyPaths: goSumPaths(ctx),
          }),
        ),
      ].join('\n'),
      notes,
    });
  }
  if (passes.length)
    return outcome.pass(
      `Every module-cache key hashes the dependency files: ${passes.join(
        '; ',
      )}.`,
      { locations, notes },
    );
  if (notes.length && keyed.length + setupGo.length > 0) {
    return outcome.pass(
      'No module-cache key could be shown to lack a dependency hash.',
      { notes },
    );
  }
  return notApplicableUnlessBroken(
    model,
    'No job restores the Go module cache.',
    notes,
  );
}

/** POLICY.md `ci-key-dependency-hash`: module-cache keys hash go.sum (or go.mod). */
export const ciKeyDependencyHashRule: PolicyRule = {
  id: 'ci-key-dependency-hash',
  evaluate,
  fix: fixKeyDependencyHash,
};
