import { RuleOutcome } from '../../../engine/Rule';
import { RuleContext } from '../../../engine/RuleContext';
import { FixProposal } from '../../../fixes/types';
import { byStep, goCacheKeys } from '../cacheKeys';
import { blamedGroups, describeNewKeys, rewriteKeys } from './ci-key-rewrite';

/**
 * `ci-key-go-version`: keys that do not follow the Go version (or name a stale one) get
 * the version the job installs: `matrix.<x>` where the matrix chooses it, else
 * setup-go's `go-version` output (setup-go gets an `id:` when it has none).
 */
export function fixKeyGoVersion(
  ctx: RuleContext,
  outcome: RuleOutcome,
): FixProposal | undefined {
  const groups = blamedGroups(byStep(goCacheKeys(ctx.workflows)), outcome);
  if (!groups.length) return undefined;
  const rewritten = rewriteKeys(ctx, groups);
  if (!rewritten) return undefined;
  return {
    title: 'Put the Go version in the Go cache key',
    description: `Build output and compiled test binaries depend on the Go version, but the cache key did not change with it: after a Go upgrade the job restored output of the old toolchain, and jobs on different versions overwrote each other's entries. The key now holds the version the job installs. ${describeNewKeys(
      rewritten.keys,
    )}`,
    edits: rewritten.edits,
  };
}
