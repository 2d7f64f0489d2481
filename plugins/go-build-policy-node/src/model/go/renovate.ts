import { RepositorySnapshot } from '../../snapshot/RepositorySnapshot';
import { json5Entry, Json5Node, json5Strings, parseJson5 } from './json5';
import { readText } from './readText';
import { GoValueDirective, RenovateConfig } from './types';

/** Renovate's config locations, in the order it looks for them (it uses the first found). */
export const RENOVATE_LOOKUP_ORDER = [
  'renovate.json',
  'renovate.json5',
  '.github/renovate.json',
  '.github/renovate.json5',
  '.gitlab/renovate.json',
  '.gitlab/renovate.json5',
  '.renovaterc',
  '.renovaterc.json',
  '.renovaterc.json5',
  'package.json',
];

/**
 * A `packageRules` entry that switches every gomod update off: `matchManagers` with gomod
 * (and no other manager), `enabled: false`, and no other `match*`/`exclude*` condition that
 * would narrow it to some packages only.
 */
function disablingPackageRule(config: Json5Node): GoValueDirective | undefined {
  const rules = json5Entry(config, 'packageRules')?.value;
  if (rules?.kind !== 'array') return undefined;
  for (const rule of rules.items) {
    if (rule.kind !== 'object') continue;
    const managers = json5Strings(json5Entry(rule, 'matchManagers')?.value);
    const enabled = json5Entry(rule, 'enabled');
    const narrowed = rule.entries.some(
      e => /^(?:match|exclude)/.test(e.key) && e.key !== 'matchManagers',
    );
    if (
      managers.length > 0 &&
      managers.every(m => m === 'gomod') &&
      enabled?.value.kind === 'scalar' &&
      enabled.value.value === false &&
      !narrowed
    ) {
      return {
        value: 'packageRules: matchManagers ["gomod"], enabled: false',
        line: enabled.line,
      };
    }
  }
  return undefined;
}

/** What one config says about the gomod manager. */
function interpret(
  path: string,
  config: Json5Node,
  line: number,
): RenovateConfig {
  const result: RenovateConfig = {
    path,
    gomodEnabled: true,
    extends: json5Strings(json5Entry(config, 'extends')?.value),
    line,
  };
  if (config.kind !== 'object') {
    return {
      ...result,
      gomodEnabled: false,
      problem: { line, message: 'the Renovate config is not an object' },
    };
  }
  const enabled = json5Entry(config, 'enabled');
  if (enabled?.value.kind === 'scalar' && enabled.value.value === false) {
    return {
      ...result,
      gomodEnabled: false,
      disabledBy: { value: 'enabled: false', line: enabled.line },
    };
  }
  const managers = json5Entry(config, 'enabledManagers');
  const managerNames = json5Strings(managers?.value);
  if (managers && managerNames.length > 0 && !managerNames.includes('gomod')) {
    const value = `enabledManagers: [${managerNames
      .map(m => `"${m}"`)
      .join(', ')}]`;
    return {
      ...result,
      gomodEnabled: false,
      disabledBy: { value, line: managers.line },
    };
  }
  const rule = disablingPackageRule(config);
  if (rule) return { ...result, gomodEnabled: false, disabledBy: rule };
  const gomodEnabled = json5Entry(
    json5Entry(config, 'gomod')?.value,
    'enabled',
  );
  if (
    gomodEnabled?.value.kind === 'scalar' &&
    gomodEnabled.value.value === false
  ) {
    return {
      ...result,
      gomodEnabled: false,
      disabledBy: { value: 'gomod.enabled: false', line: gomodEnabled.line },
    };
  }
  return result;
}

function readOne(
  snapshot: RepositorySnapshot,
  path: string,
): RenovateConfig | undefined {
  const failed = (line: number, message: string): RenovateConfig => ({
    path,
    gomodEnabled: false,
    extends: [],
    line: Math.max(1, line),
    problem: { line, message },
  });
  const read = readText(snapshot, path);
  const parsed = read.ok ? parseJson5(read.text) : undefined;
  // A package.json that cannot be read says nothing about Renovate: it is not its config.
  if (path === 'package.json' && !parsed?.ok) return undefined;
  if (!read.ok) return failed(0, read.reason);
  if (!parsed?.ok)
    return failed(
      parsed?.line ?? 0,
      `${path} is not valid JSON5: ${parsed?.message}`,
    );
  if (path !== 'package.json') return interpret(path, parsed.value, 1);
  const key = json5Entry(parsed.value, 'renovate');
  return key ? interpret(path, key.value, key.line) : undefined;
}

/** Every Renovate config of the repository, in lookup order. */
export function readRenovateConfigs(
  snapshot: RepositorySnapshot,
  hasFile: (path: string) => boolean,
): RenovateConfig[] {
  return RENOVATE_LOOKUP_ORDER.filter(hasFile).flatMap(path => {
    const config = readOne(snapshot, path);
    return config ? [config] : [];
  });
}
