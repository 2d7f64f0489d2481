/*
 * Line-based Dockerfile edits for the private-module fixes: where a stage gets a new `ENV`
 * so that its first download sees it, written in the file's own keyword case.
 */
import { DockerfileModel, DockerStage } from '../../../model/docker';
import { FilePatches } from './textPatch';

/** Instructions that may stay above the new ENV: they set the stage up and download nothing. */
const SETUP = new Set(['ARG', 'ENV', 'WORKDIR']);

/** The line after which a stage's new ENV goes: after FROM and its leading ARG/ENV/WORKDIR. */
export function envInsertionLine(stage: DockerStage): number {
  let line = stage.fromLines.endLine;
  for (const instruction of stage.instructions) {
    if (!SETUP.has(instruction.keyword)) break;
    line = instruction.lines.endLine;
  }
  return line;
}

/** `ENV` or `env`, as the stage's FROM is written. */
function envKeyword(fromLine: string): string {
  return /^\s*from\b/.test(fromLine) ? 'env' : 'ENV';
}

/** Adds `ENV name=value` lines to a stage, before its first download. */
export function addStageEnv(
  patches: FilePatches,
  dockerfile: DockerfileModel,
  stage: DockerStage,
  entries: Array<[name: string, value: string]>,
): boolean {
  const patch = patches.patch(dockerfile.path);
  if (!patch || !entries.length) return false;
  const keyword = envKeyword(patch.line(stage.fromLines.startLine) ?? '');
  patch.insertAfter(
    envInsertionLine(stage),
    entries.map(
      ([name, value]) =>
        `${keyword} ${name}=${/\s/.test(value) ? `"${value}"` : value}`,
    ),
  );
  return true;
}

/** The stage an environment names (by its FROM line), with its ancestors in the file. */
export function stageAt(
  dockerfile: DockerfileModel,
  fromLine: number,
): { stage: DockerStage; ancestors: DockerStage[] } | undefined {
  const stage = dockerfile.stages.find(s => s.fromLines.startLine === fromLine);
  if (!stage) return undefined;
  const ancestors: DockerStage[] = [];
  const seen = new Set([stage.index]);
  let parent = stage.parentStage;
  while (parent !== undefined && !seen.has(parent)) {
    seen.add(parent);
    const found = dockerfile.stages[parent];
    if (!found) break;
    ancestors.push(found);
    parent = found.parentStage;
  }
  return { stage, ancestors };
}
