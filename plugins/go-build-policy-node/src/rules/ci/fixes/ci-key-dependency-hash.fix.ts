import { RuleOutcome } from '../../../engine/Rule';
import { RuleContext } from '../../../engine/RuleContext';
import { FixProposal } from '../../../fixes/types';
import { setStepInput } from '../../../fixes/workflowText';
import { byStep, goCacheKeys, setupGoCaches } from '../cacheKeys';
import {
  blamedGroups,
  describeNewKeys,
  isBlamed,
  rewriteKeys,
  StepChange,
} from './ci-key-rewrite';

/** The `cache-dependency-path` value for setup-go: every go.sum of the repository. */
function dependencyPath(ctx: RuleContext): string {
  const sums = ctx.go.modules.flatMap(m => (m.goSumPath ? [m.goSumPath] : []));
  return sums.length > 1 ? '**/go.sum' : sums[0] ?? 'go.mod';
}

/**
 * `ci-key-dependency-hash`: actions/cache keys that hash no go.sum (or miss some the job
 * builds with) get a key over every go.sum; setup-go steps whose built-in key misses the
 * dependency files get `cache-dependency-path`.
 */
export function fixKeyDependencyHash(
  ctx: RuleContext,
  outcome: RuleOutcome,
): FixProposal | undefined {
  const model = ctx.workflows;
  const groups = blamedGroups(
    byStep(goCacheKeys(model).filter(k => k.covers.module)),
    outcome,
  );
  const setupGo = setupGoCaches(model).filter(({ cache }) =>
    isBlamed(outcome, cache.step.span),
  );
  if (!groups.length && !setupGo.length) return undefined;
  const path = dependencyPath(ctx);
  const setupGoChanges: StepChange[] = setupGo.map(({ cache }) => {
    const { path: file, startLine } = cache.step.span;
    return {
      path: file,
      line: startLine,
      what: 'cache-dependency-path',
      apply: text =>
        setStepInput(text, startLine, 'cache-dependency-path', path),
    };
  });
  const rewritten = rewriteKeys(ctx, groups, setupGoChanges);
  if (!rewritten) return undefined;
  const sentences = [
    'Cache entries are immutable: a key that does not hash the dependency files keeps restoring the modules of an old go.sum after it changes.',
  ];
  if (groups.length) {
    sentences.push(
      `The module-cache key now hashes every go.sum. ${describeNewKeys(
        rewritten.keys,
      )}`,
    );
  }
  if (setupGo.length) {
    sentences.push(
      `setup-go now hashes \`${path}\` for its built-in key (\`cache-dependency-path\`).`,
    );
  }
  // A module without go.sum (a go.sum is the real fix, see mod-go-sum) can only be keyed on go.mod.
  const keyedOn = !groups.length && path === 'go.mod' ? 'go.mod' : 'go.sum';
  return {
    title: `Key the Go module cache on ${keyedOn}`,
    description: sentences.join(' '),
    edits: rewritten.edits,
  };
}
