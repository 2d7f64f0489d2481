import { Scalar } from 'yaml';
import { YamlFile } from '../../parsers/yaml';
import { YamlFileCache } from './files';
import { actionsScalar } from './actionsScalar';
import {
  EnvEntry,
  LocalAction,
  ScriptLine,
  SourceSpan,
  Step,
  StepInput,
} from './types';
import { parseUses } from './uses';

/** Composite actions nest at most this deep (GitHub allows 10; real repositories use 2-3). */
const MAX_ACTION_DEPTH = 10;
const MAX_STEPS_PER_JOB = 2000;

export function spanOf(
  file: YamlFile,
  path: string,
  node: unknown,
  until?: unknown,
): SourceSpan {
  const lines = file.lines(node, until) ?? { startLine: 1, endLine: 1 };
  return { path, ...lines };
}

/** Env entries of a map node, with their positions. */
export function readEnv(
  file: YamlFile,
  path: string,
  node: unknown,
  level: EnvEntry['level'],
): EnvEntry[] {
  return file.entries(node).map(entry => {
    const scalar = actionsScalar(file, entry.value);
    return {
      name: entry.key,
      value: scalar?.value ?? '',
      ...(scalar?.writtenAs ? { writtenAs: scalar.writtenAs } : {}),
      level,
      span: spanOf(file, path, entry.keyNode, entry.value),
    };
  });
}

/** Lines of a scalar, mapped to the file's lines (block scalars start on the next line). */
export function scriptLines(file: YamlFile, node: unknown): ScriptLine[] {
  const text = file.string(node);
  if (text === undefined) return [];
  const resolved = file.resolve(node) as Scalar | undefined;
  const startLine = file.line(resolved);
  const block =
    resolved?.type === 'BLOCK_LITERAL' || resolved?.type === 'BLOCK_FOLDED';
  const first = block ? startLine + 1 : startLine;
  const lines = text.split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((line, i) => ({ text: line, line: first + i }));
}

function readInputs(file: YamlFile, path: string, node: unknown): StepInput[] {
  return file.entries(node).map(entry => {
    const scalar = actionsScalar(file, entry.value);
    return {
      name: entry.key,
      value: scalar?.value ?? '',
      ...(scalar?.writtenAs ? { writtenAs: scalar.writtenAs } : {}),
      span: spanOf(file, path, entry.keyNode, entry.value),
    };
  });
}

/** Shared state for expanding composite actions across a whole scan. */
export interface StepReader {
  files: YamlFileCache;
  /** Every local action read so far, by path. */
  actions: Map<string, LocalAction>;
}

interface Frame {
  depth: number;
  /** Action paths on the current expansion path: a cycle stops expansion. */
  stack: string[];
  defaultsWorkingDirectory?: string;
  viaAction?: Step['viaAction'];
}

/** Finds the action file of a local `uses: ./dir` (action.yml, then action.yaml). */
function actionFilePath(reader: StepReader, dir: string): string | undefined {
  const base = dir ? `${dir}/` : '';
  return [`${base}action.yml`, `${base}action.yaml`].find(p =>
    reader.files.has(p),
  );
}

function readStep(
  file: YamlFile,
  path: string,
  node: unknown,
  frame: Frame,
): Step {
  const usesNode = file.get(node, 'uses');
  const usesText = file.string(usesNode);
  const usesLine = usesNode ? file.lineText(file.line(usesNode)) : undefined;
  const runNode = file.get(node, 'run');
  return {
    index: 0,
    id: file.string(file.get(node, 'id')),
    name: file.string(file.get(node, 'name')),
    uses: usesText === undefined ? undefined : parseUses(usesText, usesLine),
    run: file.string(runNode),
    runLines: scriptLines(file, runNode),
    shell: file.string(file.get(node, 'shell')),
    workingDirectory:
      file.string(file.get(node, 'working-directory')) ??
      frame.defaultsWorkingDirectory,
    with: readInputs(file, path, file.get(node, 'with')),
    env: readEnv(
      file,
      path,
      file.get(node, 'env'),
      frame.viaAction ? 'action' : 'step',
    ),
    span: spanOf(file, path, node),
    viaAction: frame.viaAction,
    condition: file.string(file.get(node, 'if')),
  };
}

/** Reads (once) a local action and returns its composite steps node, if it is composite. */
function loadAction(reader: StepReader, actionPath: string) {
  const read = reader.files.read(actionPath);
  if (!read.ok) {
    reader.actions.set(actionPath, { path: actionPath, issue: read.issue });
    return undefined;
  }
  const runs = read.file.get(read.file.root, 'runs');
  const using = read.file.string(read.file.get(runs, 'using'));
  if (!reader.actions.has(actionPath))
    reader.actions.set(actionPath, { path: actionPath, using });
  return { file: read.file, runs, using };
}

function actionInputs(
  file: YamlFile,
  step: Step,
): Record<string, string | undefined> {
  const inputs: Record<string, string | undefined> = {};
  for (const entry of file.entries(file.get(file.root, 'inputs'))) {
    inputs[entry.key] = file.string(file.get(entry.value, 'default'));
  }
  for (const input of step.with) inputs[input.name] = input.value;
  return inputs;
}

function expandSteps(
  reader: StepReader,
  file: YamlFile,
  path: string,
  stepsNode: unknown,
  frame: Frame,
  out: Step[],
): void {
  for (const node of file.items(stepsNode)) {
    if (out.length >= MAX_STEPS_PER_JOB) return;
    const step = readStep(file, path, node, frame);
    out.push(step);
    if (step.uses?.kind !== 'local' || frame.depth >= MAX_ACTION_DEPTH)
      continue;
    const actionPath = actionFilePath(reader, step.uses.path);
    if (!actionPath || frame.stack.includes(actionPath)) continue;
    const action = loadAction(reader, actionPath);
    if (!action || action.using !== 'composite') continue;
    expandSteps(
      reader,
      action.file,
      actionPath,
      action.file.get(action.runs, 'steps'),
      {
        depth: frame.depth + 1,
        stack: [...frame.stack, actionPath],
        viaAction: {
          actionPath,
          callerSpan: step.span,
          inputs: actionInputs(action.file, step),
        },
      },
      out,
    );
  }
}

/**
 * The steps of a job node, with local composite actions expanded in place (after the
 * `uses:` step that calls them), numbered in run order.
 */
export function readJobSteps(
  reader: StepReader,
  file: YamlFile,
  path: string,
  jobNode: unknown,
  defaultsWorkingDirectory: string | undefined,
): Step[] {
  const steps: Step[] = [];
  expandSteps(
    reader,
    file,
    path,
    file.get(jobNode, 'steps'),
    { depth: 0, stack: [], defaultsWorkingDirectory },
    steps,
  );
  steps.forEach((step, index) => {
    step.index = index;
  });
  return steps;
}

/** Reads every `.github/actions/**` action file so unparsable ones are reported even if unused. */
export function readAllLocalActions(
  reader: StepReader,
  paths: readonly string[],
): void {
  for (const path of paths) {
    if (
      /^\.github\/actions\/(.+\/)?action\.ya?ml$/.test(path) &&
      !reader.actions.has(path)
    ) {
      loadAction(reader, path);
    }
  }
}
