import { performance } from 'node:perf_hooks';
import { RuleContext } from '../engine/RuleContext';
import { BUILT_IN_RULES } from '../engine/registry';
import { verifiedProposal } from '../fixes/suggestFix';
import { BenchRepository } from './generateSnapshots';

export interface PhaseCost {
  phase: string;
  /** Mean milliseconds per repository. */
  meanMs: number;
}

const MODELS: ReadonlyArray<[string, (c: RuleContext) => unknown]> = [
  ['model: go', c => c.go],
  ['model: workflows', c => c.workflows],
  ['model: docker', c => c.docker],
];

/**
 * Where a scan's time goes: each model built once (as the engine shares it), then each rule
 * on the built models. A second pass over the corpus, so it does not disturb the timings.
 */
export function measureBreakdown(
  corpus: readonly BenchRepository[],
): PhaseCost[] {
  const totals = new Map<string, number>();
  const add = (phase: string, ms: number) =>
    totals.set(phase, (totals.get(phase) ?? 0) + ms);
  for (const { snapshot } of corpus) {
    const context = new RuleContext(snapshot, {
      privateModules: ['github.com/acme/*'],
    });
    for (const [phase, build] of MODELS) {
      const started = performance.now();
      try {
        build(context);
      } catch {
        // The scan reports model failures through the rules; here only the time counts.
      }
      add(phase, performance.now() - started);
    }
    for (const rule of BUILT_IN_RULES) {
      const started = performance.now();
      let outcome;
      try {
        outcome = rule.evaluate(context);
      } catch {
        // As above.
      }
      add(`rule: ${rule.id}`, performance.now() - started);
      if (!outcome || !rule.fix) continue;
      // Proposing and verifying (a rescan of the patched snapshot by the rule).
      const fixStarted = performance.now();
      verifiedProposal(rule, context, outcome);
      add(`fix: ${rule.id}`, performance.now() - fixStarted);
    }
  }
  return [...totals]
    .map(([phase, total]) => ({
      phase,
      meanMs: total / Math.max(1, corpus.length),
    }))
    .sort((a, b) => b.meanMs - a.meanMs);
}
