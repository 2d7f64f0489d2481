import { RuleContext } from '../../../engine/RuleContext';
import { DockerfileModel } from '../../../model/docker';
import { moduleOfDockerfile } from '../goModuleOfDockerfile';

function normalizeContext(context: string): string {
  const trimmed = context.replace(/^\.\/?/, '').replace(/\/+$/, '');
  return trimmed === '.' ? '' : trimmed;
}

/** Whether `path` is `dir` or lies below it ('' is the root). */
export function isWithin(path: string, dir: string): boolean {
  return dir === '' || path === dir || path.startsWith(`${dir}/`);
}

/** `path` relative to `dir`, which contains it. */
export function relativeTo(path: string, dir: string): string {
  return dir === '' ? path : path.slice(dir.length + 1);
}

/** The build contexts workflows give a Dockerfile (normalized, deduplicated). */
export function workflowContextsOf(
  ctx: RuleContext,
  file: DockerfileModel,
): string[] {
  try {
    const contexts = new Set<string>();
    for (const build of ctx.workflows.jobs.flatMap(job => job.dockerBuilds)) {
      if (build.context === undefined) continue;
      const context = normalizeContext(build.context);
      const dockerfile =
        build.dockerfile ?? (context ? `${context}/Dockerfile` : 'Dockerfile');
      if (dockerfile === file.path) contexts.add(context);
    }
    return [...contexts];
  } catch {
    return [];
  }
}

/**
 * The directory a Dockerfile is most likely built from: the one workflows name, else the
 * Go project it belongs to (the folder of its go.work, else of its module), which is
 * where `COPY . .` finds go.mod. Undefined when workflows disagree or nothing says.
 */
export function buildContextOf(
  ctx: RuleContext,
  file: DockerfileModel,
): string | undefined {
  const named = workflowContextsOf(ctx, file);
  if (named.length > 1) return undefined;
  if (named.length === 1) return named[0];
  const workspace = ctx.go.workspaces
    .filter(w => !w.unreadable && isWithin(file.directory, w.dir))
    .sort((a, b) => b.dir.length - a.dir.length)[0];
  if (workspace) return workspace.dir;
  return moduleOfDockerfile(ctx, file)?.dir;
}
