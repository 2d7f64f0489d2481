/**
 * actions/setup-go's built-in cache, as its source does it per version (read from the
 * action's tags): `cache` input from v3.2.0 (default false), default true from v4.0.0;
 * dependency file go.sum at the workspace root up to v6.2.x, go.mod from v6.3.0; key
 * `setup-go-<RUNNER_OS>-[<arch>-][<ImageOS>-]go-<version>-<hash>` with arch from v5.1.0,
 * ImageOS (Linux) from v4.1.0, the installed version from v4 (the requested spec in v3);
 * no restore-keys; GOMODCACHE and GOCACHE cached together.
 */
import { RepositorySnapshot } from '../../snapshot/RepositorySnapshot';
import { matchGlobs } from './glob';
import { JobScopes } from './scope';
import { Job, SetupGoCache, Step } from './types';

type Version = { major: number; minor: number; patch: number };

/** The version whose behaviour applies: pinned version, comment version, or the moving major's latest. */
function effectiveVersion(step: Step): { version: Version; note?: string } {
  const uses = step.uses!.kind === 'action' ? step.uses : undefined;
  const pinned =
    uses?.version ??
    (uses?.commentVersion && uses.commentVersion.minor >= 0
      ? uses.commentVersion
      : undefined);
  if (pinned) return { version: pinned };
  const major = uses?.major;
  if (major === undefined) {
    return {
      version: { major: 7, minor: 0, patch: 0 },
      note: `ref ${uses?.ref} has no version; read as the latest release (v7)`,
    };
  }
  // A moving major tag points at the newest release of that major.
  const latest: Record<number, Version> = {
    1: { major: 1, minor: 1, patch: 3 },
    2: { major: 2, minor: 2, patch: 0 },
    3: { major: 3, minor: 6, patch: 1 },
    4: { major: 4, minor: 3, patch: 0 },
    5: { major: 5, minor: 6, patch: 0 },
    6: { major: 6, minor: 5, patch: 0 },
  };
  return { version: latest[major] ?? { major, minor: 99, patch: 0 } };
}

function atLeast(v: Version, major: number, minor: number): boolean {
  return v.major > major || (v.major === major && v.minor >= minor);
}

function input(step: Step, name: string) {
  return step.with.find(i => i.name === name);
}

function enabledState(
  step: Step,
  version: Version,
  scopes: JobScopes,
  events: string[],
): Pick<SetupGoCache, 'enabled' | 'enabledReason' | 'enabledByEvent'> {
  if (!atLeast(version, 3, 2))
    return {
      enabled: false,
      enabledReason: `setup-go v${version.major}.${version.minor} has no cache`,
    };
  const cacheInput = input(step, 'cache');
  const defaultOn = version.major >= 4;
  if (!cacheInput) {
    return defaultOn
      ? {
          enabled: true,
          enabledReason: 'caching is on by default since setup-go v4',
        }
      : {
          enabled: false,
          enabledReason: 'setup-go v3 caches only with `cache: true`',
        };
  }
  const values = new Set(
    scopes
      .evaluateAll(cacheInput.value, step.index)
      .map(v => (v.isLiteral ? v.text.trim().toLowerCase() : '?')),
  );
  if (values.size === 1 && values.has('true'))
    return { enabled: true, enabledReason: '`cache: true`' };
  if (values.size === 1 && values.has('false'))
    return { enabled: false, enabledReason: '`cache: false`' };
  return {
    enabled: 'unknown',
    enabledReason: `\`cache: ${cacheInput.value}\` is known only at run time`,
    enabledByEvent: enabledByEvent(step, scopes, events, cacheInput.value),
  };
}

/** `cache: ${{ github.event_name != 'schedule' }}` and the like, decided per trigger event. */
function enabledByEvent(
  step: Step,
  scopes: JobScopes,
  events: string[],
  text: string,
): Record<string, boolean | 'unknown'> | undefined {
  if (!text.includes('event_name')) return undefined;
  const byEvent: Record<string, boolean | 'unknown'> = {};
  for (const event of events) {
    const values = new Set(
      Array.from({ length: scopes.combinationCount }, (_, i) => {
        const value = scopes.evaluate(text, i, step.index, event);
        return value.isLiteral ? value.text.trim().toLowerCase() : '?';
      }),
    );
    byEvent[event] =
      values.size === 1 && (values.has('true') || values.has('false'))
        ? values.has('true')
        : 'unknown';
  }
  return byEvent;
}

