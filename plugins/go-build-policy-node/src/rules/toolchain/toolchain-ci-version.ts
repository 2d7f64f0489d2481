import { FindingLocation } from '@go-build-policy/plugin-go-build-policy-common';
import { at, outcome, PolicyRule, RuleOutcome } from '../../engine/Rule';
import { RuleContext } from '../../engine/RuleContext';
import {
  compareGoVersions,
  formatGoVersion,
  GoModule,
  GoVersion,
  parseGoVersion,
  parseGoVersionSpec,
  specSatisfies,
} from '../../model/go';
import { Job } from '../../model/workflows';
import { describeJob, location, visibilityNotes } from '../ci/ciSupport';
import { goVersionOfJob, JobGoVersion } from '../ci/goVersionOfJob';

interface Requirement {
  version: GoVersion;
  text: string;
  location: FindingLocation;
}

/** The newest of go.mod's `go` and `toolchain` lines: what the build needs without a download. */
function requirementOf(module: GoModule | undefined): Requirement | undefined {
  if (!module) return undefined;
  const candidates = [module.file.go, module.file.toolchain].flatMap(d => {
    const version = d && parseGoVersion(d.value);
    return version && d
      ? [{ version, text: d.value, location: at(module.goModPath, d.line) }]
      : [];
  });
  return candidates.sort((a, b) => compareGoVersions(b.version, a.version))[0];
}

function moduleOfJob(ctx: RuleContext, job: Job): GoModule | undefined {
  const dir =
    (job.goEvidence &&
      job.steps.find(
        s =>
          s.span.startLine <= job.goEvidence!.span.startLine &&
          job.goEvidence!.span.startLine <= s.span.endLine &&
          s.span.path === job.goEvidence!.span.path,
      )?.workingDirectory) ??
    job.defaultsWorkingDirectory;
  const clean = dir?.replace(/^\.\/?/, '').replace(/\/+$/, '') ?? '';
  return ctx.go.moduleForDir(clean) ?? ctx.go.rootModule ?? ctx.go.modules[0];
}

type Verdict =
  | { kind: 'ok'; what: string; location: FindingLocation }
  | { kind: 'fail' | 'weak'; what: string; location: FindingLocation }
  | { kind: 'unknown'; what: string };

function judgeSpec(
  raw: string,
  source: string,
  where: FindingLocation,
  required: Requirement | undefined,
): Verdict {
  const spec = parseGoVersionSpec(raw);
  if (spec.kind === 'floating')
    return {
      kind: 'fail',
      what: `${source} asks for \`${raw}\`, which floats to new Go releases without notice`,
      location: where,
    };
  if (spec.kind === 'unknown')
    return {
      kind: 'unknown',
      what: `${source} \`${raw}\` is not a version the scan can read`,
    };
  if (required && specSatisfies(spec, required.version) === false) {
    return {
      kind: 'fail',
      what: `${source} asks for Go \`${raw}\`, older than the \`${required.text}\` go.mod needs (${required.location.path} line ${required.location.startLine})`,
      location: where,
    };
  }
  return { kind: 'ok', what: `${source} pins Go \`${raw}\``, location: where };
}

function judge(
  ctx: RuleContext,
  job: Job,
  version: JobGoVersion,
  required: Requirement | undefined,
): Verdict {
  const name = describeJob(job);
  switch (version.source) {
    case 'go-version-file': {
      const where = location(version.step.span);
      const base = version.file.split('/').pop();
      if (base === 'go.mod' || base === 'go.work')
        return {
          kind: 'ok',
          what: `${name} reads the version from ${version.file}`,
          location: where,
        };
      const file = ctx.go.versionFiles.find(f => f.path === version.file);
      if (!file?.version)
        return {
          kind: 'fail',
          what: `${name} reads the version from ${version.file}, which ${
            file ? 'names no Go version' : 'is not in the repository'
          }`,
          location: where,
        };
      return judgeSpec(
        file.version,
        `${version.file} (read by ${name})`,
        at(file.path, file.line),
        required,
      );
    }
    case 'go-version':
      if (!version.value.isLiteral) {
        return {
          kind: 'unknown',
          what: `the go-version of ${name} is \`${version.value.text}\`, known only at run time`,
        };
      }
      return judgeSpec(
        version.value.text.trim(),
        `${name}`,
        location(version.step.span),
        required,
      );
    case 'container':
      if (!version.tag)
        return {
          kind: 'unknown',
          what: `${name} runs in \`${version.image}\`, whose Go version the scan cannot tell`,
        };
      return judgeSpec(
        version.tag.replace(/-.*$/, '') || version.tag,
        `${name} (container \`${version.image}\`)`,
        location(job.container!.span),
        required,
      );
    default:
      return {
        kind: 'weak',
        what: `${name} uses whatever Go the runner has installed${
          version.step
            ? ' (setup-go without go-version or go-version-file)'
            : ''
        }, which changes when the runner image does`,
        location: location(version.step?.span ?? job.span),
      };
  }
}

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
};
