import { InheritedModels, RuleContext } from '../engine/RuleContext';
import { isDockerfileName } from '../snapshot/RepositorySnapshot';
import { applyEdits } from './applyEdits';
import { FileEdit } from './types';

/**
 * The context a fix is verified in: the scan's snapshot with the fix's edits applied.
 * Rebuilding every model for each proposal made fixes cost several times the scan
 * itself, so the models whose input files the edits leave alone are taken over from the
 * scan's context. The classification is deliberately narrow: an edit of any file not
 * named here rebuilds everything.
 *
 * - the Go model reads go.mod, go.work, go.sum, vendor/, version files and bot configs;
 * - the workflow model reads workflows, local actions and the root Makefile (and globs
 *   over the tree, so a created file rebuilds it);
 * - the Docker model reads Dockerfiles and .dockerignore files.
 */
type Family = 'workflows' | 'docker' | 'other';

const WORKFLOW_FILE = /^\.github\/workflows\/[^/]+\.ya?ml$/;
const ACTION_FILE = /(?:^|\/)action\.ya?ml$/;

function familyOf(path: string): Family {
  if (WORKFLOW_FILE.test(path) || ACTION_FILE.test(path)) return 'workflows';
  if (path === '.dockerignore' || path.endsWith('/.dockerignore'))
    return 'docker';
  if (isDockerfileName(path)) return 'docker';
  return 'other';
}

function dirOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

/** Models of `context` that stay valid after `edits`. */
export function unchangedModels(
  context: RuleContext,
  edits: readonly FileEdit[],
): InheritedModels {
  const families = new Set(edits.map(edit => familyOf(edit.path)));
  if (families.has('other')) return {};
  const created = edits.filter(edit => edit.before === undefined);
  // A file in a new directory changes the tree's directories, which the Go model reads.
  const newDirectory = created.some(edit => {
    const dir = dirOf(edit.path);
    return dir && !context.snapshot.paths.some(p => p.startsWith(`${dir}/`));
  });
  if (newDirectory) return {};
  const inherited: InheritedModels = { go: context.go };
  if (!families.has('workflows') && !created.length)
    inherited.workflows = context.workflows;
  if (!families.has('docker') && !created.length)
    inherited.docker = context.docker;
  return inherited;
}

/**
 * Verification contexts of one scan, shared by fixes that propose the same edits (the
 * ci-key-* fixes often rewrite the same key to the same text).
 */
export class PatchedContexts {
  private readonly contexts = new Map<string, RuleContext>();

  constructor(private readonly base: RuleContext) {}

  of(edits: readonly FileEdit[]): RuleContext {
    const key = edits
      .map(edit => `${edit.path}\u0000${edit.after}`)
      .join('\u0001');
    let context = this.contexts.get(key);
    if (!context) {
      context = patchedContext(this.base, edits);
      this.contexts.set(key, context);
    }
    return context;
  }
}

/** A context over the snapshot after `edits`, reusing the models they do not affect. */
export function patchedContext(
  context: RuleContext,
  edits: readonly FileEdit[],
): RuleContext {
  return new RuleContext(
    applyEdits(context.snapshot, edits),
    context.settings,
    unchangedModels(context, edits),
  );
}
