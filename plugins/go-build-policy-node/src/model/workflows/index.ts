// Placeholder model so the engine compiles while the workflow model is written.
import { RepositorySnapshot } from '../../snapshot/RepositorySnapshot';
import { GoModel } from '../go';

export interface WorkflowModel {
  workflows: unknown[];
}

export function buildWorkflowModel(_snapshot: RepositorySnapshot, _go: GoModel): WorkflowModel {
  return { workflows: [] };
}
