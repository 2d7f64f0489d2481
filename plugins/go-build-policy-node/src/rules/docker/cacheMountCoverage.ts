import { RunInstruction, RunMount } from '../../model/docker';

/** Which Go caches a RUN's cache mounts cover, at the paths the toolchain really uses. */
export interface CacheMountCoverage {
  module: boolean;
  build: boolean;
  /** Cache mounts that cover neither Go cache (wrong path for this image or user). */
  unused: RunMount[];
  /** The module and build cache paths in effect for this RUN. */
  gomodcache: string;
  gocache: string;
  /** The paths depend on something the scan cannot see (user's home, unresolved ENV). */
  uncertain: boolean;
  /** Per cache: its path depends on something the scan cannot see. */
  moduleUncertain: boolean;
  buildUncertain: boolean;
}

function normalize(path: string): string {
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}

/** A mount at `target` covers `path` when it is the path or one of its parents. */
function covers(target: string | undefined, path: string): boolean {
  if (!target) return false;
  const mount = normalize(target);
  const wanted = normalize(path);
  return (
    wanted === mount || wanted.startsWith(mount === '/' ? '/' : `${mount}/`)
  );
}

// Inline assignments such as `GOCACHE=/cache/go go build` move a cache for that command.
const INLINE = {
  GOMODCACHE: /(?:^|\s)GOMODCACHE=([^\s;&|]+)/,
  GOCACHE: /(?:^|\s)GOCACHE=([^\s;&|]+)/,
};

function inlineValue(
  command: string,
  name: keyof typeof INLINE,
): string | undefined {
  if (!command.includes(name)) return undefined;
  const match = INLINE[name].exec(command);
  return match?.[1].replace(/^["']|["']$/g, '');
}

export function cacheMountCoverage(run: RunInstruction): CacheMountCoverage {
  const gomodcache =
    inlineValue(run.command, 'GOMODCACHE') ?? run.environment.gomodcache;
  const gocache =
    inlineValue(run.command, 'GOCACHE') ?? run.environment.gocache;
  const cacheMounts = run.mounts.filter(m => m.type === 'cache');
  const coverage: CacheMountCoverage = {
    module: cacheMounts.some(m => covers(m.target, gomodcache)),
    build: cacheMounts.some(m => covers(m.target, gocache)),
    unused: cacheMounts.filter(
      m => !covers(m.target, gomodcache) && !covers(m.target, gocache),
    ),
    gomodcache,
    gocache,
    // An inline assignment on the command fixes the path whatever the environment says.
    moduleUncertain:
      !run.environment.gomodcacheCertain &&
      inlineValue(run.command, 'GOMODCACHE') === undefined,
    buildUncertain:
      !run.environment.gocacheCertain &&
      inlineValue(run.command, 'GOCACHE') === undefined,
    uncertain: false,
  };
  coverage.uncertain = coverage.moduleUncertain || coverage.buildUncertain;
  return coverage;
}

/** A context bind mount: `--mount=type=bind` of the build context (no `from`, source `.` or none). */
export function bindsWholeContext(run: RunInstruction): boolean {
  return run.mounts.some(
    m =>
      m.type === 'bind' &&
      m.from === undefined &&
      (m.source === undefined || ['.', './', '/', ''].includes(m.source)),
  );
}

/** Whether a RUN bind-mounts a Go dependency file (`source=go.mod`, `source=go.sum`). */
export function bindsDependencyFiles(run: RunInstruction): string[] {
  return run.mounts
    .filter(m => m.type === 'bind' && m.from === undefined && m.source)
    .map(m => m.source!.split('/').pop()!)
    .filter(name =>
      ['go.mod', 'go.sum', 'go.work', 'go.work.sum'].includes(name),
    );
}
