import { RuleContext } from '../../../engine/RuleContext';
import { FileEdit, FixProposal } from '../../../fixes/types';
import {
  DockerfileModel,
  dockerignoreExcludes,
  dockerignoreFor,
} from '../../../model/docker';
import { bindsWholeContext } from '../cacheMountCoverage';
import { dockerInputs } from '../dockerRuleSupport';
import {
  buildContextOf,
  isWithin,
  relativeTo,
  workflowContextsOf,
} from './buildContext';
import { appendLines } from './dockerfileText';

/** Build outputs a new .dockerignore leaves out, unless the tree or a COPY uses them. */
const BUILD_OUTPUTS = ['bin/', 'dist/', '*.test', 'coverage.out'];

function usesWholeContext(file: DockerfileModel): boolean {
  return file.stages.some(stage =>
    stage.instructions.some(
      i =>
        ('copiesWholeContext' in i && i.copiesWholeContext) ||
        (i.keyword === 'RUN' && 'mounts' in i && bindsWholeContext(i)),
    ),
  );
}

/** Whether excluding `entry` from `context` could hide a file of the tree or a COPY source. */
function entryIsUsed(
  ctx: RuleContext,
  context: string,
  entry: string,
  files: DockerfileModel[],
): boolean {
  const matches = (path: string) =>
    entry.endsWith('/')
      ? path === entry.slice(0, -1) || path.startsWith(entry)
      : path.endsWith(entry.replace(/^\*/, ''));
  const inTree = ctx.snapshot.paths.some(
    path => isWithin(path, context) && matches(relativeTo(path, context)),
  );
  const copied = files.some(file =>
    file.stages.some(stage =>
      stage.copies.some(
        copy =>
          copy.from === undefined &&
          copy.sources.some(source => matches(source.replace(/^\.?\//, ''))),
      ),
    ),
  );
  return inTree || copied;
}

/** Contexts to fix for a Dockerfile: those workflows name, else the project's own. */
function contextsOf(
  ctx: RuleContext,
  file: DockerfileModel,
): string[] | undefined {
  const named = workflowContextsOf(ctx, file);
  if (named.length) return named;
  const context = buildContextOf(ctx, file);
  return context === undefined ? undefined : [context];
}

/** Creates or completes the .dockerignore of every context a Go build copies whole. */
export function proposeContextIgnore(
  ctx: RuleContext,
): FixProposal | undefined {
  const files = dockerInputs(ctx).files;
  const written = new Map<string, FileEdit>();
  for (const file of files.filter(f => f.buildsGo && usesWholeContext(f))) {
    const contexts = contextsOf(ctx, file);
    if (!contexts) return undefined;
    for (const context of contexts) {
      const ignore = dockerignoreFor(ctx.docker, file, context);
      if (ignore && dockerignoreExcludes(ignore, '.git/HEAD').excluded)
        continue;
      const path =
        ignore?.path ??
        (context ? `${context}/.dockerignore` : '.dockerignore');
      if (written.has(path)) continue;
      if (ignore) {
        const source = ctx.snapshot.file(path);
        // An unreadable ignore file cannot be completed without losing what it says.
        if (ignore.error || source?.kind !== 'text') return undefined;
        written.set(path, {
          path,
          before: source.text,
          after: appendLines(source.text, ['.git']),
        });
      } else {
        const outputs = BUILD_OUTPUTS.filter(
          entry => !entryIsUsed(ctx, context, entry, files),
        );
        written.set(path, {
          path,
          after: [
            '.git',
            ...(outputs.length ? ['# build outputs', ...outputs] : []),
            '',
          ].join('\n'),
        });
      }
    }
  }
  const edits = [...written.values()];
  if (!edits.length) return undefined;
  return {
    title: 'Keep .git out of the Docker build context',
    description: [
      'Excludes `.git` from the build context of the Go images, so a commit that changes nothing the image uses no longer invalidates the `COPY . .` layer and everything after it (and the context upload gets smaller):',
      '',
      ...edits.map(edit =>
        edit.before === undefined
          ? `- creates \`${edit.path}\` with \`.git\` and build outputs the build does not copy`
          : `- adds \`.git\` to \`${edit.path}\``,
      ),
    ].join('\n'),
    edits,
  };
}
