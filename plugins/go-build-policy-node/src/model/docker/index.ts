// Placeholder model so the engine compiles while the Dockerfile model is written.
import { RepositorySnapshot } from '../../snapshot/RepositorySnapshot';
import { GoModel } from '../go';

export interface DockerModel {
  dockerfiles: unknown[];
}

export function buildDockerModel(_snapshot: RepositorySnapshot, _go: GoModel): DockerModel {
  return { dockerfiles: [] };
}
