import { RepositorySnapshot } from '../snapshot/RepositorySnapshot';
import { buildGoModel, GoModel } from '../model/go';
import { buildWorkflowModel, WorkflowModel } from '../model/workflows';
import { buildDockerModel, DockerModel } from '../model/docker';

/** Settings the rules read, after defaults are applied. */
export interface ResolvedPolicySettings {
  /** GOPRIVATE-style patterns of module paths that are private to the organisation. */
  privateModules: string[];
}

/**
 * Models a context may take over instead of building them: those of a scan's context,
 * for a context over an edited snapshot whose edits leave their input files alone (see
 * fixes/patchedContext.ts).
 */
export interface InheritedModels {
  go?: GoModel;
  workflows?: WorkflowModel;
  docker?: DockerModel;
}

/**
 * What a rule sees: the snapshot, the settings, and the parsed models of the repository.
 * Each model is built on first use and then shared by every rule of the scan, so each
 * file is parsed once per scan.
 */
export class RuleContext {
  private goModel?: GoModel;
  private workflowModel?: WorkflowModel;
  private dockerModel?: DockerModel;
  private readonly derived = new Map<
    (context: RuleContext) => unknown,
    unknown
  >();

  constructor(
    readonly snapshot: RepositorySnapshot,
    readonly settings: ResolvedPolicySettings,
    inherited: InheritedModels = {},
  ) {
    this.goModel = inherited.go;
    this.workflowModel = inherited.workflows;
    this.dockerModel = inherited.docker;
  }

  /** go.mod, go.work, go.sum presence, vendoring, version files and update bots. */
  get go(): GoModel {
    this.goModel ??= buildGoModel(this.snapshot);
    return this.goModel;
  }

  /** Workflows, their jobs and steps (with local composite actions), and the root Makefile. */
  get workflows(): WorkflowModel {
    this.workflowModel ??= buildWorkflowModel(this.snapshot, this.go);
    return this.workflowModel;
  }

  /** Dockerfiles, their stages and instructions, and .dockerignore files. */
  get docker(): DockerModel {
    this.dockerModel ??= buildDockerModel(this.snapshot, this.go);
    return this.dockerModel;
  }

  /**
   * A value several rules derive from the models (private requirements, download
   * environments...), computed on first use and shared for the rest of the scan. `derive`
   * must be a module-level function of the context alone: it is the cache key. The value
   * lives as long as the context, so nothing leaks from one scan to the next.
   */
  shared<T>(derive: (context: RuleContext) => T): T {
    if (this.derived.has(derive)) return this.derived.get(derive) as T;
    const value = derive(this);
    this.derived.set(derive, value);
    return value;
  }
}
