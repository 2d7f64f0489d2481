import { FindingLocation } from '@go-build-policy/plugin-go-build-policy-common';
import { at, outcome, RuleOutcome } from '../../engine/Rule';
import { RuleContext } from '../../engine/RuleContext';
import {
  DockerfileModel,
  DockerInstruction,
  DockerStage,
} from '../../model/docker';

/** Dockerfiles the docker rules judge, and those that could not be parsed. */
export interface DockerInputs {
  files: DockerfileModel[];
  broken: DockerfileModel[];
}

// Dockerfiles under these folders are fixtures or third-party code, not the project's builds.
const IGNORED_FOLDERS = new Set([
  'vendor',
  'testdata',
  'node_modules',
  'third_party',
]);

export function dockerInputs(ctx: RuleContext): DockerInputs {
  const files: DockerfileModel[] = [];
  const broken: DockerfileModel[] = [];
  for (const file of ctx.docker.dockerfiles) {
    if (file.path.split('/').some(part => IGNORED_FOLDERS.has(part))) continue;
    (file.error ? broken : files).push(file);
  }
  return { files, broken };
}

/** The stages a stage is built from, root first, ending with the stage itself. */
export function stageChain(
  file: DockerfileModel,
  stage: DockerStage,
): DockerStage[] {
  const chain: DockerStage[] = [stage];
  let current = stage;
  // Parents always come earlier in the file, so the walk ends; the bound is a second guard.
  while (
    current.parentStage !== undefined &&
    chain.length <= file.stages.length
  ) {
    const parent = file.stages[current.parentStage];
    if (!parent || parent.index >= current.index) break;
    chain.unshift(parent);
    current = parent;
  }
  return chain;
}

/** Instructions that produce a stage's filesystem: its ancestors' and its own, in order. */
export function chainInstructions(
  file: DockerfileModel,
  stage: DockerStage,
): DockerInstruction[] {
  return stageChain(file, stage).flatMap(s => s.instructions);
}

/** How a finding names a stage: `build/Dockerfile`, stage `builder` (line 3). */
export function describeStage(
  file: DockerfileModel,
  stage: DockerStage,
): string {
  const name = stage.name
    ? `stage \`${stage.name}\``
    : `stage ${stage.index + 1}`;
  return `\`${file.path}\` ${name} (FROM \`${stage.baseText}\`, line ${stage.fromLines.startLine})`;
}

export function locationOf(
  file: DockerfileModel,
  lines: { startLine: number; endLine: number },
): FindingLocation {
  return at(file.path, lines.startLine, lines.endLine);
}

/** The stages of Go-building Dockerfiles that build Go, with their file. */
export function goStages(
  inputs: DockerInputs,
): Array<{ file: DockerfileModel; stage: DockerStage }> {
  return inputs.files.flatMap(file =>
    file.stages.filter(stage => stage.buildsGo).map(stage => ({ file, stage })),
  );
}

/** A note naming Dockerfiles that could not be read, so a verdict says what it did not see. */
export function brokenNotes(inputs: DockerInputs): string[] {
  return inputs.broken.map(
    file => `\`${file.path}\` was not evaluated: ${file.error}.`,
  );
}

/** The error outcome when the only Dockerfiles there are could not be read. */
export function brokenOutcome(inputs: DockerInputs): RuleOutcome {
  const names = inputs.broken
    .map(file => `\`${file.path}\` (${file.error})`)
    .join(', ');
  return outcome.error(`No Dockerfile could be evaluated: ${names}.`, {
    locations: inputs.broken.map(file => at(file.path, 1)),
  });
}

const MAX_LISTED = 20;
const MAX_LOCATED = 50;
const MAX_REMEDIATIONS = 3;

/** One unit's verdict (a stage, a RUN, an image) before the rule combines them. */
export interface UnitVerdict {
  status: 'pass' | 'fail' | 'warn';
  /** One line for the message list. */
  summary: string;
  locations: FindingLocation[];
  /** Markdown, or a function that writes it (only called for the units a finding shows). */
  remediation?: string | (() => string);
  notes?: string[];
}

function combinedStatus(
  units: UnitVerdict[],
  failing: UnitVerdict[],
): 'pass' | 'fail' | 'warn' {
  if (failing.length === 0) return 'pass';
  const failsEverywhere =
    failing.length === units.length && failing.every(u => u.status === 'fail');
  return failsEverywhere ? 'fail' : 'warn';
}

/**
 * Combines unit verdicts the way POLICY.md defines `warn`: met everywhere is `pass`, met
 * nowhere is `fail`, met in part (some units pass, or a unit is itself `warn`) is `warn`.
 */
export function combineVerdicts(
  units: UnitVerdict[],
  texts: { pass: string; fail: string; warn: string },
  extraNotes: string[] = [],
): RuleOutcome {
  const failing = units.filter(u => u.status !== 'pass');
  const status = combinedStatus(units, failing);
  const shown = status === 'pass' ? units : failing;
  // A generated Dockerfile can hold thousands of RUNs: keep findings readable and small.
  const listed = shown.slice(0, MAX_LISTED);
  const more =
    shown.length > MAX_LISTED
      ? `\n- …and ${shown.length - MAX_LISTED} more`
      : '';
  const list = listed.map(u => `- ${u.summary}`).join('\n') + more;
  const headline = texts[status];
  const remediation = [
    ...new Set(
      failing
        .slice(0, MAX_LISTED)
        .map(u =>
          typeof u.remediation === 'function' ? u.remediation() : u.remediation,
        )
        .filter(Boolean),
    ),
  ]
    .slice(0, MAX_REMEDIATIONS)
    .join('\n\n');
  const notes = [...units.flatMap(u => u.notes ?? []), ...extraNotes];
  const result: RuleOutcome = {
    status,
    message: `${headline}\n${list}`,
    locations: shown.slice(0, MAX_LOCATED).flatMap(u => u.locations),
  };
  if (remediation) result.remediation = remediation;
  if (notes.length) result.notes = [...new Set(notes)].slice(0, MAX_LISTED);
  return result;
}
