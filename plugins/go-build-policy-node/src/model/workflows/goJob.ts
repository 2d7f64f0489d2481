import {
  buildsOrTests,
  goCommands,
  GO_JOB_SUBCOMMANDS,
  makeInvocations,
} from './scripts';
import { GoEvidence, Job, MakefileModel, SourceSpan, Step } from './types';
import { isAction } from './uses';

/** Actions that run the Go toolchain, and whether they build or test the code. */
const GO_ACTIONS: Record<string, boolean> = {
  'golangci/golangci-lint-action': false,
  'goreleaser/goreleaser-action': true,
  'golang/govulncheck-action': false,
};

export interface GoJobFacts {
  /** The repository has a go.mod somewhere (a bare `make` then counts when the Makefile is unreadable). */
  hasGoMod: boolean;
  makefile?: MakefileModel;
}

function lineSpan(step: Step, line: number): SourceSpan {
  return { path: step.span.path, startLine: line, endLine: line };
}

/** Evidence from `make …` lines: a root Makefile target whose recipe closure runs go. */
function makeEvidence(step: Step, facts: GoJobFacts): GoEvidence[] {
  const found: GoEvidence[] = [];
  for (const line of step.runLines) {
    for (const call of makeInvocations(line)) {
      const readable =
        facts.makefile && !facts.makefile.issue && !call.otherMakefile;
      if (!readable) {
        if (facts.hasGoMod) {
          found.push({
            reason: `runs \`${line.text.trim()}\` (the Makefile it uses cannot be read, and the repository has go.mod)`,
            span: lineSpan(step, line.line),
            buildsOrTests: true,
          });
        }
        continue;
      }
      const targets = call.targets.length ? call.targets : [undefined];
      for (const target of targets) {
        const commands = facts
          .makefile!.recipeClosure(target)
          .flatMap(goCommands);
        if (!commands.length) continue;
        const name = target ?? facts.makefile!.defaultTarget ?? 'default';
        found.push({
          reason: `runs \`make ${name}\`, whose recipe runs \`go ${
            commands[0].subcommand
          }\` (${facts.makefile!.path} line ${commands[0].line})`,
          span: lineSpan(step, line.line),
          buildsOrTests: commands.some(buildsOrTests),
        });
      }
    }
  }
  return found;
}

function stepEvidence(step: Step, facts: GoJobFacts): GoEvidence[] {
  const found: GoEvidence[] = [];
  if (step.uses?.kind === 'action') {
    const key = step.uses.subPath
      ? `${step.uses.repo}/${step.uses.subPath}`
      : step.uses.repo;
    if (key in GO_ACTIONS) {
      found.push({
        reason: `uses ${key}`,
        span: step.span,
        buildsOrTests: GO_ACTIONS[key],
        action: key,
      });
    }
  }
  for (const line of step.runLines) {
    for (const command of goCommands(line)) {
      if (!GO_JOB_SUBCOMMANDS.has(command.subcommand)) continue;
      found.push({
        reason: `runs \`go ${command.subcommand}\``,
        span: lineSpan(step, line.line),
        buildsOrTests: buildsOrTests(command),
      });
    }
    if (/(?:^|[\s;&|])goreleaser\s+(release|build)\b/.test(line.text)) {
      found.push({
        reason: 'runs goreleaser',
        span: lineSpan(step, line.line),
        buildsOrTests: true,
      });
    }
  }
  return [...found, ...makeEvidence(step, facts)];
}

/** Every use of the Go toolchain in the job, in step order. */
export function goUsesOf(job: Job, facts: GoJobFacts): GoEvidence[] {
  return job.steps.flatMap(step => stepEvidence(step, facts));
}

/** Why the job is a Go job (the first evidence, preferring one that builds or tests). */
export function goEvidenceOf(all: GoEvidence[]): GoEvidence | undefined {
  if (!all.length) return undefined;
  const building = all.find(e => e.buildsOrTests);
  return building ?? all[0];
}

/** CodeQL jobs build to analyse, not to ship: POLICY.md leaves them out of Go jobs. */
export function isCodeQlJob(job: Job): boolean {
  return job.steps.some(
    s => s.uses?.kind === 'action' && s.uses.repo === 'github/codeql-action',
  );
}

export function checkoutOf(job: Job): Job['checkout'] {
  const step = job.steps.find(s => isAction(s.uses, 'actions/checkout'));
  if (!step) return {};
  const path = step.with.find(i => i.name === 'path')?.value;
  return { stepIndex: step.index, path: path || undefined, span: step.span };
}
