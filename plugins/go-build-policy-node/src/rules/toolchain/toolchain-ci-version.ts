import { FindingLocation } from '@go-build-policy/plugin-go-build-policy-common';
import { outcome, PolicyRule, RuleOutcome } from '../../engine/Rule';
import { RuleContext } from '../../engine/RuleContext';
import { formatGoVersion } from '../../model/go';
import { visibilityNotes } from '../ci/ciSupport';
import { goVersionOfJob } from '../ci/goVersionOfJob';
import {
  judge,
  moduleOfJob,
  Requirement,
  requirementOf,
  Verdict,
} from './ciGoVersionVerdict';
import { fixToolchainCiVersion } from './fixes/toolchain-ci-version.fix';

function evaluate(ctx: RuleContext): RuleOutcome {
  const model = ctx.workflows;
  const notes = visibilityNotes(model);
  if (!model.goJobs.length)
    return outcome.notApplicable('No workflow job runs the Go toolchain.', {
      notes,
    });
  const verdicts: Verdict[] = [];
  let required: Requirement | undefined;
  for (const job of model.goJobs) {
    const requirement = requirementOf(moduleOfJob(ctx, job));
    required ??= requirement;
    const seen = new Set<string>();
    job.combinations.forEach((_, i) => {
      const verdict = judge(ctx, job, goVersionOfJob(job, i), requirement);
      if (seen.has(verdict.what)) return;
      seen.add(verdict.what);
      verdicts.push(verdict);
    });
  }
  for (const v of verdicts) if (v.kind === 'unknown') notes.push(`${v.what}.`);
  const failing = verdicts.filter(v => v.kind === 'fail') as Array<
    Extract<Verdict, { location: FindingLocation }>
  >;
  const weak = verdicts.filter(v => v.kind === 'weak') as Array<
    Extract<Verdict, { location: FindingLocation }>
  >;
  const ok = verdicts.filter(v => v.kind === 'ok') as Array<
    Extract<Verdict, { location: FindingLocation }>
  >;
  const fix = [
    'Let CI read the version from the module, so it always equals what go.mod asks for:',
    '',
    '```yaml',
    '- uses: actions/setup-go@v5',
    '  with:',
    '    go-version-file: go.mod',
    '```',
    '',
    required
      ? `Or pin at least the minor, not older than go.mod's \`${
          required.text
        }\` (for example \`go-version: '${formatGoVersion({
          major: required.version.major,
          minor: required.version.minor,
        })}'\`).`
      : 'Or pin at least the minor (`1.23`, `1.23.4`).',
  ].join('\n');
  if (failing.length) {
    return outcome.fail(`${failing.map(v => v.what).join('; ')}.`, {
      locations: failing.map(v => v.location),
      remediation: fix,
      notes,
    });
  }
  if (weak.length) {
    return outcome.warn(`${weak.map(v => v.what).join('; ')}.`, {
      locations: weak.map(v => v.location),
      remediation: fix,
      notes,
    });
  }
  return outcome.pass(
    `CI's Go version is pinned or read from the module: ${
      ok.map(v => v.what).join('; ') || 'no job could be fully evaluated'
    }.`,
    {
      locations: ok.map(v => v.location),
      notes,
    },
  );
}

/** POLICY.md `toolchain-ci-version`: CI's Go version comes from the module or is pinned, and not older. */
export const toolchainCiVersionRule: PolicyRule = {
  id: 'toolchain-ci-version',
  evaluate,
  fix: fixToolchainCiVersion,
};
