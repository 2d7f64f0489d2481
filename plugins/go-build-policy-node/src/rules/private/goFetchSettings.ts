/*
 * How Go decides, for one module path, whether to ask a proxy and the checksum database,
 * following cmd/go/internal/cfg and modfetch: a non-empty OS environment variable wins over
 * Go's env file (`go env -w`); GONOPROXY and GONOSUMDB default to GOPRIVATE only when they
 * are empty; GOPROXY defaults to `https://proxy.golang.org,direct`; `GOSUMDB=off` turns the
 * checksum database off for every module.
 */
import { FindingLocation } from '@go-build-policy/plugin-go-build-policy-common';
import {
  compileModuleGlob,
  splitModulePatterns,
} from '../../model/go/goprivate';
import { GoFetchVariable } from './scriptFacts';

/** One place that sets a variable, and what it sets. */
export interface GoSetting {
  name: GoFetchVariable;
  value: string;
  /** The value holds something the scan cannot know (`${{ vars.X }}`, `$VAR`, a build arg). */
  dynamic: boolean;
  /** Where the value comes from, for messages: `workflow env`, `go env -w`, `Dockerfile ENV`… */
  source: string;
  location: FindingLocation;
}

/** The setting in effect for each variable at one point (absent: unset). */
export type GoSettings = Partial<Record<GoFetchVariable, GoSetting>>;

/**
 * The settings in effect, from OS-environment layers (lowest precedence first, later
 * entries of a layer win) and `go env -w` writes (in order).
 */
export function resolveSettings(
  osLayers: GoSetting[][],
  envFile: GoSetting[],
): GoSettings {
  const fromOs: GoSettings = {};
  for (const layer of osLayers) for (const s of layer) fromOs[s.name] = s;
  const fromFile: GoSettings = {};
  for (const s of envFile) fromFile[s.name] = s;
  const result: GoSettings = {};
  for (const name of new Set([
    ...Object.keys(fromOs),
    ...Object.keys(fromFile),
  ]) as Set<GoFetchVariable>) {
    const os = fromOs[name];
    // Go's Getenv: an OS value wins only when non-empty.
    const chosen = os && os.value !== '' ? os : fromFile[name] ?? os;
    if (chosen && chosen.value !== '') result[name] = chosen;
  }
  return result;
}

export type PatternMatch = 'match' | 'no-match' | 'unknown';

/** Whether a GOPRIVATE-style value matches a module path; unknown when only dynamic globs could. */
export function matchSetting(
  setting: GoSetting | undefined,
  modulePath: string,
): PatternMatch {
  if (!setting) return 'no-match';
  const globs = compiledGlobsOf(setting);
  if (globs.written.some(matches => matches(modulePath))) return 'match';
  return setting.dynamic && globs.anyDynamic ? 'unknown' : 'no-match';
}

/** A setting's globs read once: the rules match it against every private module path. */
const compiledGlobs = new WeakMap<
  GoSetting,
  { written: Array<(modulePath: string) => boolean>; anyDynamic: boolean }
>();

function compiledGlobsOf(setting: GoSetting) {
  let compiled = compiledGlobs.get(setting);
  if (!compiled) {
    const globs = splitModulePatterns(setting.value);
    compiled = {
      written: globs.filter(g => !g.includes('$')).map(compileModuleGlob),
      anyDynamic: globs.some(g => g.includes('$')),
    };
    compiledGlobs.set(setting, compiled);
  }
  return compiled;
}

/** Globs written with spaces around them: Go compares them as written, so they never match. */
export function spacedGlobs(setting: GoSetting | undefined): string[] {
  if (!setting) return [];
  return splitModulePatterns(setting.value).filter(
    g => g.trim() !== g && g.trim() !== '',
  );
}

/** GONOPROXY in effect (GOPRIVATE when GONOPROXY is empty). */
export function noProxySetting(settings: GoSettings): GoSetting | undefined {
  return settings.GONOPROXY ?? settings.GOPRIVATE;
}

/** GONOSUMDB in effect (GOPRIVATE when GONOSUMDB is empty). */
export function noSumDbSetting(settings: GoSettings): GoSetting | undefined {
  return settings.GONOSUMDB ?? settings.GOPRIVATE;
}

/** Public module mirrors: a private module path sent there leaks, and is not found. */
const PUBLIC_PROXY_HOSTS = new Set([
  'proxy.golang.org',
  'goproxy.io',
  'goproxy.cn',
  'proxy.golang.com.cn',
  'mirrors.aliyun.com',
  'mirrors.tencent.com',
  'goproxy.baidu.com',
  'gocenter.io',
]);

