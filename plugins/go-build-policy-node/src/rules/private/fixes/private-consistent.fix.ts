/*
 * Fix for private-consistent: every environment that downloads modules gets the same
 * GOPRIVATE family value, the union of the values written (less globs that exempt every
 * module, or all of a public host) plus the private patterns any requirement still needs.
 * Each setting in effect is rewritten in place; environments with none get GOPRIVATE.
 */
import { RuleContext } from '../../../engine/RuleContext';
import { FixProposal } from '../../../fixes/types';
import { splitModulePatterns } from '../../../model/go';
import { downloadEnvironments } from '../environments';
import { GoSetting, noProxySetting, noSumDbSetting } from '../goFetchSettings';
import { distinctPaths, findPrivateRequirements } from '../privateRequirements';
import { code, listOf } from '../remediation';
import { FixPlan } from './fixPlan';
import {
  isTooBroad,
  minimalPatterns,
  missingPatterns,
  unionOfGlobs,
  valueWithGlobs,
} from './patterns';

function sameGlobs(value: string, target: readonly string[]): boolean {
  const globs = new Set(splitModulePatterns(value).map(g => g.trim()));
  return globs.size === target.length && target.every(g => globs.has(g));
}

export function proposeConsistentFix(
  ctx: RuleContext,
): FixProposal | undefined {
  const scan = findPrivateRequirements(ctx);
  const paths = distinctPaths(scan.requirements);
  const meanings = downloadEnvironments(ctx).map(environment => {
    const settings = environment.points[0].settings;
    return {
      environment,
      noProxy: noProxySetting(settings),
      noSumDb: noSumDbSetting(settings),
    };
  });
  // Values the scan cannot read are not compared by the rule: leave them as they are.
  const known = meanings.filter(
    m => !m.noProxy?.dynamic && !m.noSumDb?.dynamic,
  );
  const written = [
    ...new Set(
      known
        .flatMap(m => [m.noProxy, m.noSumDb])
        .filter((s): s is GoSetting => !!s),
    ),
  ].map(s => s.value);
  const union = unionOfGlobs(written).filter(g => !isTooBroad(g));
  const needed = missingPatterns(
    union.join(','),
    paths,
    minimalPatterns(scan.patterns, paths),
  );
  const target = [...union, ...needed];
  if (!target.length) return undefined;
  const value = target.join(',');
  const plan = new FixPlan(ctx);
  for (const { environment, noProxy, noSumDb } of known) {
    if (!noProxy || !noSumDb) plan.add(environment, 'GOPRIVATE', value);
    for (const setting of new Set([noProxy, noSumDb])) {
      if (setting && !sameGlobs(setting.value, target))
        plan.rewrite(setting, valueWithGlobs(setting.value, target));
    }
  }
  const sources = [...new Set(written)].map(code);
  return plan.proposal(
    'Use the same GOPRIVATE in every workflow and Dockerfile',
    [
      `CI and image builds treated private modules differently. Every environment that downloads modules now uses ${code(
        value,
      )}: the union of the values found (${
        sources.length ? listOf(sources, 5) : 'none'
      })${
        needed.length
          ? `, plus ${listOf(
              needed.map(code),
            )} for private requirements none of them matched`
          : ''
      }, so that no build loses a private prefix another one had.`,
      union.length < unionOfGlobs(written).length
        ? 'Globs that exempt every module, or every module of a public host, are left out: they would turn checksum verification off for public modules.'
        : '',
    ]
      .filter(Boolean)
      .join(' '),
  );
}
