import { RuleContext } from '../../../engine/RuleContext';
import { FileEdit, FixProposal } from '../../../fixes/types';
import { setStepInput } from '../../../fixes/workflowText';
import { DockerfileModel, RunInstruction } from '../../../model/docker';
import { referencedNames } from '../../../model/docker/substitute';
import { DockerBuildUse } from '../../../model/workflows';
import { dockerInputs } from '../dockerRuleSupport';
import { dockerfileCredentials } from '../dockerfileCredentials';
import { applyLineEdits, escapeOf, lineAt, LineEdit } from './dockerfileText';

const SECRET_EXPRESSION = /\$\{\{\s*secrets\./;

/** The BuildKit secret id for a build argument (`GITHUB_TOKEN` → `github_token`). */
export function secretIdOf(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9_-]/g, '_');
}

const reference = (name: string) =>
  new RegExp(`\\$\\{${name}\\}|\\$${name}(?![A-Za-z0-9_])`, 'g');

/** A RUN that uses the credential for the Go work it does itself (config and download together). */
function usesCredentialInPlace(run: RunInstruction): boolean {
  return run.goCommands.length > 0 && run.heredocs.length === 0;
}

/**
 * The Dockerfile edits that turn token ARGs into secret mounts of the one RUN using each;
 * undefined when a credential is used in a way this cannot rewrite safely (ENV, a default
 * value, several RUNs, a RUN that does not do the Go work itself).
 */
function dockerfileEdit(
  ctx: RuleContext,
  file: DockerfileModel,
): { edit?: FileEdit; ids: string[] } | undefined {
  const { leaks } = dockerfileCredentials(file);
  if (!leaks.length) return { ids: [] };
  const source = ctx.snapshot.file(file.path);
  if (source?.kind !== 'text') return undefined;
  const runs = file.stages.flatMap(s => s.runs);
  const declarations = file.stages.flatMap(s => s.variables);
  let text = source.text;
  const structural: LineEdit[] = [];
  const ids: string[] = [];
  for (const leak of leaks) {
    const declaration = declarations.find(
      d =>
        d.name === leak.name && d.lines.startLine === leak.location.startLine,
    );
    if (!declaration || declaration.kind !== 'ARG' || declaration.rawValue)
      return undefined;
    const line = lineAt(text, declaration.lines.startLine) ?? '';
    // `ARG TOKEN` alone on its line: other declarations there would go with it.
    if (
      declaration.lines.startLine !== declaration.lines.endLine ||
      !new RegExp(`^\\s*arg\\s+${leak.name}\\s*$`, 'i').test(line)
    )
      return undefined;
    const users = runs.filter(r => referencedNames(r.command).has(leak.name));
    if (users.length > 1) return undefined;
    structural.push({
      kind: 'replace',
      startLine: declaration.lines.startLine,
      endLine: declaration.lines.endLine,
      lines: [],
    });
    const run = users[0];
    if (!run) continue;
    if (!usesCredentialInPlace(run)) return undefined;
    const id = secretIdOf(leak.name);
    ids.push(id);
    const { startLine, endLine } = run.lines;
    const rewritten: string[] = [];
    for (let n = startLine; n <= endLine; n++) {
      rewritten.push(
        (lineAt(text, n) ?? '').replace(
          reference(leak.name),
          `$(cat /run/secrets/${id})`,
        ),
      );
    }
    text = applyLineEdits(text, [
      { kind: 'replace', startLine, endLine, lines: rewritten },
    ]);
    structural.push({
      kind: 'add-flags',
      line: startLine,
      flags: [`--mount=type=secret,id=${id}`],
    });
  }
  const after = applyLineEdits(text, structural, escapeOf(file));
  return {
    edit: { path: file.path, before: source.text, after },
    ids,
  };
}

/** `NAME=value` of a build-args line. */
function assignment(line: string): { name: string; value: string } | undefined {
  const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=(.*)$/.exec(line);
  return match ? { name: match[1], value: match[2].trim() } : undefined;
}

