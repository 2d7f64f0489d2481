import { YamlFile } from '../../parsers/yaml';
import { expandMatrix, MisreadValues } from './matrix';
import { goPathsFor, runnerPlatform } from './runner';
import { JobScopes } from './scope';
import { readEnv, readJobSteps, spanOf, StepReader } from './steps';
import {
  EnvEntry,
  Job,
  MatrixCombination,
  SourceSpan,
  WorkflowTriggers,
} from './types';
import { parseUses } from './uses';
import { toValue } from './expressions';
import { pathText } from './actionsCache';
import { narrowTriggers } from './jobCondition';

/** What a job inherits from the workflow it runs in (or the call that runs it). */
export interface JobFrame {
  reader: StepReader;
  file: YamlFile;
  /** File the job is written in. */
  path: string;
  /** Workflow whose triggers start the job. */
  workflowPath: string;
  triggers: WorkflowTriggers;
  workflowEnv: EnvEntry[];
  workflowDefaultsDirectory?: string;
  /** Inputs visible as `inputs.*` (call inputs, or workflow_dispatch defaults). */
  inputs: Record<string, string | undefined>;
  calledFrom?: Job['calledFrom'];
}

function runsOnText(file: YamlFile, node: unknown): string {
  const single = file.string(node);
  if (single !== undefined) return single;
  const labels = file.isSeq(node) ? node : file.get(node, 'labels');
  const list = file.items(labels).flatMap(item => file.string(item) ?? []);
  if (list.length) return list.join(' ');
  const group = file.string(file.get(node, 'group'));
  return group ? `group:${group}` : '';
}

function containerOf(file: YamlFile, path: string, jobNode: unknown) {
  const node = file.get(jobNode, 'container');
  if (node === undefined) return undefined;
  const image = file.string(node) ?? file.string(file.get(node, 'image'));
  return image ? { image, span: spanOf(file, path, node) } : undefined;
}

function combinationsOf(
  frame: JobFrame,
  jobNode: unknown,
  env: EnvEntry[],
  scopes: JobScopes,
  matrices: Array<Record<string, string> | undefined>,
  containerImage: string | undefined,
  misread: MisreadValues,
): MatrixCombination[] {
  const runsOnNode = frame.file.get(jobNode, 'runs-on');
  const runsOnRaw = runsOnText(frame.file, runsOnNode);
  return matrices.map((values, i) => {
    const runsOn =
      runsOnNode === undefined ? toValue([]) : scopes.evaluate(runsOnRaw, i);
    const image = containerImage
      ? scopes.evaluate(containerImage, i)
      : undefined;
    const platform = runnerPlatform(runsOn);
    // Job containers run on Linux runners only.
    const os = image ? 'linux' : platform.os;
    const goPaths = goPathsFor({
      os,
      containerImage: image?.text,
      env,
      evaluate: text => pathText(scopes.evaluate(text, i)),
    });
    const writtenAs = Object.fromEntries(
      Object.entries(values ?? {}).flatMap(([key, value]) => {
        const written = misread[key]?.[value];
        return written ? [[key, written]] : [];
      }),
    );
    return {
      values: values ?? {},
      ...(Object.keys(writtenAs).length ? { writtenAs } : {}),
      runsOn,
      os,
      arch: platform.arch,
      goPaths,
    };
  });
}

/**
 * Reads one job: steps (composite actions expanded), matrix, runner per combination, env
 * and container. Analysis (Go evidence, caches) happens later in analyzeJob.
 */
export function readJob(
  frame: JobFrame,
  id: string,
  keyNode: unknown,
  jobNode: unknown,
): Job {
  const { file, path } = frame;
  const jobEnv = readEnv(file, path, file.get(jobNode, 'env'), 'job');
  const env = [...frame.workflowEnv, ...jobEnv];
  const defaultsDirectory =
    file.string(
      file.get(
        file.get(file.get(jobNode, 'defaults'), 'run'),
        'working-directory',
      ),
    ) ?? frame.workflowDefaultsDirectory;
  const steps = readJobSteps(
    frame.reader,
    file,
    path,
    jobNode,
    defaultsDirectory,
  );
  const matrix = expandMatrix(file, jobNode);
  const matrices = matrix.combinations.map(c =>
    matrix.present ? c : undefined,
  );
  const scopes = new JobScopes({
    env,
    steps,
    matrices,
    inputs: frame.inputs,
    matrixUnknown: matrix.unknown,
  });
  const container = containerOf(file, path, jobNode);
  const usesNode = file.get(jobNode, 'uses');
  const usesText = file.string(usesNode);
  const runsOnNode = file.get(jobNode, 'runs-on');
  const span: SourceSpan = spanOf(file, path, keyNode, jobNode);
  const condition = file.string(file.get(jobNode, 'if'));
  return {
    id,
    name: file.string(file.get(jobNode, 'name')),
    path,
    span,
    workflowPath: frame.workflowPath,
    // A job-level `if:` can limit the job to some of the workflow's runs (tags only...).
    triggers: narrowTriggers(frame.triggers, condition),
    calledFrom: frame.calledFrom,
    usesWorkflow: usesText
      ? {
          ref: parseUses(usesText),
          visible: false,
          span: spanOf(file, path, usesNode),
        }
      : undefined,
    runsOnSpan:
      runsOnNode === undefined ? undefined : spanOf(file, path, runsOnNode),
    combinations: combinationsOf(
      frame,
      jobNode,
      env,
      scopes,
      matrices,
      container?.image,
      matrix.misread,
    ),
    matrixKeys: matrix.keys,
    matrixUnknown: matrix.unknown,
    container,
    env,
    inputs: frame.inputs,
    defaultsWorkingDirectory: defaultsDirectory,
    steps,
    condition,
    isCodeQl: false,
    checkout: {},
    caches: [],
    dockerBuilds: [],
    stepOutputs: {},
  };
}

const scopesByJob = new WeakMap<Job, JobScopes>();

/** The expression scopes of a job that readJob produced, built once per job. */
export function scopesOf(job: Job): JobScopes {
  let scopes = scopesByJob.get(job);
  if (!scopes) {
    const hasMatrix = job.matrixKeys.length > 0 || job.matrixUnknown;
    scopes = new JobScopes({
      env: job.env,
      steps: job.steps,
      matrices: job.combinations.map(c => (hasMatrix ? c.values : undefined)),
      inputs: job.inputs,
      matrixUnknown: job.matrixUnknown,
    });
    scopesByJob.set(job, scopes);
  }
  return scopes;
}
