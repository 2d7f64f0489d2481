import { readFileSync, statSync } from 'node:fs';
import { parse } from 'yaml';
import {
  getRuleMetadata,
  PolicySettings,
  RuleSetting,
  Severity,
} from '@go-build-policy/plugin-go-build-policy-common';

/** Policy settings from a --config file, or every problem found in it. */
export type LoadConfigResult =
  | { ok: true; settings: PolicySettings }
  | { ok: false; errors: string[] };

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
const MAX_CONFIG_BYTES = 1024 * 1024;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Splits GOPRIVATE-style lists ("a,b") and drops empty entries, as the go command does. */
export function splitModulePatterns(value: string): string[] {
  return value
    .split(',')
    .map(p => p.trim())
    .filter(p => p.length > 0);
}

function validateRuleSetting(
  id: string,
  value: unknown,
  errors: string[],
): RuleSetting | undefined {
  const where = `rules.${id}`;
  if (!getRuleMetadata(id)) {
    errors.push(
      `${where}: unknown rule id (see the rule catalogue for the ids)`,
    );
    return undefined;
  }
  if (!isRecord(value)) {
    errors.push(`${where}: must be an object with "enabled" and/or "severity"`);
    return undefined;
  }
  const setting: RuleSetting = {};
  for (const [key, field] of Object.entries(value)) {
    if (key === 'enabled') {
      if (typeof field === 'boolean') setting.enabled = field;
      else errors.push(`${where}.enabled: must be true or false`);
    } else if (key === 'severity') {
      if (SEVERITIES.includes(field as Severity))
        setting.severity = field as Severity;
      else
        errors.push(
          `${where}.severity: must be one of ${SEVERITIES.join(', ')}`,
        );
    } else {
      errors.push(
        `${where}.${key}: unknown setting (expected enabled or severity)`,
      );
    }
  }
  return setting;
}

function validatePrivateModules(value: unknown, errors: string[]): string[] {
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || list.some(p => typeof p !== 'string')) {
    errors.push('privateModules: must be a list of module path patterns');
    return [];
  }
  return list.flatMap(p => splitModulePatterns(p as string));
}

/**
 * Checks a parsed configuration document. It holds the settings of app-config's
 * `goBuildPolicy.policy` at the top level; a whole app-config file is accepted too.
 */
export function validatePolicySettings(document: unknown): LoadConfigResult {
  const nested =
    isRecord(document) && isRecord(document.goBuildPolicy)
      ? document.goBuildPolicy.policy
      : document;
  const policy = nested ?? {};
  if (!isRecord(policy)) {
    return {
      ok: false,
      errors: ['the file must hold a mapping with rules and privateModules'],
    };
  }
  const errors: string[] = [];
  const settings: PolicySettings = {};
  for (const [key, value] of Object.entries(policy)) {
    if (key === 'rules') {
      if (!isRecord(value)) {
        errors.push('rules: must be a mapping of rule id to settings');
        continue;
      }
      settings.rules = {};
      for (const [id, ruleValue] of Object.entries(value)) {
        const setting = validateRuleSetting(id, ruleValue, errors);
        if (setting) settings.rules[id] = setting;
      }
    } else if (key === 'privateModules') {
      settings.privateModules = validatePrivateModules(value, errors);
    } else {
      errors.push(`${key}: unknown setting (expected rules or privateModules)`);
    }
  }
  return errors.length ? { ok: false, errors } : { ok: true, settings };
}

/** Reads and validates a YAML or JSON --config file. */
export function loadConfig(file: string): LoadConfigResult {
  let text: string;
  try {
    if (statSync(file).size > MAX_CONFIG_BYTES) {
      return { ok: false, errors: ['the file is larger than 1 MB'] };
    }
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return { ok: false, errors: [`cannot read the file: ${reason}`] };
  }
  let document: unknown;
  try {
    // JSON is YAML, so one parser reads both; the alias limit guards against alias bombs.
    document = parse(text, { maxAliasCount: 100, prettyErrors: true });
  } catch (e) {
    const reason = e instanceof Error ? e.message.split('\n')[0] : String(e);
    return { ok: false, errors: [`not valid YAML or JSON: ${reason}`] };
  }
  return validatePolicySettings(document);
}