/** Patterns setup-go hashes: cache-dependency-path lines, or the root default for the version. */
function dependencyPatterns(step: Step, version: Version, scopes: JobScopes) {
  const custom = input(step, 'cache-dependency-path');
  if (custom) {
    const evaluated = scopes.evaluateAll(custom.value, step.index);
    const unknown = evaluated.some(v => !v.isLiteral);
    const patterns = [
      ...new Set(
        evaluated
          .flatMap(v => v.text.split('\n'))
          .map(p => p.trim())
          .filter(Boolean),
      ),
    ];
    return { patterns, defaultFile: false, unknown };
  }
  const file = atLeast(version, 6, 3) ? 'go.mod' : 'go.sum';
  return { patterns: [file], defaultFile: true, unknown: false };
}

function dependencyState(
  job: Job,
  step: Step,
  deps: { patterns: string[]; defaultFile: boolean; unknown: boolean },
  snapshot: RepositorySnapshot,
): Pick<SetupGoCache, 'dependencyFileFound' | 'dependencyProblem'> {
  const checkout = job.checkout;
  if (checkout.stepIndex === undefined) {
    if (job.usesWorkflow) return { dependencyFileFound: 'unknown' };
    return {
      dependencyFileFound: false,
      dependencyProblem:
        'the job never checks out the repository, so setup-go finds no dependency file',
    };
  }
  if (checkout.stepIndex > step.index) {
    return {
      dependencyFileFound: false,
      dependencyProblem:
        'setup-go runs before actions/checkout, so the dependency file is not there yet',
    };
  }
  if (deps.unknown) return { dependencyFileFound: 'unknown' };
  let patterns = deps.patterns;
  if (checkout.path) {
    const prefix = `${checkout.path.replace(/^\.\//, '').replace(/\/+$/, '')}/`;
    if (
      deps.defaultFile ||
      !patterns.every(
        p => p.replace(/^\.\//, '').startsWith(prefix) || p.startsWith('!'),
      )
    ) {
      return {
        dependencyFileFound: false,
        dependencyProblem: `actions/checkout puts the code in \`${
          checkout.path
        }\`, but setup-go looks for ${patterns.join(
          ', ',
        )} in the workspace root`,
      };
    }
    patterns = patterns.map(p =>
      p.startsWith('!')
        ? `!${p.slice(1).replace(prefix, '')}`
        : p.replace(/^\.\//, '').replace(prefix, ''),
    );
  }
  const matched = matchGlobs(patterns, snapshot.paths);
  if (matched === undefined) return { dependencyFileFound: 'unknown' };
  if (matched.length) return { dependencyFileFound: true };
  return {
    dependencyFileFound: false,
    dependencyProblem: deps.defaultFile
      ? `there is no ${patterns[0]} at the repository root, where setup-go looks for it`
      : `no file of the repository matches cache-dependency-path (${patterns.join(
          ', ',
        )})`,
  };
}

/** setup-go's cache in one step of a job. */
export function setupGoCache(
  job: Job,
  step: Step,
  scopes: JobScopes,
  snapshot: RepositorySnapshot,
): SetupGoCache {
  const { version, note } = effectiveVersion(step);
  const events = [...new Set(job.triggers.events.map(e => e.name))];
  const enabled = enabledState(step, version, scopes, events);
  const deps = dependencyPatterns(step, version, scopes);
  const cacheInput = input(step, 'cache');
  return {
    kind: 'setup-go',
    step,
    ...enabled,
    dependencyPatterns: deps.patterns,
    defaultDependencyFile: deps.defaultFile,
    ...dependencyState(job, step, deps, snapshot),
    keyHas: {
      platform: true,
      arch: atLeast(version, 5, 1),
      imageOs: atLeast(version, 4, 1),
      goVersion: true,
      dependencyHash: true,
    },
    goVersionInKey: version.major >= 4 ? 'installed' : 'requested',
    resolvedVersion: `${version.major}.${version.minor}.${version.patch}`,
    versionNote: note,
    covers: { module: true, build: true },
    cacheInputSpan: cacheInput?.span,
  };
}