/** Moves `secrets.*` build-args of a docker/build-push-action step to its `secrets` input. */
function workflowText(text: string, build: DockerBuildUse): string | undefined {
  const input = (name: string) => build.step.with.find(w => w.name === name);
  const buildArgs = input('build-args');
  if (!buildArgs || build.step.uses?.kind !== 'action') return undefined;
  const kept: string[] = [];
  const moved: string[] = [];
  for (const line of buildArgs.value.split('\n')) {
    if (!SECRET_EXPRESSION.test(line)) {
      if (line.trim()) kept.push(line.trim());
      continue;
    }
    const parsed = assignment(line);
    if (!parsed) return undefined;
    moved.push(`${secretIdOf(parsed.name)}=${parsed.value}`);
  }
  if (!moved.length) return text;
  const existing =
    input('secrets')
      ?.value.split('\n')
      .map(l => l.trim())
      .filter(Boolean) ?? [];
  const stepLine = build.step.span.startLine;
  const withArgs = setStepInput(
    text,
    stepLine,
    'build-args',
    kept.length ? `${kept.join('\n')}\n` : undefined,
  );
  if (withArgs === undefined) return undefined;
  return setStepInput(
    withArgs,
    stepLine,
    'secrets',
    `${[...existing, ...moved].join('\n')}\n`,
  );
}

function workflowEdits(ctx: RuleContext): FileEdit[] | undefined {
  let jobs;
  try {
    jobs = ctx.workflows.jobs;
  } catch {
    return undefined;
  }
  const texts = new Map<string, { before: string; after: string }>();
  for (const job of jobs) {
    // A secret passed with `docker build --build-arg` in a script is not rewritten.
    if (
      job.steps.some(step =>
        step.runLines.some(
          l => /--build-arg/.test(l.text) && SECRET_EXPRESSION.test(l.text),
        ),
      )
    )
      return undefined;
    for (const build of job.dockerBuilds) {
      if (!build.buildArgs.some(a => SECRET_EXPRESSION.test(a.text))) continue;
      const path = build.step.span.path;
      const current = texts.get(path);
      const source = ctx.snapshot.file(path);
      if (!current && source?.kind !== 'text') return undefined;
      const before = current?.before ?? (source as { text: string }).text;
      const after = workflowText(current?.after ?? before, build);
      if (after === undefined) return undefined;
      texts.set(path, { before, after });
    }
  }
  return [...texts]
    .filter(([, t]) => t.before !== t.after)
    .map(([path, t]) => ({ path, before: t.before, after: t.after }));
}

/** Turns credential build arguments into BuildKit secrets, in the Dockerfiles and the workflows. */
export function proposeSecretMounts(ctx: RuleContext): FixProposal | undefined {
  const edits: FileEdit[] = [];
  const ids = new Set<string>();
  for (const file of dockerInputs(ctx).files) {
    const result = dockerfileEdit(ctx, file);
    if (!result) return undefined;
    if (result.edit) edits.push(result.edit);
    result.ids.forEach(id => ids.add(id));
  }
  const workflows = workflowEdits(ctx);
  if (!workflows) return undefined;
  edits.push(...workflows);
  if (!edits.length) return undefined;
  const idList = [...ids].map(id => `\`${id}\``).join(', ');
  return {
    title: 'Pass build credentials as BuildKit secrets',
    description: [
      `Build arguments and ENV values are written into the image history and configuration, where anyone who can pull the image reads them. This removes the credential \`ARG\`s and mounts the credential as a BuildKit secret only in the RUN that needs it, reading it from \`/run/secrets/<id>\`${
        workflows.length
          ? '; workflows pass it with `secrets:` instead of `build-args:`.'
          : '.'
      }`,
      '',
      ...(idList
        ? [
            `Builds must now provide the secret${
              ids.size > 1 ? 's' : ''
            } ${idList}: \`docker build --secret id=<id>,env=<VARIABLE> …\`, or \`secrets:\` in docker/build-push-action. A git config written by that RUN stays in its layer: keep it in a build stage that is not shipped.`,
          ]
        : []),
      '',
      ...edits.map(e => `- \`${e.path}\``),
    ].join('\n'),
    edits,
  };
}
