/*
 * Which module patterns a fix writes: the configured private patterns that the repository
 * really needs, and the globs an existing value lacks.
 */
import {
  compileModuleGlob,
  globMatchesModule,
  globsMatchingEverything,
  splitModulePatterns,
} from '../../../model/go';
import { publicHostGlob } from '../publicHosts';

/** A glob that exempts every module, or every module of a public host. */
export function isTooBroad(glob: string): boolean {
  if (globsMatchingEverything(glob).length) return true;
  return publicHostGlob(glob) !== undefined;
}

/**
 * The fewest configured patterns that still match every private module path: patterns
 * matching nothing are dropped, and so is a pattern whose modules another kept pattern
 * matches as well (the earlier one in configuration order wins ties).
 */
export function minimalPatterns(
  configured: readonly string[],
  paths: readonly string[],
): string[] {
  const covers = configured
    .map(pattern => pattern.trim())
    .filter(pattern => pattern !== '')
    .map(pattern => {
      const matches = compileModuleGlob(pattern);
      return { pattern, paths: new Set(paths.filter(p => matches(p))) };
    })
    .filter(c => c.paths.size > 0);
  const kept = covers.filter(
    (c, i) =>
      !covers.some(
        (o, j) =>
          j !== i &&
          [...c.paths].every(p => o.paths.has(p)) &&
          (o.paths.size > c.paths.size || j < i),
      ),
  );
  return [...new Set(kept.map(c => c.pattern))];
}

/** Whether a written value (a GOPRIVATE-style list) matches a module path. */
export function valueMatches(value: string, modulePath: string): boolean {
  return splitModulePatterns(value).some(glob =>
    globMatchesModule(glob, modulePath),
  );
}

/** The patterns, among `patterns`, that a value needs so that it matches every path. */
export function missingPatterns(
  value: string,
  paths: readonly string[],
  patterns: readonly string[],
): string[] {
  const missing: string[] = [];
  for (const path of paths) {
    if (valueMatches(value, path)) continue;
    const pattern = patterns.find(p => globMatchesModule(p, path));
    if (pattern && !missing.includes(pattern)) missing.push(pattern);
  }
  return missing;
}

/** A value with globs appended, keeping what was written untouched. */
export function appendGlobs(value: string, globs: readonly string[]): string {
  const present = new Set(splitModulePatterns(value).map(g => g.trim()));
  const added = globs.filter(g => !present.has(g));
  if (!added.length) return value;
  const base = value.trim().replace(/,+$/, '');
  return base ? `${base},${added.join(',')}` : added.join(',');
}

/** Distinct globs of several values, in first-seen order, trimmed. */
export function unionOfGlobs(values: readonly string[]): string[] {
  return [
    ...new Set(values.flatMap(v => splitModulePatterns(v).map(g => g.trim()))),
  ].filter(g => g !== '');
}

/**
 * A value rewritten to hold exactly the target globs: globs already written keep their
 * place, those the target lacks go, the missing ones are appended.
 */
export function valueWithGlobs(
  value: string,
  target: readonly string[],
): string {
  const kept = splitModulePatterns(value)
    .map(g => g.trim())
    .filter(g => target.includes(g));
  return unionOfGlobs([...kept, ...target]).join(',');
}
