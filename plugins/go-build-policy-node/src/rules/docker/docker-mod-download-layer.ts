import { outcome, PolicyRule, RuleOutcome } from '../../engine/Rule';
import { RuleContext } from '../../engine/RuleContext';
import {
  CopyInstruction,
  DockerfileModel,
  DockerStage,
  RunInstruction,
} from '../../model/docker';
import {
  bindsDependencyFiles,
  bindsWholeContext,
  cacheMountCoverage,
} from './cacheMountCoverage';
import {
  brokenNotes,
  brokenOutcome,
  chainInstructions,
  combineVerdicts,
  describeStage,
  dockerInputs,
  locationOf,
  stageChain,
  UnitVerdict,
} from './dockerRuleSupport';
import { fromLineOf, runSnippet } from './dockerSnippets';
import { buildsVendored, moduleOfDockerfile } from './goModuleOfDockerfile';
import { proposeModDownloadLayer } from './fixes/docker-mod-download-layer.fix';

const COMPILING = new Set(['build', 'install', 'test']);

const isRun = (i: { keyword: string }): i is RunInstruction =>
  i.keyword === 'RUN';
const isCopy = (i: { keyword: string }): i is CopyInstruction =>
  i.keyword === 'COPY' || i.keyword === 'ADD';
const compiles = (run: RunInstruction) =>
  run.goCommands.some(c => COMPILING.has(c.subcommand));
const downloads = (run: RunInstruction) =>
  run.goCommands.some(c => c.subcommand === 'mod download');

/** A `COPY --from=<stage>` out of a stage whose chain runs `go mod download`. */
function copiesDownloadedModules(
  file: DockerfileModel,
  copy: CopyInstruction,
): boolean {
  if (copy.fromStage === undefined) return false;
  const source = file.stages[copy.fromStage];
  return !!source && stageChain(file, source).some(s => s.runs.some(downloads));
}

/** Stages to judge: those that compile, and download-only stages nothing compiles from. */
function stagesToJudge(file: DockerfileModel): DockerStage[] {
  const compiling = file.stages.filter(stage => stage.runs.some(compiles));
  const covered = new Set(
    compiling.flatMap(stage => stageChain(file, stage).map(s => s.index)),
  );
  const downloadOnly = file.stages.filter(
    stage => !covered.has(stage.index) && stage.runs.some(downloads),
  );
  return [...compiling, ...downloadOnly].sort((a, b) => a.index - b.index);
}

function remediationFor(
  ctx: RuleContext,
  file: DockerfileModel,
  stage: DockerStage,
  build?: RunInstruction,
): string {
  const modcache =
    build?.environment.gomodcache ?? stage.environment.gomodcache;
  const workdir = stageChain(file, stage)
    .flatMap(s => s.workdirs)
    .pop();
  const workspace = ctx.go.workspaces.some(
    w => w.dir === file.directory || w.dir === '',
  );
  const lines = [
    fromLineOf(stage),
    ...(workdir ? [`WORKDIR ${workdir.path}`] : []),
    workspace
      ? "# go.work, go.work.sum and each used module's go.mod/go.sum\nCOPY go.work go.work.sum ./"
      : 'COPY go.mod go.sum ./',
    `RUN --mount=type=cache,target=${modcache} \\\n    go mod download`,
    'COPY . .',
    build ? runSnippet(build) : 'RUN go build ./...',
  ];
  return [
    `Copy only the dependency files of ${describeStage(
      file,
      stage,
    )}, download modules, then copy the source, so the download layer survives source edits:`,
    '',
    '```dockerfile',
    ...lines,
    '```',
  ].join('\n');
}

