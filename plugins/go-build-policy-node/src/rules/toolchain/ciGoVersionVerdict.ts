/**
 * What toolchain-ci-version decides per job and combination: the Go version go.mod needs,
 * the module a job builds, and a verdict on the version CI asks for. Shared by the rule
 * and its fix.
 */
import { FindingLocation } from '@go-build-policy/plugin-go-build-policy-common';
import { at } from '../../engine/Rule';
import { RuleContext } from '../../engine/RuleContext';
import {
  compareGoVersions,
  GoModule,
  GoVersion,
  parseGoVersion,
  parseGoVersionSpec,
  specSatisfies,
} from '../../model/go';
import { Job } from '../../model/workflows';
import { describeJob, location } from '../ci/ciSupport';
import { JobGoVersion } from '../ci/goVersionOfJob';

export interface Requirement {
  version: GoVersion;
  text: string;
  location: FindingLocation;
}

/** The newest of go.mod's `go` and `toolchain` lines: what the build needs without a download. */
export function requirementOf(
  module: GoModule | undefined,
): Requirement | undefined {
  if (!module) return undefined;
  const candidates = [module.file.go, module.file.toolchain].flatMap(d => {
    const version = d && parseGoVersion(d.value);
    return version && d
      ? [{ version, text: d.value, location: at(module.goModPath, d.line) }]
      : [];
  });
  return candidates.sort((a, b) => compareGoVersions(b.version, a.version))[0];
}

export function moduleOfJob(ctx: RuleContext, job: Job): GoModule | undefined {
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

export type Verdict =
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

export function judge(
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
      if (version.writtenAs) {
        const read = version.value.text.trim();
        return {
          kind: 'fail',
          what: `${name} writes ${version.writtenAs.where} unquoted: YAML reads it as the number ${read}, so setup-go is asked for Go \`${read}\`, not ${version.writtenAs.text}; quote the value (\`'${version.writtenAs.text}'\`)`,
          location: location(version.step.span),
        };
      }
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
