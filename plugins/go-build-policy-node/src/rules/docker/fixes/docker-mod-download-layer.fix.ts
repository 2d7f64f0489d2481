import { RuleContext } from '../../../engine/RuleContext';
import { FileEdit, FixProposal } from '../../../fixes/types';
import {
  CopyInstruction,
  DockerfileModel,
  DockerInstruction,
  DockerStage,
  RunInstruction,
} from '../../../model/docker';
import { parseDockerfileText } from '../../../model/docker/parseDockerfile';
import { bindsWholeContext, cacheMountCoverage } from '../cacheMountCoverage';
import {
  chainInstructions,
  dockerInputs,
  stageChain,
} from '../dockerRuleSupport';
import { buildsVendored } from '../goModuleOfDockerfile';
import {
  DependencyGroup,
  dependencyLayout,
  destinationFor,
} from './dependencyLayout';
import { applyLineEdits, escapeOf, lineAt, LineEdit } from './dockerfileText';

const COMPILING = new Set(['build', 'install', 'test']);
const DOWNLOAD = 'go mod download';

const isRun = (i: DockerInstruction): i is RunInstruction =>
  i.keyword === 'RUN';
const isCopy = (i: DockerInstruction): i is CopyInstruction =>
  i.keyword === 'COPY' || i.keyword === 'ADD';
const compiles = (run: RunInstruction) =>
  run.goCommands.some(c => COMPILING.has(c.subcommand));
const downloads = (run: RunInstruction) =>
  run.goCommands.some(c => c.subcommand === 'mod download');

/** The stages the rule judges (see docker-mod-download-layer): compiling and download-only. */
function judgedStages(file: DockerfileModel): DockerStage[] {
  const compiling = file.stages.filter(stage => stage.runs.some(compiles));
  const covered = new Set(
    compiling.flatMap(stage => stageChain(file, stage).map(s => s.index)),
  );
  return file.stages.filter(
    stage =>
      compiling.includes(stage) ||
      (!covered.has(stage.index) && stage.runs.some(downloads)),
  );
}

/** A `COPY --from=<stage>` out of a stage whose chain downloads modules (counts as a download). */
function copiesDownloadedModules(
  file: DockerfileModel,
  copy: CopyInstruction,
): boolean {
  const source =
    copy.fromStage === undefined ? undefined : file.stages[copy.fromStage];
  return !!source && stageChain(file, source).some(s => s.runs.some(downloads));
}

/** A RUN that only downloads modules, which the new layer makes redundant. */
function isPlainDownload(run: RunInstruction): boolean {
  return (
    run.goCommands.length === 1 &&
    /^go\s+mod\s+download(\s+-x)?$/.test(run.command.trim()) &&
    run.heredocs.length === 0
  );
}

/** The lines of the dependency layer: a COPY per destination, then the download. */
function layerLines(
  groups: DependencyGroup[],
  destination: string,
  chown: string | undefined,
  downloadDir: string | undefined,
): string[] {
  const byDestination = new Map<string, string[]>();
  for (const group of groups) {
    const to = destinationFor(destination, group.dir);
    byDestination.set(to, [...(byDestination.get(to) ?? []), ...group.sources]);
  }
  const flag = chown ? `--chown=${chown} ` : '';
  return [
    ...[...byDestination].map(
      ([to, sources]) => `COPY ${flag}${sources.join(' ')} ${to}`,
    ),
    downloadDir ? `RUN cd ${downloadDir} && ${DOWNLOAD}` : `RUN ${DOWNLOAD}`,
  ];
}

/** WORKDIR in effect before instruction `index` of a chain (undefined: none, i.e. `/`). */
function workdirBefore(
  file: DockerfileModel,
  sequence: DockerInstruction[],
  index: number,
): string | undefined {
  const workdirs = file.stages.flatMap(s => s.workdirs);
  const last = sequence
    .slice(0, index)
    .filter(i => i.keyword === 'WORKDIR')
    .pop();
  return (
    last && workdirs.find(w => w.lines.startLine === last.lines.startLine)?.path
  );
}

/** Where `go mod download` must `cd` to reach files copied to `destination`; undefined: nowhere. */
function downloadDirFor(
  destination: string,
  workdir: string | undefined,
): string | undefined {
  if (!destination.startsWith('/')) return undefined;
  const normalized = destination.replace(/\/+$/, '') || '/';
  const current = (workdir ?? '/').replace(/\/+$/, '') || '/';
  return normalized === current ? undefined : normalized;
}

interface StagePlan {
  edits: LineEdit[];
  /** Lines (original numbering) before which a download RUN is inserted. */
  downloadsBefore: number[];
}

