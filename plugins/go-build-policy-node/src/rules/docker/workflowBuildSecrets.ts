import { FindingLocation } from '@go-build-policy/plugin-go-build-policy-common';
import { at } from '../../engine/Rule';
import { RuleContext } from '../../engine/RuleContext';

/** A workflow line that passes secrets to a docker build, the wrong way or the right way. */
export interface WorkflowSecretUse {
  summary: string;
  location: FindingLocation;
  /** The text of the build argument (`GITHUB_TOKEN=${{ secrets.GH_PAT }}`). */
  text: string;
}

const SECRET_EXPRESSION = /\$\{\{\s*secrets\./;

/**
 * Docker builds in workflows that receive `secrets.*`: as `--build-arg`/`build-args` (it
 * stays in the image history) or as `--secret`/`secrets` (mounted only while a RUN runs).
 * Returns undefined for `leaks` and `safe` when the workflows could not be read.
 */
export function workflowBuildSecrets(ctx: RuleContext): {
  leaks: WorkflowSecretUse[];
  safe: WorkflowSecretUse[];
  problem?: string;
} {
  const leaks: WorkflowSecretUse[] = [];
  const safe: WorkflowSecretUse[] = [];
  const seen = new Set<string>();
  let jobs;
  try {
    jobs = ctx.workflows.jobs;
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return {
      leaks,
      safe,
      problem: `The workflows could not be read: ${reason}`,
    };
  }
  const record = (
    list: WorkflowSecretUse[],
    path: string,
    line: number,
    text: string,
    summary: string,
  ) => {
    const key = `${path}:${line}`;
    if (seen.has(key)) return;
    seen.add(key);
    list.push({ summary, location: at(path, line), text: text.trim() });
  };
  for (const job of jobs) {
    for (const build of job.dockerBuilds) {
      const path = build.span.path;
      for (const arg of build.buildArgs) {
        if (SECRET_EXPRESSION.test(arg.text)) {
          record(
            leaks,
            path,
            arg.line,
            arg.text,
            `\`${path}\` job \`${job.id}\` line ${
              arg.line
            } passes a secret as a build argument: \`${arg.text.trim()}\`.`,
          );
        }
      }
      for (const secret of build.secrets) {
        record(
          safe,
          path,
          secret.line,
          secret.text,
          `\`${path}\` job \`${job.id}\` line ${secret.line} passes a build secret.`,
        );
      }
    }
    // Scripts the docker-build detection did not classify still leak through --build-arg.
    for (const step of job.steps) {
      for (const line of step.runLines) {
        if (
          /--build-arg/.test(line.text) &&
          SECRET_EXPRESSION.test(line.text)
        ) {
          record(
            leaks,
            step.span.path,
            line.line,
            line.text,
            `\`${step.span.path}\` job \`${job.id}\` line ${line.line} passes a secret with \`--build-arg\`.`,
          );
        }
      }
    }
  }
  return { leaks, safe };
}
