import { RuleContext } from '../../../engine/RuleContext';
import { DockerfileModel } from '../../../model/docker';
import { buildContextOf, isWithin, relativeTo } from './buildContext';

/** Dependency files copied into one directory (relative to the copied context). */
export interface DependencyGroup {
  /** Context-relative sources (`go.mod`, `services/api/go.sum`). */
  sources: string[];
  /** Directory under the copy destination ('' for the destination itself). */
  dir: string;
  /** The group holds a go.mod (go.work groups do not). */
  hasGoMod: boolean;
  hasGoSum: boolean;
}

/**
 * What a Dockerfile's dependency layer copies, as the build context lays it out: go.work
 * (and go.work.sum) with each used module's go.mod/go.sum, or the module's go.mod and
 * go.sum (when the tree has one). Undefined when the context is unknown, the module is
 * not at the context root, or a workspace module lies outside the context.
 */
export function dependencyLayout(
  ctx: RuleContext,
  file: DockerfileModel,
): DependencyGroup[] | undefined {
  const context = buildContextOf(ctx, file);
  if (context === undefined) return undefined;
  const moduleGroup = (dir: string): DependencyGroup | undefined => {
    const module = ctx.go.modules.find(m => m.dir === dir);
    if (!module) return undefined;
    const rel = relativeTo(dir, context);
    const prefix = rel ? `${rel}/` : '';
    return {
      sources: [
        `${prefix}go.mod`,
        ...(module.goSumPath ? [`${prefix}go.sum`] : []),
      ],
      dir: rel,
      hasGoMod: true,
      hasGoSum: !!module.goSumPath,
    };
  };
  const workspace = ctx.go.workspaces.find(
    w => w.dir === context && !w.unreadable,
  );
  if (!workspace) {
    const group = moduleGroup(context);
    return group ? [group] : undefined;
  }
  const groups: DependencyGroup[] = [
    {
      sources: ['go.work', ...(workspace.sumPath ? ['go.work.sum'] : [])],
      dir: '',
      hasGoMod: false,
      hasGoSum: !!workspace.sumPath,
    },
  ];
  for (const use of workspace.uses) {
    const dir = use.target.repoDir;
    if (dir === undefined || !isWithin(dir, context)) return undefined;
    const group = moduleGroup(dir);
    if (!group) return undefined;
    groups.push(group);
  }
  return groups.length > 1 ? groups : undefined;
}

/** `destination` joined with a group's directory, ending in `/` as COPY wants for a folder. */
export function destinationFor(destination: string, dir: string): string {
  const base = destination.replace(/\/+$/, '');
  const root = base === '' || base === '.' ? '.' : base;
  return `${root}/${dir ? `${dir}/` : ''}`;
}
