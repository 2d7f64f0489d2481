import { YamlFile } from '../../parsers/yaml';
import { readJob, JobFrame } from './jobs';
import { readEnv, spanOf, StepReader } from './steps';
import { readTriggers, classifyTriggers } from './triggers';
import { Job, Workflow, WorkflowTriggers } from './types';

/** GitHub allows four levels of nested reusable workflows; cycles stop earlier. */
const MAX_CALL_DEPTH = 4;

function callInputs(file: YamlFile): Record<string, string | undefined> {
  const on = file.get(file.root, 'on');
  const inputs: Record<string, string | undefined> = {};
  for (const event of ['workflow_call', 'workflow_dispatch']) {
    for (const entry of file.entries(file.get(file.get(on, event), 'inputs'))) {
      inputs[entry.key] ??= file.string(file.get(entry.value, 'default'));
    }
  }
  return inputs;
}

interface CallContext {
  reader: StepReader;
  /** Workflow paths being expanded: a workflow calling itself stops here. */
  stack: string[];
  /** Reusable workflows some local workflow calls. */
  calledPaths: Set<string>;
}

/**
 * Jobs of one workflow file run under `triggers` (its own, or its caller's). Jobs that call
 * a local reusable workflow are followed: the called jobs run under the caller's triggers,
 * with the caller's `with:` as inputs.
 */
function jobsOf(
  context: CallContext,
  file: YamlFile,
  path: string,
  frame: Omit<
    JobFrame,
    'reader' | 'file' | 'path' | 'workflowEnv' | 'workflowDefaultsDirectory'
  >,
): Job[] {
  const fullFrame: JobFrame = {
    ...frame,
    reader: context.reader,
    file,
    path,
    workflowEnv: readEnv(file, path, file.get(file.root, 'env'), 'workflow'),
    workflowDefaultsDirectory: file.string(
      file.get(
        file.get(file.get(file.root, 'defaults'), 'run'),
        'working-directory',
      ),
    ),
  };
  const jobs: Job[] = [];
  for (const entry of file.entries(file.get(file.root, 'jobs'))) {
    const job = readJob(fullFrame, entry.key, entry.keyNode, entry.value);
    jobs.push(job);
    const ref = job.usesWorkflow?.ref;
    if (ref?.kind !== 'local') continue;
    const calledPath = ref.path.split('@')[0];
    if (
      context.stack.includes(calledPath) ||
      context.stack.length >= MAX_CALL_DEPTH
    )
      continue;
    const called = context.reader.files.read(calledPath);
    if (!called.ok) continue;
    job.usesWorkflow!.visible = true;
    context.calledPaths.add(calledPath);
    const inputs = { ...callInputs(called.file) };
    for (const input of readEnv(
      file,
      path,
      file.get(entry.value, 'with'),
      'job',
    ))
      inputs[input.name] = input.value;
    const callerSpan = spanOf(file, path, entry.keyNode, entry.value);
    jobs.push(
      ...jobsOf(
        { ...context, stack: [...context.stack, calledPath] },
        called.file,
        calledPath,
        {
          workflowPath: frame.workflowPath,
          // The caller's `if:` limits every job of the called workflow.
          triggers: job.triggers,
          inputs,
          calledFrom: {
            workflowPath: path,
            jobId: entry.key,
            span: callerSpan,
          },
        },
      ),
    );
  }
  return jobs;
}

/** Reads one workflow file into a Workflow (jobs include those of local reusable workflows it calls). */
export function readWorkflow(
  reader: StepReader,
  path: string,
  calledPaths: Set<string>,
): Workflow {
  const read = reader.files.read(path);
  if (!read.ok) {
    return {
      path,
      issue: read.issue,
      triggers: classifyTriggers([]),
      env: [],
      jobs: [],
      callInputs: {},
    };
  }
  const file = read.file;
  const triggers: WorkflowTriggers = readTriggers(file);
  const inputs = callInputs(file);
  const jobs = jobsOf({ reader, stack: [path], calledPaths }, file, path, {
    workflowPath: path,
    triggers,
    inputs,
  });
  return {
    path,
    name: file.string(file.get(file.root, 'name')),
    triggers,
    env: readEnv(file, path, file.get(file.root, 'env'), 'workflow'),
    jobs,
    callInputs: inputs,
  };
}
