import { RuleContext } from '../../../engine/RuleContext';
import { FileEdit, FixProposal } from '../../../fixes/types';
import { DockerfileModel, RunInstruction } from '../../../model/docker';
import { cacheMountCoverage } from '../cacheMountCoverage';
import { dockerInputs, goStages } from '../dockerRuleSupport';
import { buildsVendored } from '../goModuleOfDockerfile';
import { applyLineEdits, escapeOf, lineAt, LineEdit } from './dockerfileText';

const COMPILING = new Set(['build', 'install', 'test']);

/** What a Go RUN needs: mounts to add, and misplaced cache mounts to point at the right path. */
interface RunRepair {
  add: string[];
  retarget: Array<{ raw: string; to: string }>;
}

// Cache mounts aimed at a Go cache under a path the image does not use (`/root/go/pkg/mod`
// in a golang image, whose GOPATH is /go): pointing them at the real path is the fix a
// reviewer expects, rather than a second mount beside a useless one.
const MODULE_CACHE_SHAPE = /\/pkg\/mod\/?$/;
const BUILD_CACHE_SHAPE = /\/go-build\/?$/;

function retargeted(raw: string, to: string): string | undefined {
  const fields = raw.split(',');
  const index = fields.findIndex(f =>
    /^(?:target|dst|destination)=/i.test(f.trim()),
  );
  if (index < 0) return undefined;
  const [name] = fields[index].split('=');
  fields[index] = `${name}=${to}`;
  return fields.join(',');
}

/** The repair of one Go RUN, at the paths Go uses there; undefined when unsure. */
function repairOf(
  ctx: RuleContext,
  file: DockerfileModel,
  run: RunInstruction,
): RunRepair | undefined {
  const compiles = run.goCommands.some(c => COMPILING.has(c.subcommand));
  const downloads = run.goCommands.some(c => c.subcommand === 'mod download');
  const repair: RunRepair = { add: [], retarget: [] };
  if (!compiles && !downloads) return repair;
  const stage = file.stages[run.stageIndex];
  const coverage = cacheMountCoverage(run);
  const vendored =
    compiles &&
    !downloads &&
    (run.usesVendor || buildsVendored(ctx, file, stage, [run]));
  const unused = [...coverage.unused];
  let guessed = false;
  const need = (shape: RegExp, path: string, uncertain: boolean) => {
    guessed ||= uncertain;
    const misplaced = unused.findIndex(m => m.target && shape.test(m.target));
    const raw = misplaced < 0 ? undefined : unused[misplaced].raw;
    const to = raw === undefined ? undefined : retargeted(raw, path);
    if (raw !== undefined && to !== undefined) {
      unused.splice(misplaced, 1);
      repair.retarget.push({ raw, to });
    } else {
      repair.add.push(`--mount=type=cache,target=${path}`);
    }
  };
  if (!vendored && !coverage.module)
    need(MODULE_CACHE_SHAPE, coverage.gomodcache, coverage.moduleUncertain);
  if (compiles && !coverage.build)
    need(BUILD_CACHE_SHAPE, coverage.gocache, coverage.buildUncertain);
  // A non-root user's home (hence its caches) is not visible to the scan: do not guess.
  if (guessed) return undefined;
  return repair;
}

/**
 * Rewrites each `--mount=<raw>` on the RUN's lines (one after the other: two may share a
 * line); undefined when a flag is not written there exactly once.
 */
function retargetMounts(
  text: string,
  run: RunInstruction,
  retarget: RunRepair['retarget'],
): string | undefined {
  let result = text;
  for (const { raw, to } of retarget) {
    const flag = `--mount=${raw}`;
    let found: LineEdit | undefined;
    for (let n = run.lines.startLine; n <= run.lines.endLine; n++) {
      const line = lineAt(result, n) ?? '';
      const at = line.indexOf(flag);
      if (at < 0) continue;
      const end = at + flag.length;
      // The whole flag, not a prefix of a longer one.
      if (end < line.length && !/\s/.test(line[end])) continue;
      if (found || line.indexOf(flag, end) >= 0) return undefined;
      found = {
        kind: 'replace',
        startLine: n,
        endLine: n,
        lines: [`${line.slice(0, at)}--mount=${to}${line.slice(end)}`],
      };
    }
    if (!found) return undefined;
    result = applyLineEdits(result, [found]);
  }
  return result;
}

function describe(path: string, run: RunInstruction, repair: RunRepair) {
  const parts = [
    ...repair.retarget.map(r => `\`--mount=${r.raw}\` → \`--mount=${r.to}\``),
    ...repair.add.map(m => `\`${m}\``),
  ];
  return `- \`${path}\` line ${run.lines.startLine}: ${parts.join(', ')}`;
}

/** Adds the missing Go cache mounts to every Go RUN of the Dockerfiles. */
export function proposeCacheMounts(ctx: RuleContext): FixProposal | undefined {
  const inputs = dockerInputs(ctx);
  const byFile = new Map<
    DockerfileModel,
    Array<{ run: RunInstruction; repair: RunRepair }>
  >();
  const changed: string[] = [];
  for (const { file, stage } of goStages(inputs)) {
    for (const run of stage.runs) {
      const repair = repairOf(ctx, file, run);
      if (repair === undefined) return undefined;
      if (!repair.add.length && !repair.retarget.length) continue;
      byFile.set(file, [...(byFile.get(file) ?? []), { run, repair }]);
      changed.push(describe(file.path, run, repair));
    }
  }
  const edits: FileEdit[] = [];
  for (const [file, repairs] of byFile) {
    const source = ctx.snapshot.file(file.path);
    if (source?.kind !== 'text') return undefined;
    // Retargets rewrite lines in place (no line moves), then flags are added.
    let text: string | undefined = source.text;
    for (const { run, repair } of repairs) {
      text = retargetMounts(text, run, repair.retarget);
      if (text === undefined) return undefined;
    }
    const flags: LineEdit[] = repairs
      .filter(({ repair }) => repair.add.length)
      .map(({ run, repair }) => ({
        kind: 'add-flags',
        line: run.lines.startLine,
        flags: repair.add,
      }));
    edits.push({
      path: file.path,
      before: source.text,
      after: applyLineEdits(text, flags, escapeOf(file)),
    });
  }
  if (!edits.length) return undefined;
  const retargets = [...byFile.values()].some(repairs =>
    repairs.some(({ repair }) => repair.retarget.length),
  );
  return {
    title: 'Mount the Go caches in Dockerfile RUNs',
    description: [
      `${
        retargets
          ? 'Adds BuildKit cache mounts for the Go module and build caches, or points misplaced ones at the right path,'
          : 'Adds BuildKit cache mounts for the Go module and build caches,'
      } at the paths Go uses in each stage (from \`GOPATH\`, \`GOMODCACHE\`, \`GOCACHE\`, \`HOME\` and \`USER\`), so builds reuse downloaded modules and compiled packages instead of starting cold:`,
      '',
      ...changed,
      '',
      'Cache mounts need BuildKit, the default builder since Docker Engine 23 and in `docker/build-push-action`. They are not part of the image, so the image content is unchanged.',
    ].join('\n'),
    edits,
  };
}
