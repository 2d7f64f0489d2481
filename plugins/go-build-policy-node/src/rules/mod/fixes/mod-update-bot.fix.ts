/**
 * `mod-update-bot`: Dependabot updates every Go module. Without a dependabot.yml one is
 * created with a weekly `gomod` entry for every module directory; an existing file gets
 * one more `updates` item for the directories no gomod entry covers, spliced in as text
 * so its comments and layout stay as they are. A Renovate config that turns gomod off
 * on purpose is left alone: adding a second bot is not a mechanical decision.
 */
import { isSeq } from 'yaml';
import { RuleContext } from '../../../engine/RuleContext';
import { FileEdit, FixProposal, ProposeFix } from '../../../fixes/types';
import {
  checked,
  contentEnd,
  isBlockMap,
  keyColumn,
  lineStart,
  loadYaml,
  nextLineStart,
  pairOf,
  splice,
  startOf,
} from '../../../fixes/yamlSource';
import { dependabotCovers, GoModule } from '../../../model/go';

const NEW_CONFIG_PATH = '.github/dependabot.yml';

function directoryOf(module: GoModule): string {
  return `/${module.dir}`;
}

/** The lines of one gomod `updates` item, its dash at `dash` columns. */
function gomodItem(modules: GoModule[], dash: number, unit: number): string[] {
  const pad = ' '.repeat(dash);
  const key = `${pad}${' '.repeat(Math.max(2, unit))}`;
  const nested = `${key}${' '.repeat(unit)}`;
  const dirs = modules.map(directoryOf);
  return [
    `${pad}- package-ecosystem: gomod`,
    ...(dirs.length === 1
      ? [`${key}directory: "${dirs[0]}"`]
      : [`${key}directories:`, ...dirs.map(d => `${nested}- "${d}"`)]),
    `${key}schedule:`,
    `${nested}interval: weekly`,
  ];
}

/** The config text with a gomod item added to `updates`, or undefined when its shape is unusual. */
export function appendGomodItem(
  text: string,
  modules: GoModule[],
): string | undefined {
  const source = loadYaml(text);
  const root = source?.doc.contents;
  if (!source || !isBlockMap(root)) return undefined;
  const updates = pairOf(root, 'updates')?.value;
  if (!isSeq(updates) || updates.anchor) return undefined;
  const { eol, unit } = source;
  if (updates.flow) {
    // `updates: []`: the list becomes a block list holding the new item.
    if (updates.items.length) return undefined;
    const start = startOf(updates);
    const end = contentEnd(text, updates);
    if (start === undefined || end === undefined) return undefined;
    const lines = gomodItem(modules, keyColumn(source, root) + unit, unit);
    const colon = text.lastIndexOf(':', start);
    if (colon < 0) return undefined;
    return checked(splice(text, colon + 1, end, eol + lines.join(eol)));
  }
  const first = startOf(updates.items[0]);
  const end = contentEnd(text, updates);
  if (first === undefined || end === undefined) return undefined;
  const dashLine = text.slice(lineStart(text, first), first);
  const dash = /^(\s*)-/.exec(dashLine);
  if (!dash) return undefined;
  const at = nextLineStart(text, end);
  const lead = at === text.length && !text.endsWith('\n') ? eol : '';
  const lines = gomodItem(modules, dash[1].length, unit);
  return checked(splice(text, at, at, lead + lines.join(eol) + eol));
}

function newConfig(modules: GoModule[]): string {
  return ['version: 2', 'updates:', ...gomodItem(modules, 2, 2), ''].join('\n');
}

export const fixUpdateBot: ProposeFix = (
  ctx: RuleContext,
): FixProposal | undefined => {
  const { modules, updateBots } = ctx.go;
  if (!modules.length) return undefined;
  const renovate = updateBots.renovate[0];
  if (renovate?.disabledBy || renovate?.problem) return undefined;
  const dependabot = updateBots.dependabot;
  if (dependabot?.problem) return undefined;
  const uncovered = dependabot
    ? modules.filter(m => !dependabotCovers(dependabot, m.dir))
    : modules;
  if (!uncovered.length) return undefined;
  const dirs = uncovered.map(m => `\`${directoryOf(m)}\``).join(', ');
  let edit: FileEdit;
  if (dependabot) {
    const file = ctx.snapshot.file(dependabot.path);
    if (file?.kind !== 'text') return undefined;
    const after = appendGomodItem(file.text, uncovered);
    if (!after) return undefined;
    edit = { path: dependabot.path, before: file.text, after };
  } else {
    edit = { path: NEW_CONFIG_PATH, after: newConfig(uncovered) };
  }
  return {
    title: dependabot
      ? `Let Dependabot update the Go modules in ${dirs.replace(/`/g, '')}`
      : 'Let Dependabot update the Go modules',
    description: [
      dependabot
        ? `Adds a weekly \`gomod\` entry to ${dependabot.path} for ${dirs}, which no gomod entry covered.`
        : `Creates ${NEW_CONFIG_PATH} with a weekly \`gomod\` entry for ${dirs}.`,
      '',
      'Dependabot then proposes go.mod and go.sum updates in small reviewed pull requests, so dependencies (and their security fixes) do not drift until one large, risky upgrade.',
    ].join('\n'),
    edits: [edit],
  };
};
