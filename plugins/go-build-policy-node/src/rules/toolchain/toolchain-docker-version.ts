import { FindingLocation } from '@go-build-policy/plugin-go-build-policy-common';
import { outcome, PolicyRule, RuleOutcome } from '../../engine/Rule';
import { RuleContext } from '../../engine/RuleContext';
import {
  DockerfileModel,
  ImageReference,
  LineRange,
  parseImageReference,
} from '../../model/docker';
import { referencedNames } from '../../model/docker/substitute';
import {
  formatGoVersion,
  GoVersion,
  parseGoVersion,
  specSatisfies,
} from '../../model/go';
import {
  brokenNotes,
  brokenOutcome,
  combineVerdicts,
  dockerInputs,
  locationOf,
  stageChain,
  UnitVerdict,
} from '../docker/dockerRuleSupport';
import { fromLineOf } from '../docker/dockerSnippets';
import { golangImagePin } from '../docker/golangImageTag';
import { moduleOfDockerfile } from '../docker/goModuleOfDockerfile';
import { proposeDockerGoVersion } from './toolchain-docker-version.fix';

/** A golang image a Go build uses: a stage base, or a `COPY --from=golang:…` of the toolchain. */
interface GolangImageUse {
  file: DockerfileModel;
  image: ImageReference;
  /** The reference as written (`golang:${GO_VERSION}`). */
  written: string;
  lines: LineRange;
  /** The instruction rewritten with another image reference (for the remediation). */
  rewrite(reference: string): string;
}

function golangImagesOf(file: DockerfileModel): GolangImageUse[] {
  const building = file.stages.filter(stage => stage.buildsGo);
  const inChain = new Set(
    building.flatMap(stage => stageChain(file, stage).map(s => s.index)),
  );
  const uses: GolangImageUse[] = [];
  for (const stage of file.stages) {
    if (inChain.has(stage.index) && stage.image?.isGolang) {
      uses.push({
        file,
        image: stage.image,
        written: stage.baseText,
        lines: stage.fromLines,
        rewrite: reference => fromLineOf(stage, reference),
      });
    }
    if (!inChain.has(stage.index)) continue;
    for (const copy of stage.copies) {
      if (copy.from === undefined || copy.fromStage !== undefined) continue;
      const image = parseImageReference(copy.from);
      if (image.isGolang) {
        const rest = [...copy.sources, copy.destination].join(' ');
        const rewrite = (reference: string) =>
          `${copy.keyword} --from=${reference} ${rest}`;
        uses.push({
          file,
          image,
          written: copy.from,
          lines: copy.lines,
          rewrite,
        });
      }
    }
  }
  return uses;
}

/** Global ARG lines whose defaults feed the reference (`ARG GO_VERSION=1.21`). */
function argLines(use: GolangImageUse): LineRange[] {
  const names = referencedNames(use.written);
  return use.file.globalArgs
    .filter(arg => names.has(arg.name))
    .map(arg => arg.lines);
}

function pinnedReference(
  required: GoVersion | undefined,
  variant?: string,
): string {
  const version = required ? `${required.major}.${required.minor}` : '1.x.y';
  return `golang:${version}${variant ? `-${variant}` : ''}`;
}

function remediation(
  use: GolangImageUse,
  required: GoVersion | undefined,
  variant?: string,
): string {
  const reference = pinnedReference(required, variant);
  const args = use.file.globalArgs.filter(arg =>
    referencedNames(use.written).has(arg.name),
  );
  const versionArg = args.find(arg => /VERSION/i.test(arg.name));
  const snippet = versionArg
    ? `ARG ${versionArg.name}=${
        required ? `${required.major}.${required.minor}` : '1.x.y'
      }`
    : use.rewrite(reference);
  const why = required
    ? `go.mod needs Go ${formatGoVersion(
        required,
      )}; a minor tag such as \`${reference}\` follows that minor's patches, a full version or a digest pins it exactly.`
    : 'Pin at least the minor version, or a digest.';
  return [
    `Pin the golang image in \`${use.file.path}\` (line ${use.lines.startLine}) to a Go version: ${why}`,
    '',
    '```dockerfile',
    snippet,
    '```',
  ].join('\n');
}

