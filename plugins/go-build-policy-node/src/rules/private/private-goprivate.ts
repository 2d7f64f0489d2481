import { FindingLocation } from '@go-build-policy/plugin-go-build-policy-common';
import { outcome, PolicyRule, RuleOutcome } from '../../engine/Rule';
import { RuleContext } from '../../engine/RuleContext';
import { DownloadEnvironment, DownloadPoint } from './environments';
import {
  describeLeak,
  GoSetting,
  ModulePrivacy,
  modulePrivacy,
  noProxySetting,
  noSumDbSetting,
  spacedGlobs,
  staysPrivate,
} from './goFetchSettings';
import {
  distinctPaths,
  patternsInUse,
  PrivateRequirement,
} from './privateRequirements';
import { privateScope } from './privateScope';
import { proposeGoprivateFix } from './fixes/private-goprivate.fix';
import {
  code,
  describeSetting,
  goprivateSnippets,
  listOf,
  uniqueLocations,
} from './remediation';

interface Leak {
  environment: DownloadEnvironment;
  point: DownloadPoint;
  requirement: PrivateRequirement;
  privacy: ModulePrivacy;
}

/** The points of an environment that still download: none after a covered full `go mod download`. */
function pointsThatDownload(
  environment: DownloadEnvironment,
  paths: string[],
): DownloadPoint[] {
  const result: DownloadPoint[] = [];
  for (const point of environment.points) {
    result.push(point);
    if (
      point.downloadsAll &&
      paths.every(p => staysPrivate(modulePrivacy(point.settings, p)))
    )
      break;
  }
  return result;
}

/** Why a point leaks a module, naming the setting that missed it. */
function leakReason(leak: Leak): string {
  const settings = leak.point.settings;
  if (
    settings.GONOSUMDB &&
    settings.GOPRIVATE &&
    leak.privacy.sumdb === 'checked'
  ) {
    return `GONOSUMDB=${code(
      settings.GONOSUMDB.value,
    )} replaces GOPRIVATE for the checksum database`;
  }
  if (
    settings.GONOPROXY &&
    settings.GOPRIVATE &&
    leak.privacy.proxy === 'public'
  ) {
    return `GONOPROXY=${code(
      settings.GONOPROXY.value,
    )} replaces GOPRIVATE for the proxy`;
  }
  const missed =
    (leak.privacy.sumdb === 'checked' ? noSumDbSetting(settings) : undefined) ??
    noProxySetting(settings);
  return missed
    ? `${describeSetting(missed)} does not match it`
    : 'no GOPRIVATE is set';
}

function settingLocations(point: DownloadPoint): FindingLocation[] {
  const s = point.settings;
  return [s.GOPRIVATE, s.GONOPROXY, s.GONOSUMDB]
    .filter((x): x is GoSetting => !!x)
    .map(x => x.location);
}

function evaluate(ctx: RuleContext): RuleOutcome {
  const scope = privateScope(ctx);
  if (scope.kind === 'decided') return scope.outcome;
  const { scan, requirements, environments } = scope;
  const paths = distinctPaths(requirements);
  const leaks: Leak[] = [];
  const unknown: string[] = [];
  const evidence: FindingLocation[] = [];
  const notes = [...scope.notes];
  for (const environment of environments) {
    for (const point of pointsThatDownload(environment, paths)) {
      for (const requirement of requirements) {
        const privacy = modulePrivacy(point.settings, requirement.path);
        const verdict = staysPrivate(privacy);
        if (verdict === false)
          leaks.push({ environment, point, requirement, privacy });
        else if (verdict === undefined)
          unknown.push(`${point.what} in ${environment.label}`);
        else evidence.push(...privacy.evidence.map(e => e.location));
      }
      for (const glob of [
        ...spacedGlobs(point.settings.GOPRIVATE),
        ...spacedGlobs(point.settings.GONOSUMDB),
      ]) {
        notes.push(
          `The pattern ${code(glob)} (${
            environment.label
          }) has spaces around it: Go compares it as written and never matches it.`,
        );
      }
    }
  }
  if (unknown.length) {
    notes.push(
      `Settings the scan cannot read (an expression or build argument) decide for ${listOf(
        [...new Set(unknown)],
      )}.`,
    );
  }
  const uniqueNotes = [...new Set(notes)];
  const patterns = patternsInUse(scan);
  if (leaks.length) {
    const byEnvironment = new Map<DownloadEnvironment, Leak>();
    for (const leak of leaks)
      if (!byEnvironment.has(leak.environment))
        byEnvironment.set(leak.environment, leak);
    const firsts = [...byEnvironment.values()];
    const modules = [...new Set(leaks.map(l => l.requirement.path))];
    const details = firsts
      .slice(0, 3)
      .map(
        l =>
          `in ${l.environment.label} (${l.point.what}), ${code(
            l.requirement.path,
          )} ${describeLeak(l.privacy)} (${leakReason(l)})`,
      );
    return outcome.fail(
      `Private module${modules.length > 1 ? 's' : ''} ${listOf(
        modules.map(code),
      )} ${
        modules.length > 1 ? 'are' : 'is'
      } not covered by GOPRIVATE everywhere modules are downloaded: ${details.join(
        '; ',
      )}${firsts.length > 3 ? `; and ${firsts.length - 3} more` : ''}.`,
      {
        locations: uniqueLocations(
          firsts.flatMap(l => [
            l.point.location,
            ...settingLocations(l.point),
            l.requirement.location,
          ]),
        ),
        remediation: [
          `Set \`GOPRIVATE\` to the private prefixes (${listOf(
            patterns.map(code),
          )}) wherever modules are downloaded, so that Go fetches them directly with your credentials and never asks proxy.golang.org or sum.golang.org about them. \`go env -w\` works too, but a non-empty \`GOPRIVATE\` in the environment overrides it.`,
          '',
          goprivateSnippets(
            firsts.map(l => ({
              environment: l.environment,
              settings: l.point.settings,
            })),
            patterns,
          ),
          '',
          'If you also set `GONOPROXY` or `GONOSUMDB`, they replace `GOPRIVATE` for the proxy or the checksum database: include the same prefixes in them.',
        ].join('\n'),
        notes: uniqueNotes.length ? uniqueNotes : undefined,
      },
    );
  }
  if (!evidence.length) {
    return outcome.error(
      `Could not evaluate how private modules are fetched: ${uniqueNotes.join(
        ' ',
      )}`,
      {
        locations: uniqueLocations(
          environments.flatMap(e => e.points.map(p => p.location)),
        ),
      },
    );
  }
  return outcome.pass(
    `Every environment that downloads modules (${listOf(
      environments.map(e => e.label),
    )}) keeps ${listOf(
      paths.map(code),
    )} away from the public proxy and checksum database.`,
    {
      locations: uniqueLocations(evidence),
      notes: uniqueNotes.length ? uniqueNotes : undefined,
    },
  );
}

export const privateGoprivateRule: PolicyRule = {
  id: 'private-goprivate',
  evaluate,
  fix: proposeGoprivateFix,
};
