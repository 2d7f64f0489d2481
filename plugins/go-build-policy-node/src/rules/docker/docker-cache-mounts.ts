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
  const missing = [
    ...(needs.module && !coverage.module
      ? [`module cache \`${coverage.gomodcache}\``]
      : []),
    ...(needs.build && !coverage.build
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
  if (missing.length === 0) {
    return {
      status: 'pass',
      summary: `${where} ${what} with cache mounts for the caches it uses.`,
      locations,
    };
  }
  const cacheMounts = run.mounts.filter(m => m.type === 'cache');
  if (cacheMounts.length && coverage.uncertain) {
    return {
      status: 'pass',
      summary: `${where} ${what} with cache mounts.`,
      locations,
      notes: [
        `${where}: the cache paths depend on the user's home or an unresolved ENV, so the mount paths (${cacheMounts
          .map(m => `\`${m.target}\``)
          .join(', ')}) could not be checked against them.`,
      ],
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
