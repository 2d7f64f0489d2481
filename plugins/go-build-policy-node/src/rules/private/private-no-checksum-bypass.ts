import { FindingLocation } from '@go-build-policy/plugin-go-build-policy-common';
import { outcome, PolicyRule, RuleOutcome } from '../../engine/Rule';
import { RuleContext } from '../../engine/RuleContext';
import { globsMatchingEverything, splitModulePatterns } from '../../model/go';
import { GoSetting } from './goFetchSettings';
import { publicHostGlob } from './publicHosts';
import { findPrivateRequirements, patternsInUse } from './privateRequirements';
import { code, describeSetting, listOf, uniqueLocations } from './remediation';
import { writtenSettings } from './writtenSettings';
import { proposeChecksumBypassFix } from './fixes/private-no-checksum-bypass.fix';

interface Bypass {
  setting?: GoSetting;
  location: FindingLocation;
  problem: string;
  fix: string;
  severity: 'fail' | 'warn';
}

function insecureFlag(value: string): boolean {
  return value
    .split(/\s+/)
    .some(f => /^--?insecure(?:=(?:true|1|t))?$/i.test(f));
}

function bypassesOf(setting: GoSetting, privatePatterns: string): Bypass[] {
  const { name, value } = setting;
  const base = { setting, location: setting.location };
  if (setting.dynamic && name !== 'GOINSECURE') return [];
  switch (name) {
    case 'GOSUMDB':
      return value.trim() === 'off'
        ? [
            {
              ...base,
              severity: 'fail',
              problem: 'turns checksum verification off for every module',
              fix: `Remove \`GOSUMDB=off\`; to keep private modules out of the checksum database, list them instead: \`GONOSUMDB=${privatePatterns}\` (or GOPRIVATE).`,
            },
          ]
        : [];
    case 'GOFLAGS':
      return insecureFlag(value)
        ? [
            {
              ...base,
              severity: 'fail',
              problem:
                'asks for insecure fetches without checksum verification (older Go releases honour it; current ones reject `-insecure` in `go get`)',
              fix: 'Remove `-insecure` from GOFLAGS; use GOPRIVATE for private modules.',
            },
          ]
        : [];
    case 'GOINSECURE':
      return value.trim()
        ? [
            {
              ...base,
              severity: 'fail',
              problem:
                'lets Go fetch matching modules over plain HTTP or without certificate checks',
              fix: 'Remove GOINSECURE and serve the private host over HTTPS with a trusted certificate.',
            },
          ]
        : [];
    case 'GONOSUMDB':
    case 'GOPRIVATE': {
      const everything = globsMatchingEverything(value);
      if (everything.length) {
        return [
          {
            ...base,
            severity: 'fail',
            problem: `matches every module (${listOf(
              everything.map(code),
            )}), so no module is checked against the checksum database`,
            fix: `List only the private prefixes: \`${name}=${privatePatterns}\`.`,
          },
        ];
      }
      return splitModulePatterns(value).flatMap(glob => {
        const host = publicHostGlob(glob.trim());
        return host
          ? [
              {
                ...base,
                severity: 'warn' as const,
                problem: `covers every module on ${host} (${code(
                  glob,
                )}), public ones included`,
                fix: `Narrow ${code(
                  glob,
                )} to your organisation's prefix, for example \`${name}=${privatePatterns}\`.`,
              },
            ]
          : [];
      });
    }
    default:
      return [];
  }
}

function evaluate(ctx: RuleContext): RuleOutcome {
  const written = writtenSettings(ctx);
  const scan = findPrivateRequirements(ctx);
  const privatePatterns = scan.patterns.length
    ? patternsInUse(scan).join(',')
    : '<your private prefixes>';
  const bypasses: Bypass[] = written.settings.flatMap(s =>
    bypassesOf(s, privatePatterns),
  );
  for (const flag of written.insecureFlags) {
    bypasses.push({
      location: flag.location,
      severity: 'fail',
      problem: `${code(flag.command)} asks for an insecure fetch`,
      fix: 'Remove `-insecure`; current Go releases refuse it, and GOPRIVATE covers private modules.',
    });
  }
  const notes: string[] = written.unreadable.map(
    u => `Not read (a file that cannot be parsed cannot run either): ${u}.`,
  );
  const unknown = written.settings.filter(
    s =>
      s.dynamic &&
      ['GOSUMDB', 'GOFLAGS', 'GONOSUMDB', 'GOPRIVATE'].includes(s.name),
  );
  if (unknown.length) {
    notes.push(
      `Values the scan cannot see: ${listOf(
        unknown.map(
          s => `${s.name} at ${s.location.path}:${s.location.startLine}`,
        ),
      )}.`,
    );
  }
  const describe = (b: Bypass) =>
    b.setting ? `${describeSetting(b.setting)} ${b.problem}` : b.problem;
  const failing = bypasses.filter(b => b.severity === 'fail');
  const chosen = failing.length ? failing : bypasses;
  if (chosen.length) {
    const remediation = [
      'Keep checksum verification on for public modules, and exempt only your private prefixes:',
      '',
      ...chosen
        .slice(0, 6)
        .map(
          b =>
            `- ${
              b.setting
                ? `${b.setting.location.path}:${b.setting.location.startLine}`
                : `${b.location.path}:${b.location.startLine}`
            }: ${b.fix}`,
        ),
      '',
      '```yaml',
      'env:',
      `  GOPRIVATE: ${privatePatterns}`,
      '```',
    ].join('\n');
    const message = `Checksum verification is bypassed: ${chosen
      .slice(0, 3)
      .map(describe)
      .join('; ')}${
      chosen.length > 3 ? `; and ${chosen.length - 3} more` : ''
    }.`;
    const rest = {
      locations: uniqueLocations(chosen.map(b => b.location)),
      remediation,
      notes: notes.length ? notes : undefined,
    };
    return failing.length
      ? outcome.fail(message, rest)
      : outcome.warn(message, rest);
  }
  const scoped = written.settings.filter(
    s => s.name === 'GONOSUMDB' || s.name === 'GOPRIVATE',
  );
  const places = [
    `${written.counts.workflows} workflow${
      written.counts.workflows === 1 ? '' : 's'
    }`,
    `${written.counts.dockerfiles} Dockerfile${
      written.counts.dockerfiles === 1 ? '' : 's'
    }`,
    ...(written.counts.makefile ? ['the Makefile'] : []),
  ];
  return outcome.pass(
    `Checksum verification stays on: no GOSUMDB=off, GOINSECURE, GOFLAGS=-insecure or catch-all GONOSUMDB/GOPRIVATE in ${listOf(
      places,
    )}${
      scoped.length
        ? `; GOPRIVATE/GONOSUMDB name only specific prefixes (${listOf([
            ...new Set(scoped.map(s => code(s.value))),
          ])})`
        : ''
    }.`,
    {
      locations: uniqueLocations(scoped.map(s => s.location)),
      notes: notes.length ? notes : undefined,
    },
  );
}

export const privateNoChecksumBypassRule: PolicyRule = {
  id: 'private-no-checksum-bypass',
  evaluate,
  fix: proposeChecksumBypassFix,
};
