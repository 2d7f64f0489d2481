import { FindingLocation } from '@go-build-policy/plugin-go-build-policy-common';
import { at, outcome, PolicyRule, RuleOutcome } from '../../engine/Rule';
import { RuleContext } from '../../engine/RuleContext';
import {
  makeInvocations,
  wipesModuleCache,
} from '../../model/workflows/scripts';
import { describeJob, visibilityNotes } from './ciSupport';

interface Wipe {
  where: string;
  text: string;
  location: FindingLocation;
}

function workflowWipes(ctx: RuleContext): Wipe[] {
  const wipes: Wipe[] = [];
  const makefile = ctx.workflows.makefile;
  for (const job of ctx.workflows.jobs.filter(j => j.triggers.routine)) {
    for (const step of job.steps) {
      for (const line of step.runLines) {
        if (wipesModuleCache(line)) {
          wipes.push({
            where: describeJob(job),
            text: line.text.trim(),
            location: at(step.span.path, line.line),
          });
        }
        if (!makefile || makefile.issue) continue;
        for (const call of makeInvocations(line)) {
          if (call.otherMakefile) continue;
          const targets = call.targets.length ? call.targets : [undefined];
          for (const target of targets) {
            for (const recipe of makefile
              .recipeClosure(target)
              .filter(wipesModuleCache)) {
              wipes.push({
                where: `\`make ${
                  target ?? makefile.defaultTarget ?? ''
                }\` in ${describeJob(job)}`.replace(' `', ' `'),
                text: recipe.text,
                location: at(makefile.path, recipe.line),
              });
            }
          }
        }
      }
    }
  }
  return wipes;
}

function dockerWipes(ctx: RuleContext): Wipe[] {
  const wipes: Wipe[] = [];
  for (const dockerfile of ctx.docker.dockerfiles) {
    for (const stage of dockerfile.stages) {
      for (const run of stage.runs) {
        const clean = run.goCommands.some(
          c => c.subcommand === 'clean' && c.args.includes('-modcache'),
        );
        const removes = run.command
          .split('\n')
          .some((text, i) =>
            wipesModuleCache({ text, line: run.lines.startLine + i }),
          );
        if (!clean && !removes) continue;
        wipes.push({
          where: `a RUN of ${dockerfile.path}${
            stage.name ? ` (stage ${stage.name})` : ''
          }`,
          text:
            run.command
              .split('\n')
              .find(t => /modcache|pkg\/mod|GOMODCACHE/.test(t))
              ?.trim() ?? run.command.trim(),
          location: at(dockerfile.path, run.lines.startLine, run.lines.endLine),
        });
      }
    }
  }
  return wipes;
}

function evaluate(ctx: RuleContext): RuleOutcome {
  const notes = visibilityNotes(ctx.workflows);
  for (const dockerfile of ctx.docker.dockerfiles) {
    if (dockerfile.error)
      notes.push(
        `${dockerfile.path} could not be evaluated: ${dockerfile.error}.`,
      );
  }
  const wipes = [...workflowWipes(ctx), ...dockerWipes(ctx)];
  if (!wipes.length) {
    return outcome.pass(
      'Nothing in push or pull-request workflows, the Makefile targets they run, or Dockerfiles deletes the module cache.',
      { notes },
    );
  }
  const unique = wipes.filter(
    (w, i) =>
      wipes.findIndex(
        o =>
          o.location.path === w.location.path &&
          o.location.startLine === w.location.startLine,
      ) === i,
  );
  return outcome.fail(
    `The module cache is deleted routinely: ${unique
      .map(w => `\`${w.text}\` (${w.where})`)
      .join('; ')}.`,
    {
      locations: unique.map(w => w.location),
      remediation: [
        'Remove the wipe. `go clean -modcache` throws away every downloaded module, so the next build downloads them all again (and a CI cache saved after it is empty).',
        '',
        'If the goal is a clean check, run it in a separate scheduled job that restores no cache; to save image space in a Dockerfile, download into a cache mount instead of a layer:',
        '',
        '```dockerfile',
        'RUN --mount=type=cache,target=/go/pkg/mod go mod download',
        '```',
      ].join('\n'),
      notes,
    },
  );
}

/** POLICY.md `ci-no-modcache-wipe`: nothing deletes the module cache routinely. */
export const ciNoModcacheWipeRule: PolicyRule = {
  id: 'ci-no-modcache-wipe',
  evaluate,
};
