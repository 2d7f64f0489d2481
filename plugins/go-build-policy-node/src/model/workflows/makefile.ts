/**
 * A small reader for the root Makefile: rules (targets, prerequisites, recipe lines with
 * their file lines), enough to follow `make test` to the commands it runs.
 *
 * Why our own: the npm Makefile parsers are unmaintained or execute make (node-make,
 * make-parser), and none keeps line numbers. We do not evaluate make: variables stay as
 * written, conditionals are read through (both branches), includes are not followed. That
 * over-approximates what a target runs, which is the safe side for "does it run go".
 */
import {
  RepositorySnapshot,
  MAX_PARSED_FILE_BYTES,
} from '../../snapshot/RepositorySnapshot';
import { MakefileModel, MakeRule, ScriptLine } from './types';

export const ROOT_MAKEFILES = ['GNUmakefile', 'makefile', 'Makefile'];
const MAX_CLOSURE_TARGETS = 500;

const DIRECTIVE =
  /^\s*(?:ifeq|ifneq|ifdef|ifndef|else|endif|include|-include|sinclude|define|endef|export|unexport|override|vpath)\b/;

/** Splits `targets: prerequisites` (not `VAR := value`, `VAR ::= value`, `VAR = a:b`). */
function splitRuleLine(
  content: string,
): { targets: string; rest: string } | undefined {
  const colon = content.indexOf(':');
  if (colon <= 0 || /^\s/.test(content)) return undefined;
  const targets = content.slice(0, colon);
  if (targets.includes('=')) return undefined;
  const rest = content.slice(
    content[colon + 1] === ':' ? colon + 2 : colon + 1,
  );
  if (rest.startsWith('=') || rest.startsWith(':=')) return undefined;
  return { targets, rest };
}

interface LogicalLine {
  text: string;
  startLine: number;
  endLine: number;
}

/** Joins backslash continuations and drops comments outside recipes. */
function logicalLines(text: string): LogicalLine[] {
  const raw = text.split(/\r?\n/);
  const result: LogicalLine[] = [];
  for (let i = 0; i < raw.length; i++) {
    const startLine = i + 1;
    let line = raw[i];
    while (line.endsWith('\\') && i + 1 < raw.length) {
      line = `${line.slice(0, -1).trimEnd()} ${raw[++i].trim()}`;
    }
    result.push({ text: line, startLine, endLine: i + 1 });
  }
  return result;
}

function stripComment(text: string): string {
  const hash = text.indexOf('#');
  return hash === -1 ? text : text.slice(0, hash);
}

/** Parses Makefile text into rules. */
export function parseMakefile(path: string, text: string): MakefileModel {
  const rules: MakeRule[] = [];
  let current: MakeRule | undefined;
  let inDefine = false;
  for (const line of logicalLines(text)) {
    if (/^\s*define\b/.test(line.text)) inDefine = true;
    if (inDefine) {
      if (/^\s*endef\b/.test(line.text)) inDefine = false;
      continue;
    }
    if (line.text.startsWith('\t') && current) {
      const recipe = line.text.slice(1).trim();
      if (recipe && !recipe.startsWith('#'))
        current.recipe.push({ text: recipe, line: line.startLine });
      current.span.endLine = line.endLine;
      continue;
    }
    const content = stripComment(line.text);
    if (!content.trim() || DIRECTIVE.test(content)) continue;
    const match = splitRuleLine(content);
    if (!match) {
      current = undefined; // a variable assignment ends the previous rule's recipe
      continue;
    }
    const targets = match.targets
      .trim()
      .split(/\s+/)
      .filter(t => t && !t.includes('$('));
    const semicolon = match.rest.indexOf(';');
    const prereqText =
      semicolon === -1 ? match.rest : match.rest.slice(0, semicolon);
    const inlineRecipe =
      semicolon === -1 ? undefined : match.rest.slice(semicolon + 1);
    current = {
      targets,
      prerequisites: prereqText
        .replace(/\|/g, ' ')
        .trim()
        .split(/\s+/)
        .filter(p => p && !p.includes('=')),
      recipe: inlineRecipe?.trim()
        ? [{ text: inlineRecipe.trim(), line: line.startLine }]
        : [],
      span: { path, startLine: line.startLine, endLine: line.endLine },
    };
    rules.push(current);
  }
  const defaultTarget = rules
    .flatMap(r => r.targets)
    .find(t => !t.startsWith('.'));
  return {
    path,
    rules,
    defaultTarget,
    recipeClosure: target => recipeClosure(rules, target ?? defaultTarget),
  };
}

function recipeClosure(
  rules: MakeRule[],
  target: string | undefined,
): ScriptLine[] {
  if (!target) return [];
  const byTarget = new Map<string, MakeRule[]>();
  for (const rule of rules) {
    for (const t of rule.targets)
      byTarget.set(t, [...(byTarget.get(t) ?? []), rule]);
  }
  const seen = new Set<string>();
  const lines: ScriptLine[] = [];
  const queue = [target];
  while (queue.length && seen.size < MAX_CLOSURE_TARGETS) {
    const next = queue.shift()!;
    if (seen.has(next)) continue;
    seen.add(next);
    for (const rule of byTarget.get(next) ?? []) {
      lines.push(...rule.recipe);
      queue.push(...rule.prerequisites);
      // `$(MAKE) other` in a recipe runs another target of the same Makefile.
      for (const line of rule.recipe) {
        const sub = /\$[({]MAKE[)}]\s+(.*)/.exec(line.text);
        if (sub)
          queue.push(
            ...sub[1]
              .split(/\s+/)
              .filter(a => a && !a.startsWith('-') && !a.includes('=')),
          );
      }
    }
  }
  return lines;
}

/** Reads the root Makefile GNU make would pick (GNUmakefile, makefile, Makefile). */
export function readRootMakefile(
  snapshot: RepositorySnapshot,
): MakefileModel | undefined {
  const path = ROOT_MAKEFILES.find(p => snapshot.file(p) !== undefined);
  if (!path) return undefined;
  const file = snapshot.file(path)!;
  const unreadable = (message: string): MakefileModel => ({
    path,
    rules: [],
    issue: { path, line: 1, message },
    recipeClosure: () => [],
  });
  if (file.kind !== 'text') {
    return unreadable(
      file.kind === 'unavailable'
        ? `the file could not be read (${file.reason})`
        : `the file is ${file.kind}`,
    );
  }
  if (file.text.length > MAX_PARSED_FILE_BYTES)
    return unreadable('the file is too large to parse');
  if (file.text.includes('\u0000')) return unreadable('the file is binary');
  return parseMakefile(path, file.text);
}
