/*
 * Fix for private-no-checksum-bypass: `GOSUMDB=off`, `GOINSECURE` and `-insecure` go;
 * GONOSUMDB/GOPRIVATE globs that match every module (or a whole public host) are narrowed
 * to the configured private patterns they cover. Where `GOSUMDB=off` was what kept a
 * private module out of the checksum database, it becomes `GONOSUMDB=<private patterns>`
 * instead, so private-goprivate does not start failing.
 */
import { RuleContext } from '../../../engine/RuleContext';
import { FixProposal } from '../../../fixes/types';
import { globMatchesModule, splitModulePatterns } from '../../../model/go';
import { downloadEnvironments } from '../environments';
import { GoSetting, matchSetting, noSumDbSetting } from '../goFetchSettings';
import { distinctPaths, findPrivateRequirements } from '../privateRequirements';
import { code, listOf } from '../remediation';
import { writtenSettings } from '../writtenSettings';
import { FixPlan, settingKey } from './fixPlan';
import { isTooBroad, minimalPatterns, unionOfGlobs } from './patterns';

const INSECURE_FLAG = /^--?insecure(?:=(?:true|1|t))?$/i;

/**
 * The globs of a GOPRIVATE/GONOSUMDB value with each too-broad glob replaced by the private
 * patterns it covers; undefined when nothing is too broad. A broad glob covering no
 * private pattern simply goes: it exempted only other people's modules.
 */
function narrowed(value: string, patterns: string[]): string[] | undefined {
  const globs = splitModulePatterns(value).map(g => g.trim());
  if (!globs.some(isTooBroad)) return undefined;
  return unionOfGlobs(
    globs.map(g =>
      isTooBroad(g)
        ? patterns.filter(p => globMatchesModule(g, p)).join(',')
        : g,
    ),
  );
}

/** Whether the private modules stay out of the checksum database without this GOSUMDB=off. */
function offIsRedundant(ctx: RuleContext, setting: GoSetting, paths: string[]) {
  const key = settingKey(setting);
  for (const environment of downloadEnvironments(ctx)) {
    for (const point of environment.points) {
      const s = point.settings;
      if (!s.GOSUMDB || settingKey(s.GOSUMDB) !== key) continue;
      const exempt = noSumDbSetting(s);
      if (paths.some(p => matchSetting(exempt, p) !== 'match'))
        return {
          redundant: false,
          replacedBy: s.GONOSUMDB,
          privateValue: s.GOPRIVATE,
        };
    }
  }
  return { redundant: true };
}

function removeInsecureArgument(
  plan: FixPlan,
  location: GoSetting['location'],
) {
  const patch = plan.patches.patch(location.path);
  const flag = /(\s)--?insecure(?:=(?:true|1|t))?(?=\s|$|;|&|\|)/gi;
  const lines: number[] = [];
  for (let n = location.startLine; n <= location.endLine; n++)
    if ((patch?.line(n)?.match(flag) ?? []).length) lines.push(n);
  if (!patch || lines.length !== 1) {
    plan.abandon();
    return;
  }
  patch.editLine(lines[0], text => text.replace(flag, ''));
  plan.note(
    `${code(
      `${location.path}:${lines[0]}`,
    )}: \`-insecure\` removed from the go command`,
  );
}

export function proposeChecksumBypassFix(
  ctx: RuleContext,
): FixProposal | undefined {
  const written = writtenSettings(ctx);
  const scan = findPrivateRequirements(ctx);
  const paths = distinctPaths(scan.requirements);
  const minimal = minimalPatterns(scan.patterns, paths);
  const patterns = minimal.length ? minimal : scan.patterns;
  const plan = new FixPlan(ctx);
  for (const setting of written.settings) {
    const value = setting.value.trim();
    switch (setting.name) {
      case 'GOSUMDB': {
        if (setting.dynamic || value !== 'off') break;
        const check = offIsRedundant(ctx, setting, paths);
        if (check.redundant) {
          plan.remove(
            setting,
            paths.length
              ? 'GOPRIVATE already keeps the private modules out of the checksum database'
              : 'no private module needs it',
          );
        } else if (check.replacedBy || !patterns.length) {
          plan.abandon();
        } else {
          const inEffect = check.privateValue?.dynamic
            ? ''
            : check.privateValue?.value ?? '';
          plan.rewrite(
            setting,
            unionOfGlobs([inEffect, patterns.join(',')]).join(','),
            'GONOSUMDB',
          );
        }
        break;
      }
      case 'GOFLAGS': {
        const flags = value.split(/\s+/);
        if (setting.dynamic || !flags.some(f => INSECURE_FLAG.test(f))) break;
        const kept = flags.filter(f => !INSECURE_FLAG.test(f)).join(' ');
        if (kept) plan.rewrite(setting, kept);
        else plan.remove(setting, 'it held only `-insecure`');
        break;
      }
      case 'GOINSECURE':
        if (value)
          plan.remove(setting, 'serve private hosts over HTTPS instead');
        break;
      case 'GONOSUMDB':
      case 'GOPRIVATE': {
        if (setting.dynamic) break;
        const globs = narrowed(setting.value, patterns);
        if (!globs) break;
        if (!scan.patterns.length) plan.abandon();
        else if (globs.length) plan.rewrite(setting, globs.join(','));
        else plan.remove(setting, 'it matched no private module');
        break;
      }
      default:
        break;
    }
  }
  for (const flag of written.insecureFlags)
    removeInsecureArgument(plan, flag.location);
  return plan.proposal(
    'Keep checksum verification on for public modules',
    `Checksum verification was bypassed. This turns it back on for public modules and exempts only the private pattern${
      patterns.length === 1 ? '' : 's'
    } ${listOf(patterns.map(code), 5)}:`,
  );
}