/** The edits that give one judged stage its dependency layer; undefined when unclear. */
function planStage(
  ctx: RuleContext,
  file: DockerfileModel,
  stage: DockerStage,
  groups: DependencyGroup[],
): StagePlan | undefined {
  const sequence = chainInstructions(file, stage);
  const runs = sequence.filter(isRun);
  const buildAt = sequence.findIndex(i => isRun(i) && compiles(i));
  const build =
    buildAt === -1 ? undefined : (sequence[buildAt] as RunInstruction);
  if (buildsVendored(ctx, file, stage, runs))
    return { edits: [], downloadsBefore: [] };
  if (build && bindsWholeContext(build)) {
    const coverage = cacheMountCoverage(build);
    if (coverage.module && coverage.build)
      return { edits: [], downloadsBefore: [] };
  }
  const before = sequence.slice(0, buildAt === -1 ? sequence.length : buildAt);
  const downloadAt = before.findIndex(
    i =>
      (isRun(i) && downloads(i)) ||
      (isCopy(i) && copiesDownloadedModules(file, i)),
  );
  const wholeAt = before.findIndex(i => isCopy(i) && i.copiesWholeContext);
  if (wholeAt !== -1 && (downloadAt === -1 || wholeAt < downloadAt)) {
    const whole = before[wholeAt] as CopyInstruction;
    if (whole.sources.length !== 1) return undefined;
    const line = whole.lines.startLine;
    const downloadDir = downloadDirFor(
      whole.destination,
      workdirBefore(file, sequence, sequence.indexOf(whole)),
    );
    const edits: LineEdit[] = [
      {
        kind: 'insert-before',
        line,
        lines: layerLines(groups, whole.destination, whole.chown, downloadDir),
      },
    ];
    const later = downloadAt === -1 ? undefined : before[downloadAt];
    if (later && isRun(later) && isPlainDownload(later)) {
      edits.push({
        kind: 'replace',
        startLine: later.lines.startLine,
        endLine: later.lines.endLine,
        lines: [],
      });
    }
    return { edits, downloadsBefore: [line] };
  }
  if (downloadAt === -1)
    return planMissingDownload(file, sequence, before, groups);
  return planIncompleteCopies(before, downloadAt, groups);
}

/** No download before the build and no whole-context copy: the source comes in pieces. */
function planMissingDownload(
  file: DockerfileModel,
  sequence: DockerInstruction[],
  before: DockerInstruction[],
  groups: DependencyGroup[],
): StagePlan | undefined {
  const contextCopies = before.filter(isCopy).filter(c => c.from === undefined);
  if (!contextCopies.length) return undefined;
  const depCopies = contextCopies.filter(c =>
    c.dependencyFiles.includes('go.mod'),
  );
  if (depCopies.length) {
    // go.mod is already copied: download right after the last dependency COPY.
    const last = depCopies[depCopies.length - 1];
    const next = sequence[sequence.indexOf(last) + 1];
    if (!next || !last.onlyDependencyFiles) return undefined;
    const downloadDir = downloadDirFor(
      last.destination,
      workdirBefore(file, sequence, sequence.indexOf(last)),
    );
    const missing = missingSources(before, groups);
    const lines = [
      ...(missing.length
        ? [`COPY ${missing.join(' ')} ${last.destination}`]
        : []),
      downloadDir ? `RUN cd ${downloadDir} && ${DOWNLOAD}` : `RUN ${DOWNLOAD}`,
    ];
    return {
      edits: [{ kind: 'insert-before', line: next.lines.startLine, lines }],
      downloadsBefore: [next.lines.startLine],
    };
  }
  const first = contextCopies[0];
  const index = sequence.indexOf(first);
  const downloadDir = downloadDirFor(
    first.destination,
    workdirBefore(file, sequence, index),
  );
  // Pieces copied to another folder than the WORKDIR: where go.mod belongs is unclear.
  if (downloadDir !== undefined) return undefined;
  return {
    edits: [
      {
        kind: 'insert-before',
        line: first.lines.startLine,
        lines: layerLines(groups, './', first.chown, undefined),
      },
    ],
    downloadsBefore: [first.lines.startLine],
  };
}