/** Judges one stage (with the stages it is built from); undefined when the rule does not apply. */
function judgeStage(
  ctx: RuleContext,
  file: DockerfileModel,
  stage: DockerStage,
  notApplicable: string[],
): UnitVerdict | undefined {
  const sequence = chainInstructions(file, stage);
  const runs = sequence.filter(isRun);
  const where = describeStage(file, stage);
  const buildAt = sequence.findIndex(i => isRun(i) && compiles(i));
  const limit = buildAt === -1 ? sequence.length : buildAt;
  const build =
    buildAt === -1 ? undefined : (sequence[buildAt] as RunInstruction);
  if (buildsVendored(ctx, file, stage, runs)) {
    notApplicable.push(`${where} builds with vendored modules`);
    return undefined;
  }
  if (build && bindsWholeContext(build)) {
    const coverage = cacheMountCoverage(build);
    if (coverage.module && coverage.build) {
      notApplicable.push(
        `${where} builds from a bind mount of the context with cache mounts for both caches`,
      );
      return undefined;
    }
  }
  const before = sequence.slice(0, limit);
  // Modules downloaded in another stage and copied in (`COPY --from=deps /go/pkg/mod …`)
  // count as a download; that stage is judged on its own.
  const downloadAt = before.findIndex(
    i =>
      (isRun(i) && downloads(i)) ||
      (isCopy(i) && copiesDownloadedModules(file, i)),
  );
  const wholeAt = before.findIndex(i => isCopy(i) && i.copiesWholeContext);
  const remediation = remediationFor(ctx, file, stage, build);
  if (wholeAt !== -1 && (downloadAt === -1 || wholeAt < downloadAt)) {
    const copy = before[wholeAt];
    const download = downloadAt === -1 ? undefined : before[downloadAt];
    return {
      status: 'fail',
      summary: download
        ? `${where}: \`${copy.keyword} ${copy.text}\` (line ${copy.lines.startLine}) copies the whole context before \`go mod download\` (line ${download.lines.startLine}).`
        : `${where}: \`${copy.keyword} ${copy.text}\` (line ${copy.lines.startLine}) copies the whole context and no \`go mod download\` runs before the build.`,
      locations: [
        locationOf(file, copy.lines),
        ...(download ? [locationOf(file, download.lines)] : []),
      ],
      remediation,
    };
  }
  if (downloadAt === -1) {
    return {
      status: 'fail',
      summary: `${where}: nothing downloads modules before the build${
        build ? ` (line ${build.lines.startLine})` : ''
      }, so every build downloads them again.`,
      locations: build
        ? [locationOf(file, build.lines)]
        : [locationOf(file, stage.fromLines)],
      remediation,
    };
  }
  const downloadStep = before[downloadAt];
  if (isCopy(downloadStep)) {
    return {
      status: 'pass',
      summary: `${where}: modules downloaded in stage \`${downloadStep.from}\` are copied in (line ${downloadStep.lines.startLine}) before the source.`,
      locations: [locationOf(file, downloadStep.lines)],
    };
  }
  const download = downloadStep as RunInstruction;
  const depCopies = before
    .slice(0, downloadAt)
    .filter(isCopy)
    .filter(c => c.dependencyFiles.length > 0);
  const copied = new Set([
    ...depCopies.flatMap(c => c.dependencyFiles),
    ...bindsDependencyFiles(download),
  ]);
  const evidence = [
    ...depCopies.map(c => locationOf(file, c.lines)),
    locationOf(file, download.lines),
  ];
  // A workspace needs its modules' go.mod files too: go.work alone is not enough.
  if (!copied.has('go.mod')) {
    const what = copied.has('go.work')
      ? "go.work is copied but none of its modules' go.mod files"
      : 'go.mod is copied or bind-mounted';
    return {
      status: 'fail',
      summary: copied.has('go.work')
        ? `${where}: \`go mod download\` (line ${download.lines.startLine}) runs when ${what} are.`
        : `${where}: \`go mod download\` (line ${download.lines.startLine}) runs before ${what}.`,
      locations: evidence,
      remediation,
    };
  }
  const goSumInRepo = !!moduleOfDockerfile(ctx, file)?.goSumPath;
  if (goSumInRepo && !copied.has('go.sum') && !copied.has('go.work.sum')) {
    return {
      status: 'warn',
      summary: `${where}: go.mod is copied before \`go mod download\` (line ${download.lines.startLine}) but go.sum is not, so the download cannot verify checksums against it.`,
      locations: evidence,
      remediation,
    };
  }
  return {
    status: 'pass',
    summary: `${where}: dependency files are copied and \`go mod download\` runs (line ${download.lines.startLine}) before the source is copied.`,
    locations: evidence,
  };
}

function evaluate(ctx: RuleContext): RuleOutcome {
  const inputs = dockerInputs(ctx);
  const notApplicable: string[] = [];
  const verdicts: UnitVerdict[] = [];
  for (const file of inputs.files) {
    for (const stage of stagesToJudge(file)) {
      const verdict = judgeStage(ctx, file, stage, notApplicable);
      if (verdict) verdicts.push(verdict);
    }
  }
  if (verdicts.length === 0) {
    if (notApplicable.length) {
      return outcome.notApplicable(
        `The rule does not apply:\n${notApplicable
          .map(n => `- ${n}`)
          .join('\n')}`,
        {
          notes: brokenNotes(inputs),
        },
      );
    }
    if (inputs.broken.length) return brokenOutcome(inputs);
    return outcome.notApplicable(
      'No Dockerfile stage builds Go (no `go build`, `go install`, `go test` or `go mod download` in a RUN).',
    );
  }
  return combineVerdicts(
    verdicts,
    {
      pass: 'Every Go-building Dockerfile stage downloads modules in a layer of its own before copying the source:',
      fail: 'Go-building Dockerfile stages download modules in the same layer as the source, so every source edit downloads them again:',
      warn: 'Some Go-building Dockerfile stages do not keep module downloads in a layer of their own:',
    },
    [...notApplicable.map(n => `Not judged: ${n}.`), ...brokenNotes(inputs)],
  );
}

export const dockerModDownloadLayerRule: PolicyRule = {
  id: 'docker-mod-download-layer',
  evaluate,
  fix: proposeModDownloadLayer,
};
