import { parseYaml } from '../../parsers/yaml';
import { RepositorySnapshot } from '../../snapshot/RepositorySnapshot';
import { readText } from './readText';
import { pathMatch } from './goprivate';
import { DependabotConfig, DependabotGomodEntry } from './types';

const DEPENDABOT_FILES = ['.github/dependabot.yml', '.github/dependabot.yaml'];

/** Reads .github/dependabot.yml (or .yaml): its gomod entries with directory lines. */
export function readDependabotConfig(
  snapshot: RepositorySnapshot,
  hasFile: (path: string) => boolean,
): DependabotConfig | undefined {
  const path = DEPENDABOT_FILES.find(hasFile);
  if (!path) return undefined;
  const config: DependabotConfig = { path, gomodEntries: [], ecosystems: [] };
  const read = readText(snapshot, path);
  if (!read.ok)
    return { ...config, problem: { line: 0, message: read.reason } };
  const parsed = parseYaml(read.text);
  if (!parsed.ok) return { ...config, problem: parsed.issue };
  const yaml = parsed.file;
  const updates = yaml.get(yaml.root, 'updates');
  if (!yaml.isSeq(updates)) {
    const line = yaml.entry(yaml.root, 'updates')?.keyNode;
    return {
      ...config,
      problem: {
        line: line ? yaml.line(line) : 1,
        message: 'dependabot.yml has no `updates` list',
      },
    };
  }
  for (const item of yaml.items(updates)) {
    const ecosystem = yaml.string(yaml.get(item, 'package-ecosystem'));
    if (ecosystem) config.ecosystems.push(ecosystem);
    if (ecosystem !== 'gomod') continue;
    const lines = yaml.lines(item) ?? { startLine: 1, endLine: 1 };
    const directories: DependabotGomodEntry['directories'] = [];
    const single = yaml.get(item, 'directory');
    const singleText = yaml.string(single);
    if (singleText !== undefined)
      directories.push({ pattern: singleText, line: yaml.line(single) });
    for (const dir of yaml.items(yaml.get(item, 'directories'))) {
      const text = yaml.string(dir);
      if (text !== undefined)
        directories.push({ pattern: text, line: yaml.line(dir) });
    }
    const excludePaths = yaml
      .items(yaml.get(item, 'exclude-paths'))
      .flatMap(node => {
        const pattern = yaml.string(node);
        return pattern === undefined
          ? []
          : [{ pattern, line: yaml.line(node) }];
      });
    config.gomodEntries.push(
      excludePaths.length
        ? { directories, lines, excludePaths }
        : { directories, lines },
    );
  }
  return config;
}

function segmentsOf(path: string): string[] {
  return path.split('/').filter(s => s !== '' && s !== '.');
}

/** Whether pattern segments (with `**` for any number of segments) match a directory. */
function matchSegments(pattern: string[], dir: string[]): boolean {
  // reachable[j]: the pattern prefix read so far can consume the first j directory segments.
  let reachable = dir.map(() => false).concat(false);
  reachable[0] = true;
  for (const segment of pattern) {
    const next = reachable.map(() => false);
    for (let j = 0; j <= dir.length; j++) {
      if (!reachable[j]) continue;
      if (segment === '**') {
        for (let k = j; k <= dir.length; k++) next[k] = true;
        break;
      }
      if (j < dir.length && pathMatch(segment, dir[j])) next[j + 1] = true;
    }
    reachable = next;
  }
  return reachable[dir.length];
}

/**
 * Whether a Dependabot `directory`/`directories` pattern covers a module directory
 * ('' is the root). Patterns are repository paths with an optional leading slash; `*`
 * matches within one directory level and `**` any number of levels, as in
 * Dependabot's `directories` globs.
 */
export function dependabotPatternCovers(
  pattern: string,
  moduleDir: string,
): boolean {
  return matchSegments(segmentsOf(pattern.trim()), segmentsOf(moduleDir));
}

/**
 * Whether an `exclude-paths` glob skips a module: it matches the module directory, one of
 * its parent directories, or its go.mod.
 */
export function dependabotPathExcluded(
  pattern: string,
  moduleDir: string,
): boolean {
  const segments = segmentsOf(moduleDir);
  const globSegments = segmentsOf(pattern.trim());
  if (globSegments.length === 0) return false;
  for (let depth = segments.length; depth >= 0; depth--) {
    if (matchSegments(globSegments, segments.slice(0, depth))) return true;
  }
  return matchSegments(globSegments, [...segments, 'go.mod']);
}

/** The directory line of a gomod entry that covers the module directory, if one does. */
export function dependabotCoverage(
  config: DependabotConfig,
  moduleDir: string,
): { pattern: string; line: number } | undefined {
  for (const entry of config.gomodEntries) {
    const excluded = (entry.excludePaths ?? []).some(p =>
      dependabotPathExcluded(p.pattern, moduleDir),
    );
    if (excluded) continue;
    const match = entry.directories.find(d =>
      dependabotPatternCovers(d.pattern, moduleDir),
    );
    if (match) return match;
  }
  return undefined;
}

/** Whether any gomod entry of the config covers the module directory. */
export function dependabotCovers(
  config: DependabotConfig,
  moduleDir: string,
): boolean {
  return dependabotCoverage(config, moduleDir) !== undefined;
}
