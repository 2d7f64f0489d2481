import { outcome, PolicyRule, RuleOutcome, at } from '../../engine/Rule';
import { RuleContext } from '../../engine/RuleContext';
import {
  DockerfileModel,
  dockerignoreExcludes,
  dockerignoreFor,
  DockerignoreFile,
  DockerInstruction,
} from '../../model/docker';
import { bindsWholeContext } from './cacheMountCoverage';
import {
  brokenNotes,
  brokenOutcome,
  combineVerdicts,
  dockerInputs,
  locationOf,
  UnitVerdict,
} from './dockerRuleSupport';
import { proposeContextIgnore } from './fixes/docker-context-ignore.fix';

/** The first instruction that sends the whole context into a layer (COPY . . or a context bind). */
function fullContextUse(file: DockerfileModel): DockerInstruction | undefined {
  for (const stage of file.stages) {
    for (const instruction of stage.instructions) {
      if (
        (instruction.keyword === 'COPY' || instruction.keyword === 'ADD') &&
        'copiesWholeContext' in instruction &&
        instruction.copiesWholeContext
      ) {
        return instruction;
      }
      if (
        instruction.keyword === 'RUN' &&
        'mounts' in instruction &&
        bindsWholeContext(instruction)
      ) {
        return instruction;
      }
    }
  }
  return undefined;
}

function normalizeContext(context: string): string {
  const trimmed = context.replace(/^\.\/?/, '').replace(/\/+$/, '');
  return trimmed === '.' ? '' : trimmed;
}

function joinPath(directory: string, name: string): string {
  return directory ? `${directory}/${name}` : name;
}

/** Build contexts workflows give this Dockerfile; empty when none says. */
function workflowContexts(
  ctx: RuleContext,
  file: DockerfileModel,
): { contexts: string[]; problem?: string } {
  try {
    const contexts: string[] = [];
    for (const build of ctx.workflows.jobs.flatMap(job => job.dockerBuilds)) {
      if (build.context === undefined) continue;
      const context = normalizeContext(build.context);
      // Without `-f` / `file:` the build reads `<context>/Dockerfile`.
      const dockerfile = build.dockerfile ?? joinPath(context, 'Dockerfile');
      if (dockerfile === file.path) contexts.push(context);
    }
    return { contexts: [...new Set(contexts)] };
  } catch (e) {
    return {
      contexts: [],
      problem: `The workflows could not be read: ${
        e instanceof Error ? e.message : String(e)
      }`,
    };
  }
}

const ignorePathOf = (context: string) =>
  context ? `${context}/.dockerignore` : '.dockerignore';

function remediation(
  file: DockerfileModel,
  context: string,
  existing?: DockerignoreFile,
): string {
  const target = existing?.path ?? ignorePathOf(context);
  return [
    existing
      ? `Add \`.git\` to \`${target}\` (the ignore file used when \`${file.path}\` is built), with the build outputs, so commits and local builds do not invalidate the COPY layers:`
      : `Create \`${target}\` beside the build context of \`${file.path}\`, so commits and local builds do not invalidate the COPY layers:`,
    '',
    '```gitignore',
    '.git',
    '# build outputs',
    'bin/',
    'dist/',
    '```',
  ].join('\n');
}

function judgeContext(
  model: RuleContext['docker'],
  file: DockerfileModel,
  context: string,
  use: DockerInstruction,
): UnitVerdict {
  const ignore = dockerignoreFor(model, file, context);
  const useText = `\`${use.keyword} ${use.text}\` (line ${use.lines.startLine})`;
  const contextName = context ? `\`${context}/\`` : 'the repository root';
  if (!ignore) {
    return {
      status: 'fail',
      summary: `\`${file.path}\` sends the whole context with ${useText}, and its context ${contextName} has no .dockerignore.`,
      locations: [locationOf(file, use.lines)],
      remediation: remediation(file, context),
    };
  }
  if (ignore.error) {
    return {
      status: 'fail',
      summary: `\`${ignore.path}\` could not be read (${ignore.error}), so it cannot be shown to exclude .git.`,
      locations: [at(ignore.path, 1)],
      remediation: remediation(file, context, ignore),
    };
  }
  const decision = dockerignoreExcludes(ignore, '.git/HEAD');
  if (decision.excluded) {
    return {
      status: 'pass',
      summary: `\`${ignore.path}\` excludes .git from the context of \`${file.path}\` (\`${decision.pattern?.pattern}\`, line ${decision.pattern?.line}).`,
      locations: [at(ignore.path, decision.pattern?.line ?? 1)],
    };
  }
  const reincluded = decision.pattern?.negated
    ? ` (\`!${decision.pattern.pattern}\` on line ${decision.pattern.line} brings it back)`
    : '';
  return {
    status: 'fail',
    summary: `\`${ignore.path}\` does not exclude .git${reincluded}, and \`${file.path}\` copies the whole context with ${useText}.`,
    locations: [
      at(ignore.path, decision.pattern?.line ?? 1),
      locationOf(file, use.lines),
    ],
    remediation: remediation(file, context, ignore),
  };
}

function evaluate(ctx: RuleContext): RuleOutcome {
  const inputs = dockerInputs(ctx);
  const verdicts: UnitVerdict[] = [];
  const notes: string[] = [];
  for (const file of inputs.files.filter(f => f.buildsGo)) {
    const use = fullContextUse(file);
    if (!use) continue;
    const known = workflowContexts(ctx, file);
    if (known.problem) notes.push(known.problem);
    if (known.contexts.length) {
      verdicts.push(
        ...known.contexts.map(context =>
          judgeContext(ctx.docker, file, context, use),
        ),
      );
      continue;
    }
    // No workflow names the context: `docker build .` beside the Dockerfile, or at the root.
    const candidates = [...new Set([file.directory, ''])];
    const judged = candidates.map(context =>
      judgeContext(ctx.docker, file, context, use),
    );
    const passing = judged.find(v => v.status === 'pass');
    const withIgnore = judged.find((_, i) =>
      dockerignoreFor(ctx.docker, file, candidates[i]),
    );
    if (candidates.length > 1 && (passing || withIgnore)) {
      notes.push(
        `No workflow names the build context of \`${file.path}\`; it was judged with the nearest .dockerignore.`,
      );
    }
    verdicts.push(passing ?? withIgnore ?? judged[0]);
  }
  if (verdicts.length === 0) {
    if (inputs.files.length === 0 && inputs.broken.length)
      return brokenOutcome(inputs);
    return outcome.notApplicable(
      'No Go-building Dockerfile copies or bind-mounts the whole build context.',
      {
        notes: brokenNotes(inputs).length ? brokenNotes(inputs) : undefined,
      },
    );
  }
  return combineVerdicts(
    verdicts,
    {
      pass: 'Every Go-building Dockerfile that copies the whole context has a .dockerignore that excludes .git:',
      fail: 'Go-building Dockerfiles copy the whole context, .git included, so any commit invalidates their layers:',
      warn: 'Some Go-building Dockerfiles copy the whole context with .git included:',
    },
    [...notes, ...brokenNotes(inputs)],
  );
}

export const dockerContextIgnoreRule: PolicyRule = {
  id: 'docker-context-ignore',
  evaluate,
  fix: proposeContextIgnore,
};
