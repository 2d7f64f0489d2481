import { FindingLocation } from '@go-build-policy/plugin-go-build-policy-common';
import { outcome, PolicyRule, RuleOutcome } from '../../engine/Rule';
import { RuleContext } from '../../engine/RuleContext';
import { splitModulePatterns } from '../../model/go';
import { DownloadEnvironment, downloadEnvironments } from './environments';
import {
  GoSetting,
  GoSettings,
  matchSetting,
  noProxySetting,
  noSumDbSetting,
} from './goFetchSettings';
import { findPrivateRequirements, patternsInUse } from './privateRequirements';
import { proposeConsistentFix } from './fixes/private-consistent.fix';
import {
  code,
  goprivateSnippets,
  listOf,
  uniqueLocations,
} from './remediation';

/** What the GOPRIVATE family means where an environment starts downloading. */
interface Meaning {
  environment: DownloadEnvironment;
  settings: GoSettings;
  noProxy?: GoSetting;
  noSumDb?: GoSetting;
  /** Equal keys mean equal settings (globs compared as sets). */
  key: string;
  known: boolean;
}

function normalized(setting: GoSetting | undefined): string {
  if (!setting) return 'unset';
  if (setting.dynamic) return `expr:${setting.value}`;
  return [...new Set(splitModulePatterns(setting.value).map(g => g.trim()))]
    .sort()
    .join(',');
}

function meaningOf(environment: DownloadEnvironment): Meaning {
  const settings = environment.points[0].settings;
  const noProxy = noProxySetting(settings);
  const noSumDb = noSumDbSetting(settings);
  return {
    environment,
    settings,
    noProxy,
    noSumDb,
    key: `${normalized(noProxy)}|${normalized(noSumDb)}`,
    known: !noProxy?.dynamic && !noSumDb?.dynamic,
  };
}

function describe(meaning: Meaning): string {
  const { noProxy, noSumDb } = meaning;
  if (!noProxy && !noSumDb) return 'no GOPRIVATE';
  if (noProxy === noSumDb) return `${noProxy!.name}=${code(noProxy!.value)}`;
  const part = (name: string, s?: GoSetting) =>
    s
      ? `${s.name === 'GOPRIVATE' ? `${name} from GOPRIVATE` : name}=${code(
          s.value,
        )}`
      : `no ${name}`;
  return `${part('GONOPROXY', noProxy)}, ${part('GONOSUMDB', noSumDb)}`;
}

/** Whether two meanings treat every module path of the repository alike. */
function sameOnPaths(a: Meaning, b: Meaning, paths: string[]): boolean {
  return paths.every(
    p =>
      matchSetting(a.noProxy, p) === matchSetting(b.noProxy, p) &&
      matchSetting(a.noSumDb, p) === matchSetting(b.noSumDb, p),
  );
}

function locationsOf(meaning: Meaning): FindingLocation[] {
  const settings = [meaning.noProxy, meaning.noSumDb].filter(
    (s): s is GoSetting => !!s,
  );
  return settings.length
    ? settings.map(s => s.location)
    : [meaning.environment.points[0].location];
}

function evaluate(ctx: RuleContext): RuleOutcome {
  const scan = findPrivateRequirements(ctx);
  const environments = downloadEnvironments(ctx);
  const meanings = environments.map(meaningOf);
  const anySet = meanings.some(m => m.noProxy || m.noSumDb);
  if (!scan.requirements.length && !anySet) {
    return outcome.notApplicable(
      'No private module is required and no environment sets GOPRIVATE, GONOPROXY or GONOSUMDB.',
    );
  }
  if (!meanings.length) {
    return outcome.notApplicable(
      'No Go job and no Dockerfile stage downloads modules: there is nothing to compare.',
    );
  }
  const groups = new Map<string, Meaning[]>();
  for (const m of meanings)
    groups.set(m.key, [...(groups.get(m.key) ?? []), m]);
  const representatives = [...groups.values()].map(g => g[0]);
  const paths = [
    ...new Set([
      ...ctx.go.modules.flatMap(m => m.requiredPaths),
      ...scan.requirements.map(r => r.path),
    ]),
  ];
  const known = representatives.filter(m => m.known);
  const distinct = known.filter(
    (m, i) => known.findIndex(o => sameOnPaths(o, m, paths)) === i,
  );
  const notes: string[] = [];
  if (known.length > distinct.length) {
    notes.push(
      `Written differently (${listOf(
        known.map(describe),
      )}) but equal for every module this repository requires.`,
    );
  }
  if (representatives.length > known.length) {
    notes.push(
      `Values the scan cannot see are not compared: ${listOf(
        representatives
          .filter(m => !m.known)
          .map(m => `${describe(m)} in ${m.environment.label}`),
      )}.`,
    );
  }
  const label = (m: Meaning) =>
    listOf(
      groups.get(m.key)!.map(g => g.environment.label),
      2,
    );
  if (distinct.length <= 1) {
    const only =
      meanings.length === 1 ? ' (only one environment downloads modules)' : '';
    return outcome.pass(
      `The GOPRIVATE family means the same in every environment that downloads modules${only}: ${listOf(
        known.length ? [describe(distinct[0])] : representatives.map(describe),
      )} in ${listOf(meanings.map(m => m.environment.label))}.`,
      {
        locations: uniqueLocations(meanings.flatMap(locationsOf)),
        notes: notes.length ? notes : undefined,
      },
    );
  }
  const patterns = scan.requirements.length
    ? patternsInUse(scan)
    : splitModulePatterns(distinct.find(m => m.noProxy)?.noProxy?.value ?? '');
  const target = [...patterns].sort().join(',');
  const others = meanings.filter(
    m => m.noProxy !== m.noSumDb || normalized(m.noProxy) !== target,
  );
  return outcome.fail(
    `CI and image builds disagree on private modules: ${distinct
      .map(m => `${describe(m)} in ${label(m)}`)
      .join('; ')}.`,
    {
      locations: uniqueLocations(distinct.flatMap(locationsOf)),
      remediation: [
        `Give every workflow and Dockerfile that downloads modules the same setting, \`GOPRIVATE=${patterns.join(
          ',',
        )}\`, so that a module private in CI is private in the image too:`,
        '',
        goprivateSnippets(
          others.map(m => ({
            environment: m.environment,
            settings: m.settings,
          })),
          patterns,
          true,
        ),
      ].join('\n'),
      notes: notes.length ? notes : undefined,
    },
  );
}

export const privateConsistentRule: PolicyRule = {
  id: 'private-consistent',
  evaluate,
  fix: proposeConsistentFix,
};
