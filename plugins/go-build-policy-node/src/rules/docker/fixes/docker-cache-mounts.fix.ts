import { RuleContext } from '../../../engine/RuleContext';
import { FileEdit, FixProposal } from '../../../fixes/types';
import { DockerfileModel, RunInstruction } from '../../../model/docker';
import { cacheMountCoverage } from '../cacheMountCoverage';
import { dockerInputs, goStages } from '../dockerRuleSupport';
import { buildsVendored } from '../goModuleOfDockerfile';
import { applyLineEdits, escapeOf, LineEdit } from './dockerfileText';

const COMPILING = new Set(['build', 'install', 'test']);

/** The cache mounts a Go RUN lacks, at the paths Go uses there; undefined when unsure. */
function missingMounts(
  ctx: RuleContext,
  file: DockerfileModel,
  run: RunInstruction,
): string[] | undefined {
  const compiles = run.goCommands.some(c => COMPILING.has(c.subcommand));
  const downloads = run.goCommands.some(c => c.subcommand === 'mod download');
  if (!compiles && !downloads) return [];
  const stage = file.stages[run.stageIndex];
  const coverage = cacheMountCoverage(run);
  const vendored =
    compiles &&
    !downloads &&
    (run.usesVendor || buildsVendored(ctx, file, stage, [run]));
  const mounts: string[] = [];
  if (!vendored && !coverage.module)
    mounts.push(`--mount=type=cache,target=${coverage.gomodcache}`);
  if (compiles && !coverage.build)
    mounts.push(`--mount=type=cache,target=${coverage.gocache}`);
  // A non-root user's home (hence its caches) is not visible to the scan: do not guess.
  if (mounts.length && coverage.uncertain) return undefined;
  return mounts;
}

/** Adds the missing Go cache mounts to every Go RUN of the Dockerfiles. */
export function proposeCacheMounts(ctx: RuleContext): FixProposal | undefined {
  const inputs = dockerInputs(ctx);
  const byFile = new Map<DockerfileModel, LineEdit[]>();
  const changed: string[] = [];
  for (const { file, stage } of goStages(inputs)) {
    for (const run of stage.runs) {
      const mounts = missingMounts(ctx, file, run);
      if (mounts === undefined) return undefined;
      if (!mounts.length) continue;
      const edits = byFile.get(file) ?? [];
      edits.push({
        kind: 'add-flags',
        line: run.lines.startLine,
        flags: mounts,
      });
      byFile.set(file, edits);
      changed.push(
        `- \`${file.path}\` line ${run.lines.startLine}: ${mounts
          .map(m => `\`${m}\``)
          .join(', ')}`,
      );
    }
  }
  const edits: FileEdit[] = [];
  for (const [file, lineEdits] of byFile) {
    const source = ctx.snapshot.file(file.path);
    if (source?.kind !== 'text') return undefined;
    edits.push({
      path: file.path,
      before: source.text,
      after: applyLineEdits(source.text, lineEdits, escapeOf(file)),
    });
  }
  if (!edits.length) return undefined;
  return {
    title: 'Mount the Go caches in Dockerfile RUNs',
    description: [
      'Adds BuildKit cache mounts for the Go module and build caches, at the paths Go uses in each stage (from `GOPATH`, `GOMODCACHE`, `GOCACHE`, `HOME` and `USER`), so builds reuse downloaded modules and compiled packages instead of starting cold:',
      '',
      ...changed,
      '',
      'Cache mounts need BuildKit, the default builder since Docker Engine 23 and in `docker/build-push-action`. They are not part of the image, so the image content is unchanged.',
    ].join('\n'),
    edits,
  };
}
