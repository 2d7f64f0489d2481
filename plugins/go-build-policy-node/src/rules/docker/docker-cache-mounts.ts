import { outcome, PolicyRule, RuleOutcome } from '../../engine/Rule';
import { RuleContext } from '../../engine/RuleContext';
import {
  DockerfileModel,
  DockerStage,
  RunInstruction,
} from '../../model/docker';
import { cacheMountCoverage } from './cacheMountCoverage';
import {
  brokenNotes,
  brokenOutcome,
  combineVerdicts,
  describeStage,
  dockerInputs,
  goStages,
  locationOf,
  UnitVerdict,
} from './dockerRuleSupport';
import { runSnippet } from './dockerSnippets';
import { buildsVendored } from './goModuleOfDockerfile';
import { proposeCacheMounts } from './fixes/docker-cache-mounts.fix';

const COMPILING = new Set(['build', 'install', 'test']);

/** Whether a cache mount target was meant for a Go cache (`/root/go/pkg/mod`, `~/.cache/go-build`). */
function looksLikeGoCache(target: string | undefined): boolean {
  return (
    !!target &&
    /pkg\/mod|go-build|(?:^|\/)go(?:\/|$)|\/\.cache(?:\/|$)/.test(target)
  );
}

function remediation(
  file: DockerfileModel,
  stage: DockerStage,
  run: RunInstruction,
  paths: { module: string; build: string },
) {
  return [
    `Give the RUN at line ${run.lines.startLine} of ${describeStage(
      file,
      stage,
    )} cache mounts at the paths Go uses there (module cache \`${
      paths.module
    }\`, build cache \`${paths.build}\`):`,
    '',
    '```dockerfile',
    runSnippet(run, { module: paths.module, build: paths.build }),
    '```',
  ].join('\n');
}

function judgeRun(
  ctx: RuleContext,
  file: DockerfileModel,
  stage: DockerStage,
  run: RunInstruction,
): UnitVerdict | undefined {
  const compiles = run.goCommands.some(c => COMPILING.has(c.subcommand));
  const downloads = run.goCommands.some(c => c.subcommand === 'mod download');
  if (!compiles && !downloads) return undefined;
  const coverage = cacheMountCoverage(run);
  // Vendored builds read modules from vendor/: they need the build cache only.
  const vendored =
    compiles &&
    !downloads &&
    (run.usesVendor || buildsVendored(ctx, file, stage, [run]));
  const needs = { module: !vendored, build: compiles };
  const cacheMounts = run.mounts.filter(m => m.type === 'cache');
  // A cache whose path the scan cannot know (a non-root user's home) is judged only when
  // no spare cache mount could be it; a path that is known is always judged.
  const unknowable = {
    module:
      needs.module &&
      !coverage.module &&
      coverage.moduleUncertain &&
      coverage.unused.length > 0,
    build:
      needs.build &&
      !coverage.build &&
      coverage.buildUncertain &&
      coverage.unused.length > 0,
  };
  const missing = [
    ...(needs.module && !coverage.module && !unknowable.module
      ? [`module cache \`${coverage.gomodcache}\``]
      : []),
    ...(needs.build && !coverage.build && !unknowable.build
      ? [`build cache \`${coverage.gocache}\``]
      : []),
  ];
  const where = `${describeStage(file, stage)}, RUN at line ${
    run.lines.startLine
  }`;
  const locations = [locationOf(file, run.lines)];
  const fix = () =>
    remediation(file, stage, run, {
      module: coverage.gomodcache,
      build: coverage.gocache,
    });
  const what = compiles ? 'builds' : 'downloads modules';
  const unchecked = [
    ...(unknowable.module
      ? [`module cache (\`${coverage.gomodcache}\`?)`]
      : []),
    ...(unknowable.build ? [`build cache (\`${coverage.gocache}\`?)`] : []),
  ];
  const notes = unchecked.length
    ? [
        `${where}: the path of the ${unchecked.join(
          ' and ',
        )} depends on what the scan cannot see (the home of USER \`${
          run.environment.user
        }\`, the base image's ENV or an unresolved variable), so the mounts at ${coverage.unused
          .map(m => `\`${m.target}\``)
          .join(', ')} could not be checked against it.`,
      ]
    : undefined;
  if (missing.length === 0) {
    return {
      status: 'pass',
      summary: `${where} ${what} with cache mounts${
        notes ? '' : ' for the caches it uses'
      }.`,
      locations,
      ...(notes ? { notes } : {}),
    };
  }
  if (cacheMounts.length === 0) {
    return {
      status: 'fail',
      summary: `${where} ${what} with no cache mount (needs ${missing.join(
        ' and ',
      )}).`,
      locations,
      remediation: fix,
      ...(notes ? { notes } : {}),
    };
  }
  const coversSome =
    (needs.module && coverage.module) || (needs.build && coverage.build);
  // A Go cache mounted where Go does not look is a fail (POLICY.md), even beside a good one.
  const misplaced = coverage.unused.filter(m => looksLikeGoCache(m.target));
  const unused = misplaced.map(m => `\`${m.target}\``).join(', ');
  return {
    status: coversSome && misplaced.length === 0 ? 'warn' : 'fail',
    summary: `${where} ${what} without a cache mount for the ${missing.join(
      ' and ',
    )}${
      unused ? `; mounts at ${unused} are paths Go does not use there` : ''
    }.`,
    locations,
    remediation: fix,
    ...(notes ? { notes } : {}),
  };
}

function evaluate(ctx: RuleContext): RuleOutcome {
  const inputs = dockerInputs(ctx);
  const verdicts: UnitVerdict[] = [];
  for (const { file, stage } of goStages(inputs)) {
    for (const run of stage.runs) {
      const verdict = judgeRun(ctx, file, stage, run);
      if (verdict) verdicts.push(verdict);
    }
  }
  if (verdicts.length === 0) {
    if (inputs.broken.length) return brokenOutcome(inputs);
    return outcome.notApplicable(
      'No Dockerfile stage builds Go (no `go build`, `go install`, `go test` or `go mod download` in a RUN).',
    );
  }
  return combineVerdicts(
    verdicts,
    {
      pass: 'Every Go RUN in the Dockerfiles mounts the Go caches it uses:',
      fail: 'Go RUNs in the Dockerfiles start with cold Go caches on every build:',
      warn: 'Some Go RUNs in the Dockerfiles lack a cache mount for a Go cache they use:',
    },
    brokenNotes(inputs),
  );
}

export const dockerCacheMountsRule: PolicyRule = {
  id: 'docker-cache-mounts',
  evaluate,
  fix: proposeCacheMounts,
};
