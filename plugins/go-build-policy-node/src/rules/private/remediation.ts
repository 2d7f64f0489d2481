/*
 * Markdown pieces shared by the private-* rules: lists that stay short, and snippets fitted
 * to the repository's own module patterns, workflow jobs and Dockerfile stages.
 */
import { FindingLocation } from '@go-build-policy/plugin-go-build-policy-common';
import { DownloadEnvironment } from './environments';
import { splitModulePatterns } from '../../model/go';
import { GoSetting, GoSettings } from './goFetchSettings';

/** `a`, `a and b`, `a, b and 2 more`. */
export function listOf(items: string[], max = 3): string {
  const shown = items.slice(0, max);
  const more = items.length - shown.length;
  if (more > 0) return `${shown.join(', ')} and ${more} more`;
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

export function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}

/** "GOPRIVATE=`x` (workflow env, ci.yml:5)". */
export function describeSetting(setting: GoSetting): string {
  const where = `${setting.location.path}:${setting.location.startLine}`;
  return `${setting.name}=${code(setting.value)} (${setting.source}, ${where})`;
}

/** Distinct locations, in order, without repeating the same lines. */
export function uniqueLocations(
  locations: FindingLocation[],
): FindingLocation[] {
  const seen = new Set<string>();
  return locations.filter(l => {
    const key = `${l.path}:${l.startLine}:${l.endLine}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The globs of an existing value plus the patterns it lacks. */
function merged(
  existing: GoSetting | undefined,
  patterns: string[],
  replace: boolean,
): string {
  const globs =
    existing && !existing.dynamic && !replace
      ? splitModulePatterns(existing.value).map(g => g.trim())
      : [];
  return [...new Set([...globs, ...patterns])].join(',');
}

/** The family variables to write: GOPRIVATE, plus GONOPROXY/GONOSUMDB where they are set. */
function familyLines(
  settings: GoSettings,
  patterns: string[],
  replace = false,
): Array<[string, string]> {
  const lines: Array<[string, string]> = [
    ['GOPRIVATE', merged(settings.GOPRIVATE, patterns, replace)],
  ];
  if (settings.GONOPROXY)
    lines.push(['GONOPROXY', merged(settings.GONOPROXY, patterns, replace)]);
  if (settings.GONOSUMDB)
    lines.push(['GONOSUMDB', merged(settings.GONOSUMDB, patterns, replace)]);
  return lines;
}

function workflowSnippet(
  environment: DownloadEnvironment,
  settings: GoSettings,
  patterns: string[],
  replace: boolean,
): string[] {
  const lines = familyLines(settings, patterns, replace);
  const jobLevel = [
    settings.GOPRIVATE,
    settings.GONOPROXY,
    settings.GONOSUMDB,
  ].some(s => s && (s.source === 'job env' || s.source === 'step env'));
  if (jobLevel) {
    return [
      `In ${code(environment.path)}, in job ${code(
        environment.name,
      )} (a job-level \`env\` overrides the workflow's):`,
      '',
      '```yaml',
      'jobs:',
      `  ${environment.name}:`,
      '    env:',
      ...lines.map(([k, v]) => `      ${k}: ${v}`),
      '```',
    ];
  }
  return [
    `In ${code(environment.path)}, at the top level so that every job gets it:`,
    '',
    '```yaml',
    'env:',
    ...lines.map(([k, v]) => `  ${k}: ${v}`),
    '```',
  ];
}

/**
 * Snippets that set the private patterns where each environment needs them: added to the
 * globs already there, or (`replace`) instead of them.
 */
export function goprivateSnippets(
  cases: Array<{ environment: DownloadEnvironment; settings: GoSettings }>,
  patterns: string[],
  replace = false,
): string {
  const parts: string[][] = [];
  const seenWorkflows = new Set<string>();
  for (const { environment, settings } of cases.slice(0, 4)) {
    if (environment.kind === 'job') {
      if (seenWorkflows.has(environment.path)) continue;
      seenWorkflows.add(environment.path);
      parts.push(workflowSnippet(environment, settings, patterns, replace));
    } else {
      parts.push([
        `In ${environment.label}, before its first \`go\` command:`,
        '',
        '```dockerfile',
        ...familyLines(settings, patterns, replace).map(
          ([k, v]) => `ENV ${k}=${v}`,
        ),
        '```',
      ]);
    }
  }
  return parts.map(p => p.join('\n')).join('\n\n');
}