/** What GOPROXY does with a module Go does not exempt. */
export type ProxyUse =
  | { kind: 'public'; setting?: GoSetting }
  | { kind: 'private'; setting: GoSetting; urls: string[] }
  | { kind: 'no-proxy'; setting: GoSetting }
  | { kind: 'unknown'; setting: GoSetting };

export function proxyUse(settings: GoSettings): ProxyUse {
  const setting = settings.GOPROXY;
  if (!setting) return { kind: 'public' };
  const entries = setting.value
    .split(/[,|]/)
    .map(e => e.trim())
    .filter(Boolean);
  // A secret in the userinfo (`https://u:${{ secrets.T }}@host`) still leaves the host known.
  if (entries.some(e => e.replace(/^([a-z]+:\/\/)[^/]*@/i, '$1').includes('$')))
    return { kind: 'unknown', setting };
  const urls = entries.filter(e => e !== 'direct' && e !== 'off');
  if (urls.some(u => PUBLIC_PROXY_HOSTS.has(proxyHost(u))))
    return { kind: 'public', setting };
  return urls.length
    ? { kind: 'private', setting, urls }
    : { kind: 'no-proxy', setting };
}

function proxyHost(url: string): string {
  const rest = url.replace(/^[a-z]+:\/\//i, '');
  const authority = rest.split('/')[0];
  return authority
    .slice(authority.lastIndexOf('@') + 1)
    .split(':')[0]
    .toLowerCase();
}

/** How one module is fetched and verified at one point. */
export interface ModulePrivacy {
  /** Not sent to a public proxy: exempt by GONOPROXY/GOPRIVATE, or GOPROXY has no public mirror. */
  proxy: 'exempt' | 'private-proxy' | 'no-proxy' | 'public' | 'unknown';
  /** Not looked up in the checksum database: exempt by GONOSUMDB/GOPRIVATE, or GOSUMDB=off. */
  sumdb: 'exempt' | 'off' | 'checked' | 'unknown';
  /** The settings that decided it. */
  evidence: GoSetting[];
}

export function modulePrivacy(
  settings: GoSettings,
  modulePath: string,
): ModulePrivacy {
  const evidence: GoSetting[] = [];
  const noProxy = noProxySetting(settings);
  const noProxyMatch = matchSetting(noProxy, modulePath);
  let proxy: ModulePrivacy['proxy'];
  if (noProxyMatch === 'match') {
    proxy = 'exempt';
    evidence.push(noProxy!);
  } else {
    const use = proxyUse(settings);
    if (use.setting) evidence.push(use.setting);
    if (use.kind === 'private') proxy = 'private-proxy';
    else if (use.kind === 'no-proxy') proxy = 'no-proxy';
    else if (use.kind === 'unknown' || noProxyMatch === 'unknown')
      proxy = 'unknown';
    else proxy = 'public';
  }
  const noSumDb = noSumDbSetting(settings);
  const noSumDbMatch = matchSetting(noSumDb, modulePath);
  let sumdb: ModulePrivacy['sumdb'];
  if (noSumDbMatch === 'match') {
    sumdb = 'exempt';
    if (!evidence.includes(noSumDb!)) evidence.push(noSumDb!);
  } else if (
    settings.GOSUMDB &&
    !settings.GOSUMDB.dynamic &&
    settings.GOSUMDB.value.trim() === 'off'
  ) {
    sumdb = 'off';
    evidence.push(settings.GOSUMDB);
  } else if (noSumDbMatch === 'unknown' || settings.GOSUMDB?.dynamic) {
    sumdb = 'unknown';
  } else {
    sumdb = 'checked';
  }
  return { proxy, sumdb, evidence };
}

/** Whether the module stays away from public services at this point (undefined: cannot tell). */
export function staysPrivate(privacy: ModulePrivacy): boolean | undefined {
  const proxyOk = privacy.proxy !== 'public' && privacy.proxy !== 'unknown';
  const sumOk = privacy.sumdb === 'exempt' || privacy.sumdb === 'off';
  if (proxyOk && sumOk) return true;
  if (privacy.proxy === 'public' || privacy.sumdb === 'checked') return false;
  return undefined;
}

/** What goes wrong for a module, as a verb phrase ("is sent to the public proxy"). */
export function describeLeak(privacy: ModulePrivacy): string {
  const proxy = privacy.proxy === 'public';
  const sumdb = privacy.sumdb === 'checked';
  if (proxy && sumdb)
    return 'is sent to the public proxy and checksum database';
  if (proxy) return 'is sent to the public proxy';
  if (sumdb) return 'is looked up in the public checksum database';
  return 'may reach public services';
}
