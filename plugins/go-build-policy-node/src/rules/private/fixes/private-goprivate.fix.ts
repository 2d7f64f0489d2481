/*
 * Fix for private-goprivate: every point that sends a private module to the public proxy
 * or checksum database gets the private patterns, in the setting that decides there
 * (extended in place: env entry, `go env -w`, Dockerfile ENV/ARG, GONOPROXY/GONOSUMDB when
 * they replace GOPRIVATE), or, where nothing is set, a new GOPRIVATE: the workflow's `env`
 * (a job's when the workflow's jobs differ) or an `ENV` before the stage's first download.
 */
import { RuleContext } from '../../../engine/RuleContext';
import { FixProposal } from '../../../fixes/types';
import { DownloadEnvironment, DownloadPoint } from '../environments';
import {
  GoSetting,
  modulePrivacy,
  noProxySetting,
  noSumDbSetting,
  staysPrivate,
} from '../goFetchSettings';
import { distinctPaths } from '../privateRequirements';
import { privateScope } from '../privateScope';
import { code, listOf } from '../remediation';
import { FixPlan, settingKey } from './fixPlan';
import {
  appendGlobs,
  minimalPatterns,
  missingPatterns,
  unionOfGlobs,
} from './patterns';

/** The points the rule judges: none after a full `go mod download` that keeps every path private. */
function judgedPoints(
  environment: DownloadEnvironment,
  paths: string[],
): DownloadPoint[] {
  const result: DownloadPoint[] = [];
  for (const point of environment.points) {
    result.push(point);
    const covered = paths.every(p =>
      staysPrivate(modulePrivacy(point.settings, p)),
    );
    if (point.downloadsAll && covered) break;
  }
  return result;
}

/** GOPRIVATE for an environment with none in effect: the patterns, plus globs it writes elsewhere. */
function newValue(
  environment: DownloadEnvironment,
  patterns: string[],
): string {
  const written = environment.settingsWritten
    .filter(s => s.name === 'GOPRIVATE' && !s.dynamic)
    .map(s => s.value);
  return unionOfGlobs([patterns.join(','), ...written]).join(',');
}

export function proposeGoprivateFix(ctx: RuleContext): FixProposal | undefined {
  const scope = privateScope(ctx);
  if (scope.kind === 'decided') return undefined;
  const paths = distinctPaths(scope.requirements);
  const patterns = minimalPatterns(scope.scan.patterns, paths);
  if (!patterns.length) return undefined;
  const plan = new FixPlan(ctx);
  const toExtend = new Map<
    string,
    { setting: GoSetting; paths: Set<string> }
  >();
  const needs = (
    setting: GoSetting | undefined,
    env: DownloadEnvironment,
    path: string,
  ) => {
    if (!setting) {
      plan.add(env, 'GOPRIVATE', newValue(env, patterns));
    } else if (setting.dynamic) {
      plan.abandon();
    } else {
      const key = settingKey(setting);
      const entry = toExtend.get(key) ?? { setting, paths: new Set<string>() };
      toExtend.set(key, entry);
      entry.paths.add(path);
    }
  };
  for (const environment of scope.environments) {
    for (const point of judgedPoints(environment, paths)) {
      for (const path of paths) {
        const privacy = modulePrivacy(point.settings, path);
        if (staysPrivate(privacy) !== false) continue;
        if (privacy.proxy === 'public')
          needs(noProxySetting(point.settings), environment, path);
        if (privacy.sumdb === 'checked')
          needs(noSumDbSetting(point.settings), environment, path);
      }
    }
  }
  for (const { setting, paths: missed } of toExtend.values()) {
    const added = missingPatterns(setting.value, [...missed], patterns);
    plan.rewrite(setting, appendGlobs(setting.value, added));
  }
  const list = patterns.map(code);
  return plan.proposal(
    'Set GOPRIVATE for private modules wherever modules are downloaded',
    `Private module${paths.length > 1 ? 's' : ''} ${listOf(
      paths.map(code),
      5,
    )} ${
      paths.length > 1 ? 'were' : 'was'
    } sent to the public proxy or checksum database in some builds. This sets the configured private pattern${
      list.length > 1 ? 's' : ''
    } ${listOf(
      list,
      5,
    )} (the fewest that match every private requirement of go.mod) in each of them, keeping the patterns already written:`,
    [...toExtend.values()].some(e => e.setting.name !== 'GOPRIVATE')
      ? 'GONOPROXY and GONOSUMDB replace GOPRIVATE where they are set, so they are extended too.'
      : undefined,
  );
}
