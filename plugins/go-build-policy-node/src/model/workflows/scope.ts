import { ExpressionScope, evaluateTemplate } from './expressions';
import { scriptWrite, ScriptWrite } from './scripts';
import { EnvEntry, Job, Step } from './types';
import { isAction } from './uses';

/** Job data the expression scope needs, before the job is fully analysed. */
export interface ScopeSource {
  env: EnvEntry[];
  steps: Step[];
  /** Matrix per combination; undefined entries when the job has no (known) matrix. */
  matrices: Array<Record<string, string> | undefined>;
  inputs: Record<string, string | undefined>;
  /** The matrix is an expression the scan cannot expand. */
  matrixUnknown: boolean;
}

/** `$GITHUB_OUTPUT` / `$GITHUB_ENV` writes of each step's visible script. */
export function stepWrites(steps: Step[]): ScriptWrite[][] {
  return steps.map(step =>
    step.runLines.flatMap(line => scriptWrite(line) ?? []),
  );
}

/** Step outputs by step id, as visible scripts write them (the values are shell text). */
export function stepOutputsOf(
  steps: Step[],
  writes: ScriptWrite[][],
): Job['stepOutputs'] {
  const outputs: Job['stepOutputs'] = {};
  steps.forEach((step, i) => {
    if (!step.id) return;
    for (const write of writes[i]) {
      if (write.target !== 'output') continue;
      (outputs[step.id] ??= {})[write.name] = write.value;
    }
  });
  return outputs;
}

/**
 * Builds expression scopes for one job: `at(combination, stepIndex)` sees the env of the
 * workflow, job and step, `$GITHUB_ENV` writes of earlier steps, outputs of earlier steps,
 * the combination's matrix and the inputs in effect (a composite action's own inputs).
 */
export class JobScopes {
  private readonly writes: ScriptWrite[][];
  private readonly scopes = new Map<string, ExpressionScope>();

  constructor(private readonly source: ScopeSource) {
    this.writes = stepWrites(source.steps);
  }

  at(combination: number, stepIndex?: number): ExpressionScope {
    const id = `${combination}:${stepIndex ?? ''}`;
    let scope = this.scopes.get(id);
    if (!scope) {
      scope = this.build(combination, stepIndex);
      this.scopes.set(id, scope);
    }
    return scope;
  }

  private build(combination: number, stepIndex?: number): ExpressionScope {
    const env = new Map<string, string>();
    for (const entry of this.source.env) env.set(entry.name, entry.value);
    const stepOutputs: Record<string, Record<string, string>> = {};
    const actionOutputs: Record<string, string> = {};
    const earlierStepIds = new Set<string>();
    const upTo = stepIndex ?? 0;
    for (let i = 0; i < upTo && i < this.source.steps.length; i++) {
      const step = this.source.steps[i];
      if (step.id) earlierStepIds.add(step.id);
      for (const write of this.writes[i]) {
        if (write.target === 'env') env.set(write.name, write.value);
        else if (step.id)
          (stepOutputs[step.id] ??= {})[write.name] = write.value;
      }
      if (step.id && isAction(step.uses, 'actions/setup-go'))
        actionOutputs[step.id] = 'actions/setup-go';
    }
    const step =
      stepIndex === undefined ? undefined : this.source.steps[stepIndex];
    for (const entry of step?.env ?? []) env.set(entry.name, entry.value);
    return {
      matrix: this.source.matrices[combination],
      matrixUnknown: this.source.matrixUnknown,
      env,
      inputs: step?.viaAction?.inputs ?? this.source.inputs,
      stepOutputs,
      actionOutputs,
      // Job-level values (runs-on, container) cannot read steps: leave them undecided there.
      earlierStepIds: stepIndex === undefined ? undefined : earlierStepIds,
    };
  }

  /** Number of matrix combinations. */
  get combinationCount(): number {
    return Math.max(1, this.source.matrices.length);
  }

  /** Evaluates text in every combination at a step (same order as the job's combinations). */
  evaluateAll(text: string, stepIndex?: number) {
    return Array.from({ length: this.combinationCount }, (_, i) =>
      this.evaluate(text, i, stepIndex),
    );
  }

  /** Evaluates text in a combination at a step (for one event, when `eventName` is given). */
  evaluate(
    text: string,
    combination: number,
    stepIndex?: number,
    eventName?: string,
  ) {
    const scope = this.at(combination, stepIndex);
    return evaluateTemplate(text, eventName ? { ...scope, eventName } : scope);
  }
}
