import { RuleOutcome } from '../../../engine/Rule';
import { RuleContext } from '../../../engine/RuleContext';
import { FixProposal } from '../../../fixes/types';
import { setStepUses } from '../../../fixes/workflowText';
import { SetupGoCache } from '../../../model/workflows';
import { byStep, goCacheKeys, setupGoCaches } from '../cacheKeys';
import { findCollisions } from '../ci-key-os-arch';
import {
  describeNewKeys,
  isBlamed,
  rewriteKeys,
  StepChange,
} from './ci-key-rewrite';

/** setup-go from v5.1.0 puts the architecture in its key; the moving `@v5` tag has it. */
const SETUP_GO_WITH_ARCH = 'actions/setup-go@v5';

/**
 * The change moving a setup-go step to `@v5`: only from v4/v5 tags, whose caching
 * behaviour v5 keeps. A SHA pin is left to the author (a fix must not unpin an action).
 */
function upgradeSetupGo(cache: SetupGoCache): StepChange | undefined {
  const uses = cache.step.uses;
  if (uses?.kind !== 'action' || /^[0-9a-f]{40}$/i.test(uses.ref))
    return undefined;
  if (uses.major === undefined || uses.major < 4) return undefined;
  const { path, startLine } = cache.step.span;
  return {
    path,
    line: startLine,
    what: 'uses',
    apply: text => setStepUses(text, startLine, SETUP_GO_WITH_ARCH),
  };
}

/**
 * `ci-key-os-arch`: keys shared by jobs on different platforms get the platform
 * (`runner.os`, `runner.arch`) in front; setup-go releases keying on the OS only move to
 * `@v5`.
 */
export function fixKeyOsArch(
  ctx: RuleContext,
  outcome: RuleOutcome,
): FixProposal | undefined {
  const model = ctx.workflows;
  const keyed = goCacheKeys(model);
  const colliding = new Set(
    findCollisions(keyed).flatMap(c => c.entries.map(e => e.cache)),
  );
  const groups = byStep(keyed).filter(([{ cache }]) => colliding.has(cache));
  const setupGo = setupGoCaches(model).filter(
    ({ cache }) => !cache.keyHas.arch && isBlamed(outcome, cache.step.span),
  );
  if (!groups.length && !setupGo.length) return undefined;
  const upgrades = setupGo.map(({ cache }) => upgradeSetupGo(cache));
  if (upgrades.some(u => !u)) return undefined;
  const rewritten = rewriteKeys(ctx, groups, upgrades as StepChange[]);
  if (!rewritten) return undefined;
  const sentences = [
    'Jobs on different operating systems or CPU architectures wrote the same cache key, so one platform restored modules or build output made for another.',
  ];
  if (groups.length) {
    sentences.push(
      `The key now starts with \`\${{ runner.os }}-\${{ runner.arch }}\`, so each platform keeps its own entry. ${describeNewKeys(
        rewritten.keys,
      )}`,
    );
  }
  if (setupGo.length) {
    sentences.push(
      `setup-go moves to \`${SETUP_GO_WITH_ARCH}\`: from v5.1.0 its built-in key holds the architecture.`,
    );
  }
  return {
    title: 'Keep Go cache entries apart per OS and architecture',
    description: sentences.join(' '),
    edits: rewritten.edits,
  };
}
