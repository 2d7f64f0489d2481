import { RuleOutcome } from '../../../engine/Rule';
import { RuleContext } from '../../../engine/RuleContext';
import { FixProposal } from '../../../fixes/types';
import { byStep, goCacheKeys } from '../cacheKeys';
import { keyTiming } from '../perRunParts';
import { blamedGroups, describeNewKeys, rewriteKeys } from './ci-key-rewrite';

/**
 * `ci-key-not-per-run`: module-cache keys holding `github.sha`, a run id or a timestamp
 * get a key that changes only with go.sum (and the platform and Go version where they
 * matter); existing restore-keys fall back to the same stable prefix.
 */
export function fixKeyNotPerRun(
  ctx: RuleContext,
  outcome: RuleOutcome,
): FixProposal | undefined {
  const groups = blamedGroups(
    byStep(goCacheKeys(ctx.workflows)),
    outcome,
  ).filter(
    group =>
      group.some(k => k.covers.module) &&
      group.some(k => keyTiming(k.key).perRun.length > 0),
  );
  if (!groups.length) return undefined;
  const rewritten = rewriteKeys(ctx, groups);
  if (!rewritten) return undefined;
  const perRun = [
    ...new Set(groups.flatMap(g => g.flatMap(k => keyTiming(k.key).perRun))),
  ];
  // rewriteKeys rewrites restore-keys only where the step had them.
  const fallsBack = groups.some(group =>
    group.some(k => k.cache.step.with.some(i => i.name === 'restore-keys')),
  );
  return {
    title: 'Stop keying the Go module cache per run',
    description: `The module-cache key contains ${perRun
      .map(p => `\`${p}\``)
      .join(
        ', ',
      )}, which changes on every run: each run misses its cache and saves a new entry that no later run restores. The key now changes only when go.sum (or the platform or Go version) does${
      fallsBack ? ', and restore-keys fall back to the same stable prefix' : ''
    }. ${describeNewKeys(rewritten.keys)}`,
    edits: rewritten.edits,
  };
}
