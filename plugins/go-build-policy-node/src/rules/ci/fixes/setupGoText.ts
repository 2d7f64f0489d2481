/**
 * Text primitives the cache and toolchain fixes need beside fixes/workflowText.ts: a
 * batch of line-anchored edits per file (applied bottom-up, so an edit never moves the
 * lines a later one points at), removing a whole step item, and adding a schedule
 * trigger to a workflow.
 */
import { RuleContext } from '../../../engine/RuleContext';
import { FileEdit } from '../../../fixes/types';
import { parseYaml } from '../../../parsers/yaml';
import { SourceSpan } from '../../../model/workflows';
import {
  checked,
  contentEnd,
  isBlockMap,
  keyColumn,
  loadYaml,
  nextLineStart,
  pairOf,
  splice,
} from '../../../fixes/yamlSource';

/** One change to a file, anchored at the line it starts on. */
interface AnchoredChange {
  line: number;
  apply: (text: string) => string | undefined;
}

/** The text of a repository file, or undefined when it is not readable text. */
export function textOf(ctx: RuleContext, path: string): string | undefined {
  const file = ctx.snapshot.file(path);
  return file?.kind === 'text' ? file.text : undefined;
}

/**
 * Edits of several files built up change by change. Changes to one file are applied from
 * the bottom up; any change that cannot be made spoils the whole batch (a half-applied
 * fix is worse than none).
 */
/**
 * Most changes one fix makes. Each change re-parses its file, and a pull request that
 * rewrites dozens of jobs is not reviewed as one change anyway: beyond this, no fix.
 */
export const MAX_CHANGES = 40;

export class FileChanges {
  private readonly byPath = new Map<string, AnchoredChange[]>();
  private failed = false;
  private count = 0;

  add(
    path: string,
    line: number,
    apply: (text: string) => string | undefined,
  ): void {
    const list = this.byPath.get(path) ?? [];
    list.push({ line, apply });
    this.byPath.set(path, list);
    this.count++;
  }

  /** True once the batch holds more changes than one fix may make. */
  get full(): boolean {
    return this.count > MAX_CHANGES;
  }

  /** Marks the batch as impossible (some job of the fix cannot be changed safely). */
  fail(): void {
    this.failed = true;
  }

  get isEmpty(): boolean {
    return this.byPath.size === 0;
  }

  /** The edited files, or undefined when a file is unreadable or a change failed. */
  edits(ctx: RuleContext): FileEdit[] | undefined {
    if (this.failed || this.isEmpty || this.full) return undefined;
    const edits: FileEdit[] = [];
    for (const [path, changes] of this.byPath) {
      const before = textOf(ctx, path);
      if (before === undefined) return undefined;
      let text: string | undefined = before;
      // Stable sort keeps the order of changes added for the same line.
      const ordered = changes
        .map((change, order) => ({ change, order }))
        .sort((a, b) => b.change.line - a.change.line || a.order - b.order);
      for (const { change } of ordered) {
        text = change.apply(text);
        if (text === undefined) return undefined;
      }
      edits.push({ path, before, after: text });
    }
    return edits;
  }
}

/**
 * The text without the step item at `span` (the `- ` line through its last line, plus
 * comment lines directly above it that belong to it). Undefined when the span does not
 * start a block sequence item or the result is no longer valid YAML.
 */
export function removeStep(text: string, span: SourceSpan): string | undefined {
  const lines = text.split('\n');
  const first = span.startLine - 1;
  const last = span.endLine - 1;
  if (first < 0 || last >= lines.length || last < first) return undefined;
  const item = /^(\s*)- /.exec(lines[first]);
  if (!item) return undefined;
  const indent = item[1].length;
  // Lines after the item up to the next item or a shallower line are still its body.
  let end = last;
  while (
    end + 1 < lines.length &&
    lines[end + 1].trim() !== '' &&
    indentOf(lines[end + 1]) > indent
  )
    end++;
  let start = first;
  while (
    start > 0 &&
    /^\s*#/.test(lines[start - 1]) &&
    indentOf(lines[start - 1]) === indent
  )
    start--;
  const result = [...lines.slice(0, start), ...lines.slice(end + 1)].join('\n');
  return parseYaml(result).ok ? result : undefined;
}

function indentOf(line: string): number {
  return /^\s*/.exec(line)![0].length;
}

/**
 * Adds `schedule: - cron: …` as the last trigger of a workflow whose `on:` is a block
 * map. Undefined for `on: push` or `on: [push]` forms, or a workflow already scheduled.
 */
export function addScheduleTrigger(
  text: string,
  cron: string,
): string | undefined {
  const source = loadYaml(text);
  const root = source?.doc.contents;
  if (!source || !isBlockMap(root)) return undefined;
  const on = pairOf(root, 'on')?.value;
  if (!isBlockMap(on) || pairOf(on, 'schedule')) return undefined;
  const end = contentEnd(text, on.items[on.items.length - 1]);
  if (end === undefined) return undefined;
  const pad = ' '.repeat(keyColumn(source, on));
  const unit = ' '.repeat(source.unit);
  const lines = [`${pad}schedule:`, `${pad}${unit}- cron: '${cron}'`];
  const at = nextLineStart(text, end);
  const lead = at === text.length && !text.endsWith('\n') ? source.eol : '';
  return checked(
    splice(text, at, at, lead + lines.join(source.eol) + source.eol),
  );
}
