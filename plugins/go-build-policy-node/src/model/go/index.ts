// Placeholder model so the engine compiles while the go.mod model is written.
import { RepositorySnapshot } from '../../snapshot/RepositorySnapshot';

export interface GoModel {
  modules: unknown[];
}

export function buildGoModel(_snapshot: RepositorySnapshot): GoModel {
  return { modules: [] };
}
