import { RepositorySnapshot } from '../../snapshot/RepositorySnapshot';
import { GoModel } from '../go';
import { analyzeJob } from './analyzeJob';
import { YamlFileCache } from './files';
import { readRootMakefile } from './makefile';
import { readAllLocalActions, StepReader } from './steps';
import { Job, WorkflowModel } from './types';
import { readWorkflow } from './workflow';
import { markArtifactBuilders } from './publishing';

export * from './types';

const WORKFLOW_FILE = /^\.github\/workflows\/[^/]+\.ya?ml$/;

/**
 * Builds the workflow model of a snapshot: every workflow (local composite actions and
 * local reusable workflows expanded), each job analysed once, and the root Makefile.
 */
export function buildWorkflowModel(
  snapshot: RepositorySnapshot,
  go: GoModel,
): WorkflowModel {
  const files = new YamlFileCache(snapshot);
  const reader: StepReader = { files, actions: new Map() };
  const calledPaths = new Set<string>();
  const workflowPaths = snapshot.paths.filter(p => WORKFLOW_FILE.test(p));
  const workflows = workflowPaths.map(path =>
    readWorkflow(reader, path, calledPaths),
  );
  readAllLocalActions(reader, snapshot.paths);
  const makefile = readRootMakefile(snapshot);
  const hasGoMod =
    (go.modules?.length ?? 0) > 0 ||
    snapshot.paths.some(p => p === 'go.mod' || p.endsWith('/go.mod'));
  // A reusable workflow that a local workflow calls runs through its callers only.
  const jobs: Job[] = workflows.flatMap(w =>
    calledPaths.has(w.path) && w.triggers.reusableOnly ? [] : w.jobs,
  );
  // Jobs of called reusable workflows are analysed too, so each workflow's own list is complete.
  const analysed = new Set<Job>();
  for (const job of [...jobs, ...workflows.flatMap(w => w.jobs)]) {
    if (analysed.has(job)) continue;
    analysed.add(job);
    analyzeJob(job, { hasGoMod, makefile }, snapshot);
  }
  for (const workflow of workflows) markArtifactBuilders(workflow.jobs);
  const issues = [...files.issues()];
  if (makefile?.issue) issues.push(makefile.issue);
  return {
    workflows,
    jobs,
    goJobs: jobs.filter(j => j.goEvidence && !j.isCodeQl),
    localActions: [...reader.actions.values()].sort((a, b) =>
      a.path.localeCompare(b.path),
    ),
    makefile,
    issues,
  };
}
