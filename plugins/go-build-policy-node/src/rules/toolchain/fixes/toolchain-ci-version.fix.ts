/**
 * `toolchain-ci-version`: setup-go steps that ask for a floating or too old Go (or for
 * none, or read a version file that disagrees) read the version from the module's go.mod
 * instead: `go-version-file: <module>/go.mod`, which can never fall behind. Where setup-go
 * cannot see go.mod (no checkout before it, a checkout into a sub-folder, setup-go
 * before v4) the version is pinned to what go.mod needs. A version chosen by a matrix, a
 * job container or the runner image is not changed: those need a human decision.
 */
import { RuleContext } from '../../../engine/RuleContext';
import { setStepInput } from '../../../fixes/workflowText';
import { FixProposal, ProposeFix } from '../../../fixes/types';
import { formatGoVersion } from '../../../model/go';
import { Job, Step } from '../../../model/workflows';
import { describeJob } from '../../ci/ciSupport';
import { goVersionOfJob } from '../../ci/goVersionOfJob';
import { FileChanges } from '../../ci/fixes/setupGoText';
import { judge, moduleOfJob, requirementOf } from '../ciGoVersionVerdict';

/** The setup-go step to rewrite, when every failing combination comes from it. */
function failingStep(ctx: RuleContext, job: Job): Step | 'none' | undefined {
  const required = requirementOf(moduleOfJob(ctx, job));
  let step: Step | undefined;
  for (let i = 0; i < job.combinations.length; i++) {
    const version = goVersionOfJob(job, i);
    const verdict = judge(ctx, job, version, required);
    if (verdict.kind !== 'fail' && verdict.kind !== 'weak') continue;
    if (version.source === 'container' || !version.step) return undefined;
    step = version.step;
  }
  if (!step) return 'none';
  // `go-version: ${{ matrix.go }}`: the matrix chooses, and it is not ours to rewrite.
  const written = step.with.find(i => i.name === 'go-version')?.value ?? '';
  return written.includes('${{') ? undefined : step;
}

function canReadGoMod(job: Job, step: Step): boolean {
  const uses = step.uses?.kind === 'action' ? step.uses : undefined;
  const checkout = job.checkout.stepIndex;
  return (
    checkout !== undefined &&
    checkout < step.index &&
    !job.checkout.path &&
    (uses?.major ?? 0) >= 4
  );
}

/** A key that names the old version literally would go stale (ci-key-go-version). */
function keyNamesVersion(job: Job, step: Step): boolean {
  const old = step.with.find(i => i.name === 'go-version')?.value.trim();
  return (
    !!old &&
    job.caches.some(
      c => c.kind === 'actions-cache' && c.keys.some(k => k.text.includes(old)),
    )
  );
}

function planJob(
  ctx: RuleContext,
  job: Job,
  step: Step,
  changes: FileChanges,
): string | undefined {
  const module = moduleOfJob(ctx, job);
  const required = requirementOf(module);
  if (!module || keyNamesVersion(job, step)) return undefined;
  const { path, startLine: line } = step.span;
  const had = step.with.find(
    i => i.name === 'go-version' || i.name === 'go-version-file',
  );
  // The spelling in the file (`1.20`), not the number Actions reads (`1.2`).
  const before = had
    ? `\`${had.name}: ${(had.writtenAs ?? had.value).trim()}\``
    : 'no version';
  if (canReadGoMod(job, step) && required) {
    changes.add(path, line, text =>
      setStepInput(text, line, 'go-version', undefined),
    );
    changes.add(path, line, text =>
      setStepInput(text, line, 'go-version-file', module.goModPath),
    );
    return `${describeJob(job)}: ${before} becomes \`go-version-file: ${
      module.goModPath
    }\` (${path} line ${line}).`;
  }
  if (!required) return undefined;
  const pinned = formatGoVersion(required.version);
  changes.add(path, line, text =>
    setStepInput(text, line, 'go-version-file', undefined),
  );
  changes.add(path, line, text =>
    setStepInput(text, line, 'go-version', pinned),
  );
  return `${describeJob(
    job,
  )}: ${before} becomes \`go-version: '${pinned}'\`, the version ${
    required.location.path
  } needs (${path} line ${line}); setup-go cannot read go.mod there.`;
}

export const fixToolchainCiVersion: ProposeFix = (
  ctx: RuleContext,
): FixProposal | undefined => {
  const changes = new FileChanges();
  const lines: string[] = [];
  const seen = new Set<string>();
  for (const job of ctx.workflows.goJobs) {
    const step = failingStep(ctx, job);
    if (step === undefined) return undefined;
    if (step === 'none') continue;
    // A step of a local action or reusable workflow is shared by its callers: edit it once.
    const id = `${step.span.path}:${step.span.startLine}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const line = planJob(ctx, job, step, changes);
    if (!line || changes.full) return undefined;
    lines.push(`- ${line}`);
  }
  const edits = changes.edits(ctx);
  if (!edits) return undefined;
  return {
    title: 'Take the CI Go version from go.mod',
    description: [
      "CI asked for a Go version that floats to new releases without notice, or is older than go.mod needs (every run then downloads a toolchain; setup-go v6 fails the build). setup-go now reads the version from the module's go.mod, so CI always builds with what the module declares:",
      '',
      ...lines,
    ].join('\n'),
    edits,
  };
};
