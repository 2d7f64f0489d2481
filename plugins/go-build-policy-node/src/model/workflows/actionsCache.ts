/**
 * actions/cache (and its restore/save sub-actions): paths per combination with the Go caches
 * they cover, keys and restore-keys evaluated per combination.
 */
import { normalizePath } from './runner';
import { JobScopes } from './scope';
import {
  ActionsCache,
  CacheCoverage,
  CachePath,
  EvaluatedValue,
  GoPaths,
  Job,
  Step,
} from './types';

/** A value as path text: contexts as `<name>` tokens; undefined when a part is unknown. */
export function pathText(value: EvaluatedValue): string | undefined {
  let text = '';
  for (const part of value.parts) {
    if (part.kind === 'literal') text += part.text;
    else if (part.kind === 'context') text += `<${part.name}>`;
    else return undefined;
  }
  return text;
}

/** Turns an evaluated path into a comparable absolute path, or undefined when unknown. */
export function resolveCachePath(
  value: EvaluatedValue,
  paths: GoPaths,
): string | undefined {
  let text = '';
  for (const part of value.parts) {
    if (part.kind === 'literal') text += part.text;
    else if (part.kind === 'command') {
      const known: Record<string, string> = {
        'go env GOMODCACHE': paths.gomodcache,
        'go env GOCACHE': paths.gocache,
        'go env GOPATH': paths.gomodcache.replace(/\/pkg\/mod$/, ''),
      };
      const resolved = known[part.command.replace(/\s+/g, ' ')];
      if (!resolved) return undefined;
      text += resolved;
    } else if (part.kind === 'context') {
      // Workspace-relative paths compare equal to env values written the same way.
      text += `<${part.name}>`;
    } else {
      return undefined;
    }
  }
  return normalizePath(text.replace(/\/\*\*?$/, ''), paths.home);
}

function covers(path: string, target: string): boolean {
  const a = path.toLowerCase();
  const b = target.toLowerCase();
  // A parent covers the cache; a sub-directory (`pkg/mod/cache`) covers the part that matters.
  return a === b || b.startsWith(`${a}/`) || a.startsWith(`${b}/`);
}

/** Paths that only make sense as a Go cache, wherever they point. */
const GO_CACHE_LIKE = /(?:^|\/)(?:go\/pkg\/mod|pkg\/mod|go-build)(?:\/|$)/i;

function pathLines(step: Step): Array<{ raw: string; line: number }> {
  const input = step.with.find(i => i.name === 'path');
  if (!input) return [];
  const lines = input.value.split('\n');
  const first =
    lines.length > 1 ? input.span.startLine + 1 : input.span.startLine;
  return lines.flatMap((raw, i) =>
    raw.trim() ? [{ raw: raw.trim(), line: first + i }] : [],
  );
}

function cachePath(
  job: Job,
  step: Step,
  scopes: JobScopes,
  raw: string,
  line: number,
): CachePath {
  const excluded = raw.startsWith('!');
  const values = scopes.evaluateAll(excluded ? raw.slice(1) : raw, step.index);
  const coverage: CacheCoverage[] = [];
  const misplaced: boolean[] = [];
  values.forEach((value, i) => {
    const paths = job.combinations[i]?.goPaths ?? job.combinations[0].goPaths;
    const resolved = resolveCachePath(value, paths);
    const module =
      !excluded && resolved !== undefined && covers(resolved, paths.gomodcache);
    const build =
      !excluded && resolved !== undefined && covers(resolved, paths.gocache);
    coverage.push({ module, build });
    misplaced.push(
      !excluded &&
        resolved !== undefined &&
        !module &&
        !build &&
        GO_CACHE_LIKE.test(resolved),
    );
  });
  return { raw, excluded, line, values, covers: coverage, misplaced };
}

function listValues(
  step: Step,
  name: string,
  scopes: JobScopes,
): EvaluatedValue[][] {
  const input = step.with.find(i => i.name === name);
  const lines = input
    ? input.value
        .split('\n')
        .map(l => l.trim())
        .filter(Boolean)
    : [];
  return Array.from({ length: scopes.combinationCount }, (_, i) =>
    lines.map(l => scopes.evaluate(l, i, step.index)),
  );
}

/** One actions/cache step. */
export function actionsCache(
  job: Job,
  step: Step,
  scopes: JobScopes,
): ActionsCache {
  const uses = step.uses!.kind === 'action' ? step.uses : undefined;
  const variants: Record<string, ActionsCache['variant']> = {
    restore: 'restore',
    save: 'save',
  };
  const variant = variants[uses?.subPath ?? ''] ?? 'cache';
  const paths = pathLines(step).map(p =>
    cachePath(job, step, scopes, p.raw, p.line),
  );
  const keyInput = step.with.find(i => i.name === 'key');
  const restoreInput = step.with.find(i => i.name === 'restore-keys');
  const flag = (name: string) =>
    step.with
      .find(i => i.name === name)
      ?.value.trim()
      .toLowerCase() === 'true';
  return {
    kind: 'actions-cache',
    variant,
    step,
    paths,
    keys: scopes.evaluateAll(keyInput?.value ?? '', step.index),
    keySpan: keyInput?.span,
    restoreKeys: listValues(step, 'restore-keys', scopes),
    restoreKeysSpan: restoreInput?.span,
    enableCrossOsArchive: flag('enableCrossOsArchive'),
    covers: {
      module: paths.some(p => p.covers.some(c => c.module)),
      build: paths.some(p => p.covers.some(c => c.build)),
    },
    lookupOnly: flag('lookup-only'),
  };
}