function judge(
  ctx: RuleContext,
  use: GolangImageUse,
  notes: string[],
): UnitVerdict | undefined {
  const module = moduleOfDockerfile(ctx, use.file);
  const goLine = module?.file.go?.value;
  const required = goLine ? parseGoVersion(goLine) : undefined;
  const pin = golangImagePin(use.image);
  const where = `\`${use.file.path}\` line ${use.lines.startLine}: \`${use.image.text}\``;
  const locations: FindingLocation[] = [
    locationOf(use.file, use.lines),
    ...argLines(use).map(l => locationOf(use.file, l)),
  ];
  if (pin.kind === 'unknown') {
    notes.push(
      `${where} depends on a build argument with no default (\`${use.written}\`); its version could not be checked.`,
    );
    return undefined;
  }
  if (pin.kind === 'digest') {
    return {
      status: 'pass',
      summary: `${where} is pinned by digest.`,
      locations,
      notes: [
        `${where}: the digest pins the image, but its Go version cannot be compared with go.mod from the reference.`,
      ],
    };
  }
  if (
    pin.kind === 'floating' ||
    pin.spec.kind === 'floating' ||
    pin.spec.kind === 'unknown'
  ) {
    const variant = pin.variant;
    const what = !use.image.tag
      ? 'has no tag (it pulls `latest`)'
      : `floats (\`${use.image.tag}\` names no minor version)`;
    return {
      status: 'fail',
      summary: `${where} ${what}.`,
      locations,
      remediation: remediation(use, required, variant),
    };
  }
  if (!required) {
    notes.push(
      `No go.mod \`go\` line was found for \`${use.file.path}\`; its golang image was checked for pinning only.`,
    );
    return {
      status: 'pass',
      summary: `${where} is pinned to Go ${pin.spec.raw}.`,
      locations,
    };
  }
  if (specSatisfies(pin.spec, required)) {
    return {
      status: 'pass',
      summary: `${where} gives Go ${
        pin.spec.raw
      }, which satisfies \`go ${goLine}\` in \`${module!.goModPath}\`.`,
      locations,
    };
  }
  const goModLine: FindingLocation[] = module?.file.go
    ? [
        {
          path: module.goModPath,
          startLine: module.file.go.line,
          endLine: module.file.go.line,
        },
      ]
    : [];
  return {
    status: 'fail',
    summary: `${where} gives Go ${
      pin.spec.raw
    }, older than \`go ${goLine}\` in \`${
      module!.goModPath
    }\` (golang images set \`GOTOOLCHAIN=local\`, so the build fails instead of fetching a newer toolchain).`,
    locations: [...locations, ...goModLine],
    remediation: remediation(use, required, pin.variant),
  };
}

function evaluate(ctx: RuleContext): RuleOutcome {
  const inputs = dockerInputs(ctx);
  const goFiles = inputs.files.filter(file => file.buildsGo);
  if (goFiles.length === 0) {
    if (inputs.broken.length) return brokenOutcome(inputs);
    return outcome.notApplicable('No Dockerfile builds Go.');
  }
  const notes: string[] = [];
  const verdicts = goFiles
    .flatMap(golangImagesOf)
    .map(use => judge(ctx, use, notes))
    .filter((v): v is UnitVerdict => v !== undefined);
  if (verdicts.length === 0) {
    if (notes.length) {
      return outcome.error(
        'The golang image versions could not be evaluated.',
        { notes: [...notes, ...brokenNotes(inputs)] },
      );
    }
    const bases = goFiles.map(f => `\`${f.path}\``).join(', ');
    return outcome.notApplicable(
      `The Go builds in ${bases} use no official golang image, so their Go version comes from elsewhere.`,
    );
  }
  return combineVerdicts(
    verdicts,
    {
      pass: 'Every golang build image is pinned to a Go version that go.mod accepts:',
      fail: 'The golang build images float or are older than go.mod requires:',
      warn: 'Some golang build images float or are older than go.mod requires:',
    },
    [...notes, ...brokenNotes(inputs)],
  );
}

export const toolchainDockerVersionRule: PolicyRule = {
  id: 'toolchain-docker-version',
  evaluate,
  fix: proposeDockerGoVersion,
};
