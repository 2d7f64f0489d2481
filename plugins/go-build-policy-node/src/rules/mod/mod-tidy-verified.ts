import { FindingLocation } from '@go-build-policy/plugin-go-build-policy-common';
import { at, outcome, PolicyRule, RuleOutcome } from '../../engine/Rule';
import { RuleContext } from '../../engine/RuleContext';
import { Job, ScriptLine } from '../../model/workflows';
import { logicalScriptLines } from '../../model/workflows/publishing';
import { goCommands, makeInvocations } from '../../model/workflows/scripts';

interface Check {
  what: string;
  location: FindingLocation;
}

const DIFF_CHECK =
  /(?:^|[\s;&|(])git\s+(?:diff\b[^;&|]*--(?:exit-code|quiet)\b|status\s+--porcelain\b)/;

/** The lines a job runs, with the Makefile recipes of the targets it calls, in order. */
function jobLines(
  ctx: RuleContext,
  job: Job,
): Array<ScriptLine & { path: string }> {
  const makefile = ctx.workflows.makefile;
  const lines: Array<ScriptLine & { path: string }> = [];
  for (const step of job.steps) {
    for (const line of logicalScriptLines(step.runLines)) {
      lines.push({ ...line, path: step.span.path });
      if (!makefile || makefile.issue) continue;
      for (const call of makeInvocations(line)) {
        if (call.otherMakefile) continue;
        for (const target of call.targets.length ? call.targets : [undefined]) {
          lines.push(
            ...makefile
              .recipeClosure(target)
              .map(r => ({ ...r, path: makefile.path })),
          );
        }
      }
    }
  }
  return lines;
}

function checkInLines(
  lines: Array<ScriptLine & { path: string }>,
  where: string,
): Check | string | undefined {
  let tidy: (ScriptLine & { path: string }) | undefined;
  for (const line of lines) {
    for (const command of goCommands(line)) {
      if (command.subcommand !== 'mod') continue;
      const [sub, ...args] = command.args;
      if (sub === 'verify')
        return {
          what: `\`go mod verify\` in ${where}`,
          location: at(line.path, line.line),
        };
      if (sub === 'tidy' && args.some(a => a === '-diff' || a === '--diff')) {
        return {
          what: `\`go mod tidy -diff\` in ${where}`,
          location: at(line.path, line.line),
        };
      }
      if (sub === 'tidy') tidy ??= line;
    }
    if (tidy && DIFF_CHECK.test(line.text)) {
      return {
        what: `\`go mod tidy\` followed by \`${line.text.trim()}\` in ${where}`,
        location: at(
          tidy.path,
          tidy.line,
          tidy.path === line.path ? line.line : tidy.line,
        ),
      };
    }
  }
  return tidy
    ? `${where} runs \`go mod tidy\` (${tidy.path} line ${tidy.line}) but never checks that it changed nothing`
    : undefined;
}

function dockerCheck(
  ctx: RuleContext,
  dockerfilePath: string,
): Check | undefined {
  const dockerfile = ctx.docker.dockerfiles.find(
    d => d.path === dockerfilePath,
  );
  for (const stage of dockerfile?.stages ?? []) {
    for (const run of stage.runs) {
      const found = run.goCommands.find(
        c =>
          c.subcommand === 'mod verify' ||
          (c.subcommand === 'mod' && c.args[0] === 'verify') ||
          ((c.subcommand === 'mod tidy' ||
            (c.subcommand === 'mod' && c.args[0] === 'tidy')) &&
            c.args.includes('-diff')),
      );
      if (found)
        return {
          what: `\`go ${found.subcommand}${
            found.args.length ? ` ${found.args.join(' ')}` : ''
          }\` in ${dockerfilePath}, which CI builds`,
          location: at(dockerfilePath, run.lines.startLine, run.lines.endLine),
        };
    }
  }
  return undefined;
}

function evaluate(ctx: RuleContext): RuleOutcome {
  const model = ctx.workflows;
  const notes = model.issues.map(
    i => `${i.path} line ${i.line} could not be evaluated: ${i.message}.`,
  );
  if (!model.goJobs.length) {
    if (model.issues.some(i => i.path.startsWith('.github/'))) {
      return outcome.error(
        'No Go job could be found, and some workflows could not be evaluated.',
        { locations: model.issues.map(i => at(i.path, i.line)), notes },
      );
    }
    return outcome.notApplicable('No workflow job runs the Go toolchain.');
  }
  for (const job of model.jobs) {
    const where = `job \`${job.id}\` of ${job.path}`;
    const found = checkInLines(jobLines(ctx, job), where);
    if (typeof found === 'object')
      return outcome.pass(
        `CI checks that go.mod and go.sum are complete: ${found.what}.`,
        { locations: [found.location], notes },
      );
    if (typeof found === 'string') notes.push(`${found}.`);
    for (const build of job.dockerBuilds) {
      const docker = build.dockerfile && dockerCheck(ctx, build.dockerfile);
      if (docker)
        return outcome.pass(
          `CI checks that go.mod and go.sum are complete: ${docker.what}.`,
          { locations: [docker.location], notes },
        );
    }
  }
  const job = model.goJobs[0];
  const dir = job.defaultsWorkingDirectory;
  return outcome.fail(
    `No CI job checks that go.mod and go.sum are tidy and complete (Go jobs: ${model.goJobs
      .map(j => `\`${j.id}\` of ${j.path}`)
      .join('; ')}).`,
    {
      locations: [at(job.span.path, job.span.startLine, job.span.startLine)],
      remediation: [
        `Add a step to job \`${job.id}\` of ${job.path} that fails when go.mod or go.sum are incomplete (Go 1.23+ has \`go mod tidy -diff\`):`,
        '',
        '```yaml',
        '- name: Check go.mod and go.sum',
        ...(dir ? [`  working-directory: ${dir}`] : []),
        '  run: |',
        '    go mod verify',
        '    go mod tidy -diff',
        '```',
        '',
        'With older Go: `go mod tidy && git diff --exit-code -- go.mod go.sum`.',
      ].join('\n'),
      notes,
    },
  );
}

/** POLICY.md `mod-tidy-verified`: CI checks go.mod/go.sum are complete. */
export const modTidyVerifiedRule: PolicyRule = {
  id: 'mod-tidy-verified',
  evaluate,
};