/** Dependency files of the layout that no COPY before the download brings. */
function missingSources(
  before: DockerInstruction[],
  groups: DependencyGroup[],
): string[] {
  const copied = new Set(
    before
      .filter(isCopy)
      .filter(c => c.from === undefined)
      .flatMap(c => c.sources.map(s => s.replace(/^\.\//, ''))),
  );
  const names = new Set(before.filter(isCopy).flatMap(c => c.dependencyFiles));
  return groups
    .flatMap(g => g.sources)
    .filter(source => !copied.has(source))
    .filter(source => source.includes('/') || !names.has(source as 'go.mod'));
}

/** A download runs, but before go.mod (or go.sum) is copied: copy what is missing first. */
function planIncompleteCopies(
  before: DockerInstruction[],
  downloadAt: number,
  groups: DependencyGroup[],
): StagePlan | undefined {
  const download = before[downloadAt];
  if (!isRun(download)) return { edits: [], downloadsBefore: [] };
  const upToDownload = before.slice(0, downloadAt);
  const missing = missingSources(upToDownload, groups);
  if (!missing.length) return { edits: [], downloadsBefore: [] };
  const depCopy = upToDownload
    .filter(isCopy)
    .filter(c => c.dependencyFiles.length > 0)
    .pop();
  const destination = depCopy?.destination ?? './';
  const byDir = groups
    .map(g => ({ g, sources: g.sources.filter(s => missing.includes(s)) }))
    .filter(x => x.sources.length);
  return {
    edits: [
      {
        kind: 'insert-before',
        line: download.lines.startLine,
        lines: byDir.map(
          ({ g, sources }) =>
            `COPY ${sources.join(' ')} ${destinationFor(destination, g.dir)}`,
        ),
      },
    ],
    downloadsBefore: [],
  };
}

/** Whether inserted downloads should use a cache mount: the file already relies on BuildKit. */
function usesBuildKit(file: DockerfileModel): boolean {
  return (
    file.directives.some(d => d.name === 'syntax') ||
    file.stages.some(s => s.runs.some(r => r.mounts.length > 0))
  );
}

/** New line numbers of lines inserted before `line`, after `edits` apply. */
function shiftedLine(line: number, edits: LineEdit[]): number {
  let shift = 0;
  for (const edit of edits) {
    if (edit.kind === 'insert-before' && edit.line <= line) {
      shift += edit.lines.length;
    } else if (edit.kind === 'replace' && edit.endLine < line) {
      shift += edit.lines.length - (edit.endLine - edit.startLine + 1);
    }
  }
  return shift + line;
}

function planFile(
  ctx: RuleContext,
  file: DockerfileModel,
  text: string,
): string | undefined {
  const stages = judgedStages(file);
  if (!stages.length) return text;
  const groups = dependencyLayout(ctx, file);
  if (!groups) return undefined;
  const edits = new Map<string, LineEdit>();
  const downloadLines = new Set<number>();
  for (const stage of stages) {
    const plan = planStage(ctx, file, stage, groups);
    if (!plan) return undefined;
    // Stages built FROM a shared parent plan the same edit: keep it once.
    for (const edit of plan.edits) edits.set(JSON.stringify(edit), edit);
    plan.downloadsBefore.forEach(line => downloadLines.add(line));
  }
  const list = [...edits.values()];
  const patched = applyLineEdits(text, list, escapeOf(file));
  if (!usesBuildKit(file) || !downloadLines.size) return patched;
  // The cache mount goes where Go keeps modules at that point: read it from the patched file.
  const model = parseDockerfileText(file.path, patched);
  const runs = model.stages.flatMap(s => s.runs);
  const mounts: LineEdit[] = [];
  for (const line of downloadLines) {
    const inserted = list.find(
      e => e.kind === 'insert-before' && e.line === line,
    ) as Extract<LineEdit, { kind: 'insert-before' }>;
    const runLine = shiftedLine(line, list) - 1;
    const run = runs.find(r => r.lines.startLine === runLine);
    if (!run || !inserted || !lineAt(patched, runLine)?.includes(DOWNLOAD))
      return undefined;
    if (!run.environment.certain) continue;
    mounts.push({
      kind: 'add-flags',
      line: runLine,
      flags: [`--mount=type=cache,target=${run.environment.gomodcache}`],
    });
  }
  return applyLineEdits(patched, mounts, escapeOf(file));
}

/** Gives each Go-building stage a dependency layer: go.mod/go.sum, then `go mod download`. */
export function proposeModDownloadLayer(
  ctx: RuleContext,
): FixProposal | undefined {
  const edits: FileEdit[] = [];
  for (const file of dockerInputs(ctx).files) {
    const source = ctx.snapshot.file(file.path);
    if (source?.kind !== 'text') continue;
    const after = planFile(ctx, file, source.text);
    if (after === undefined) return undefined;
    if (after !== source.text)
      edits.push({ path: file.path, before: source.text, after });
  }
  if (!edits.length) return undefined;
  return {
    title: 'Download Go modules in a layer of their own',
    description: [
      'Copies only the dependency files (go.mod and go.sum, or go.work with its modules) and runs `go mod download` before the source is copied, so the download layer stays cached until the dependencies change instead of being redone on every source edit.',
      '',
      ...edits.map(e => `- \`${e.path}\``),
    ].join('\n'),
    edits,
  };
}
