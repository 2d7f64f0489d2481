/*
 * The common start of private-goprivate and private-ci-auth: the private requirements that
 * are downloaded and the environments that download them, or the outcome (not applicable,
 * error) that says why there is nothing to judge.
 */
import { outcome, RuleOutcome } from '../../engine/Rule';
import { RuleContext } from '../../engine/RuleContext';
import { DownloadEnvironment, downloadEnvironments } from './environments';
import {
  distinctPaths,
  findPrivateRequirements,
  PrivateRequirement,
  PrivateRequirementScan,
} from './privateRequirements';
import { code, listOf } from './remediation';

export type PrivateScope =
  | { kind: 'decided'; outcome: RuleOutcome }
  | {
      kind: 'scope';
      scan: PrivateRequirementScan;
      /** Private requirements that builds download (not vendored), one per module path. */
      requirements: PrivateRequirement[];
      environments: DownloadEnvironment[];
      /** go.mod files that could not be read, as notes. */
      notes: string[];
    };

/** Shared by private-goprivate and private-ci-auth: computed once per scan. */
export function privateScope(ctx: RuleContext): PrivateScope {
  return ctx.shared(findPrivateScope);
}

function findPrivateScope(ctx: RuleContext): PrivateScope {
  const scan = findPrivateRequirements(ctx);
  const notes = scan.unreadable.map(
    u => `${u.path} could not be read: ${u.reason}`,
  );
  const decided = (o: RuleOutcome): PrivateScope => ({
    kind: 'decided',
    outcome: o,
  });
  if (!scan.patterns.length) {
    return decided(
      outcome.notApplicable(
        'No private module patterns are configured (`privateModules` in app-config, or `--private-modules`), so no requirement counts as private.',
      ),
    );
  }
  if (!scan.requirements.length) {
    if (scan.unreadable.length) {
      return decided(
        outcome.error(
          `Could not tell whether go.mod requires private modules: ${notes.join(
            '; ',
          )}.`,
          {
            locations: scan.unreadable.map(u => ({
              path: u.path,
              startLine: 1,
              endLine: 1,
            })),
          },
        ),
      );
    }
    return decided(
      outcome.notApplicable(
        `No go.mod requires a module matching ${listOf(
          scan.patterns.map(code),
        )}.`,
      ),
    );
  }
  const downloaded = scan.requirements.filter(r => !r.vendored);
  if (!downloaded.length) {
    return decided(
      outcome.notApplicable(
        `The private requirements (${listOf(
          distinctPaths(scan.requirements).map(code),
        )}) are vendored: builds read vendor/ and download nothing.`,
      ),
    );
  }
  const environments = downloadEnvironments(ctx);
  if (!environments.length) {
    return decided(
      outcome.notApplicable(
        'No Go job and no Dockerfile stage downloads modules, so private modules are never fetched here.',
      ),
    );
  }
  for (const job of ctx.workflows.jobs) {
    if (job.usesWorkflow && !job.usesWorkflow.visible) {
      notes.push(
        `Job \`${job.id}\` in ${job.path} calls ${code(
          job.usesWorkflow.ref.raw,
        )}, which the scan cannot see: its settings are not judged.`,
      );
    }
  }
  const requirements = downloaded.filter(
    (r, i) => downloaded.findIndex(o => o.path === r.path) === i,
  );
  return { kind: 'scope', scan, requirements, environments, notes };
}
