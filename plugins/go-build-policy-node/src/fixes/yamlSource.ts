import {
  Document,
  isAlias,
  isCollection,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  Node,
  Pair,
  parseDocument,
  visit,
  YAMLMap,
} from 'yaml';

/**
 * Offsets and layout of a parsed YAML text, for the splicing edits of workflowText.ts.
 * Edits never re-stringify the document: they locate nodes through the parser's source
 * ranges and replace or insert whole lines, so everything else stays byte-identical.
 */
export interface YamlSource {
  text: string;
  doc: Document.Parsed;
  lines: LineCounter;
  /** Line break of the file ('\r\n' for CRLF files), used for every inserted line. */
  eol: string;
  /** Spaces a nested block map is indented by in this file (2 when nothing shows it). */
  unit: number;
}

/**
 * Recently parsed texts. A scan's fixes edit the same few workflows, each edit parses its
 * input and checks its output, and the output of one edit is the input of the next: the
 * cache turns most of those parses into lookups. Sources are never mutated (edits splice
 * text), so sharing them is safe.
 */
const RECENT_LIMIT = 32;
const recent = new Map<string, YamlSource | null>();

export function loadYaml(text: string): YamlSource | undefined {
  const cached = recent.get(text);
  if (cached !== undefined) {
    // Most recently used last, so the oldest entry is the one evicted.
    recent.delete(text);
    recent.set(text, cached);
    return cached ?? undefined;
  }
  const source = parseYamlSource(text);
  recent.set(text, source ?? null);
  if (recent.size > RECENT_LIMIT) recent.delete(recent.keys().next().value!);
  return source;
}

function parseYamlSource(text: string): YamlSource | undefined {
  const lines = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter: lines });
  } catch {
    return undefined;
  }
  if (doc.errors.length) return undefined;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return { text, doc, lines, eol, unit: indentUnit(text, doc) };
}

/** The edited text, when it still parses: an edit must never break a workflow. */
export function checked(text: string): string | undefined {
  return loadYaml(text) ? text : undefined;
}

export function splice(
  text: string,
  start: number,
  end: number,
  insert: string,
): string {
  return text.slice(0, start) + insert + text.slice(end);
}

export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset just after the line break ending the line of `offset` (text end on the last line). */
export function nextLineStart(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline < 0 ? text.length : newline + 1;
}

export function column(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

/** True when only indentation precedes `offset` on its line. */
export function startsLine(text: string, offset: number): boolean {
  return /^[ \t]*$/.test(text.slice(lineStart(text, offset), offset));
}

function rangeOf(node: unknown): [number, number, number] | undefined {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range ?? undefined;
}

export function startOf(node: unknown): number | undefined {
  return rangeOf(node)?.[0];
}

/**
 * Offset just after the last character of a node's content: trailing comments, blank
 * lines and the final line break of block scalars are not part of it.
 */
export function contentEnd(text: string, node: unknown): number | undefined {
  if (isPair(node)) {
    const value = node.value as Node | null;
    return value && rangeOf(value) && !isEmptyScalar(value)
      ? contentEnd(text, value)
      : contentEnd(text, node.key);
  }
  if (isCollection(node) && !node.flow && node.items.length) {
    return contentEnd(text, node.items[node.items.length - 1]);
  }
  const range = rangeOf(node);
  if (!range) return undefined;
  let end = range[1];
  while (end > range[0] && /\s/.test(text[end - 1])) end--;
  return end;
}

/** A value written as nothing (`with:`), which the parser reads as an empty null scalar. */
export function isEmptyScalar(node: unknown): boolean {
  const range = rangeOf(node);
  return (
    isScalar(node) && node.value === null && !!range && range[0] === range[1]
  );
}

export function keyOf(pair: Pair): string | undefined {
  return isScalar(pair.key) ? String(pair.key.value) : undefined;
}

export function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return (map.items as Pair[]).find(pair => keyOf(pair) === key);
}

export function isBlockMap(node: unknown): node is YAMLMap {
  return isMap(node) && !node.flow && !node.anchor && !node.tag;
}

/** True when the subtree holds an anchor or alias: editing it could change other places. */
export function sharesNodes(node: unknown): boolean {
  if (isAlias(node)) return true;
  let shared = false;
  visit(node as Node, {
    Node(_, child) {
      if (isAlias(child) || (child as { anchor?: string }).anchor) {
        shared = true;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return shared;
}

/** The column of a block map's keys. */
export function keyColumn(source: YamlSource, map: YAMLMap): number {
  const start =
    startOf((map.items[0] as Pair | undefined)?.key) ?? startOf(map);
  return start === undefined ? 0 : column(source.text, start);
}

/** The smallest indentation step between a block map and a block map nested in it. */
function indentUnit(text: string, doc: Document.Parsed): number {
  let unit = Infinity;
  visit(doc, {
    Pair(_, pair) {
      const child = pair.value;
      if (!isMap(child) || child.flow || !child.items.length) return;
      const parentKey = startOf(pair.key);
      const childKey = startOf((child.items[0] as Pair).key);
      if (parentKey === undefined || childKey === undefined) return;
      if (!startsLine(text, childKey)) return;
      const step = column(text, childKey) - column(text, parentKey);
      if (step > 0) unit = Math.min(unit, step);
    },
  });
  return Number.isFinite(unit) ? unit : 2;
}

/** A map that is an item of a `steps:` sequence, with its sibling items. */
export interface StepItem {
  step: YAMLMap;
  siblings: unknown[];
}

/** Every step of the file: items of `steps:` sequences (workflow jobs and composite actions). */
export function stepItems(source: YamlSource): StepItem[] {
  const found: StepItem[] = [];
  visit(source.doc, {
    Pair(_, pair) {
      if (keyOf(pair) !== 'steps' || !isSeq(pair.value)) return;
      const siblings = pair.value.items;
      for (const step of siblings)
        if (isMap(step)) found.push({ step, siblings });
    },
  });
  return found;
}

export function lineOf(source: YamlSource, offset: number): number {
  return source.lines.linePos(offset).line;
}
