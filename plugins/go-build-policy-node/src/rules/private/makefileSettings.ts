/*
 * Fetch-variable settings in the root Makefile, read from its raw text (the workflow model
 * keeps rules and recipes, not variable assignments): `export GOPRIVATE := …`, or an
 * assignment that a later `export NAME` (or `.EXPORT_ALL_VARIABLES`) exports to recipes,
 * plus what recipes set with `go env -w`, `export` and `VAR=x cmd`.
 */
import { at } from '../../engine/Rule';
import { RuleContext } from '../../engine/RuleContext';
import { GoSetting } from './goFetchSettings';
import { analyseScript, isGoFetchVariable } from './scriptFacts';

export interface MakefileSettings {
  path: string;
  /** Make variables exported to every recipe. `weak` ones (`?=`) yield to the environment. */
  exported: Array<GoSetting & { weak: boolean }>;
  /** Settings written inside recipes. */
  inRecipes: GoSetting[];
}

const ASSIGNMENT =
  /^\s*(export\s+|override\s+)*([A-Za-z_][A-Za-z0-9_]*)\s*([:?+!]*)=\s*(.*)$/;

const cache = new WeakMap<RuleContext, MakefileSettings | undefined>();

export function makefileSettings(
  ctx: RuleContext,
): MakefileSettings | undefined {
  if (cache.has(ctx)) return cache.get(ctx);
  const result = readMakefileSettings(ctx);
  cache.set(ctx, result);
  return result;
}

function readMakefileSettings(ctx: RuleContext): MakefileSettings | undefined {
  const makefile = ctx.workflows.makefile;
  const file = makefile ? ctx.snapshot.file(makefile.path) : undefined;
  if (!makefile || file?.kind !== 'text') return undefined;
  const lines = file.text.slice(0, 1024 * 1024).split('\n');
  const exportAll = lines.some(l => /^\.EXPORT_ALL_VARIABLES\s*:/.test(l));
  const exportedNames = new Set<string>();
  for (const line of lines) {
    const m = /^\s*export\s+([A-Za-z_][A-Za-z0-9_\s]*)$/.exec(line);
    if (m) for (const name of m[1].trim().split(/\s+/)) exportedNames.add(name);
  }
  const exported: MakefileSettings['exported'] = [];
  lines.forEach((line, i) => {
    if (line.startsWith('\t')) return;
    const m = ASSIGNMENT.exec(line);
    if (!m || !isGoFetchVariable(m[2])) return;
    if (!m[1]?.includes('export') && !exportedNames.has(m[2]) && !exportAll)
      return;
    const value = m[4].replace(/\s+#.*$/, '').trim();
    exported.push({
      name: m[2],
      value,
      dynamic: value.includes('$'),
      source: 'Makefile export',
      location: at(makefile.path, i + 1),
      weak: m[3].includes('?'),
    });
  });
  const inRecipes: GoSetting[] = [];
  for (const rule of makefile.rules) {
    for (const recipe of rule.recipe) {
      const facts = analyseScript(
        recipe.text.replace(/^[@+-]+/, '').replace(/\$\$/g, '$'),
      );
      for (const a of facts.assignments) {
        inRecipes.push({
          name: a.name,
          value: a.value,
          dynamic: a.dynamic,
          source: `${a.kind} in a Makefile recipe`,
          location: at(makefile.path, recipe.line),
        });
      }
    }
  }
  return { path: makefile.path, exported, inRecipes };
}
