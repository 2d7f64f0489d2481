/**
 * Formatting-preserving edits of block-map entries in YAML text (the machinery under
 * workflowText.ts): insert an entry at a placement, replace a value in place, remove an
 * entry with the comment lines that belong to it. Each splices the original text and
 * the caller re-parses the result (`edit`) before it is used.
 */
import { isScalar, Pair, YAMLMap } from 'yaml';
import { renderEntry, renderValue, ScalarValue } from './yamlRender';
import {
  checked,
  contentEnd,
  isBlockMap,
  isEmptyScalar,
  keyColumn,
  lineStart,
  loadYaml,
  nextLineStart,
  pairOf,
  sharesNodes,
  splice,
  startOf,
  startsLine,
  YamlSource,
} from './yamlSource';

/** Where a new entry goes: after the first present `after` key, else before the first present `before` key, else last. */
export interface Placement {
  after?: string[];
  before?: string[];
}

/** Offset to insert whole lines at, above the comment lines that belong to the line at `offset`. */
export function aboveComments(text: string, offset: number): number {
  let start = lineStart(text, offset);
  while (start > 0) {
    const previous = lineStart(text, start - 1);
    if (!/^[ \t]*#/.test(text.slice(previous, start))) break;
    start = previous;
  }
  return start;
}

/** Writes whole lines at a line start (or the end of the text). */
export function insertLines(
  source: YamlSource,
  offset: number,
  lines: string[],
): string {
  const { text, eol } = source;
  const lead = offset === text.length && !text.endsWith('\n') ? eol : '';
  return splice(text, offset, offset, lead + lines.join(eol) + eol);
}

/** Adds `key: value` (rendered) to a block map at the placement. */
function insertEntry(
  source: YamlSource,
  map: YAMLMap,
  key: string,
  value: unknown,
  placement: Placement,
): string | undefined {
  const { text, unit, eol } = source;
  const keyCol = keyColumn(source, map);
  const lines = renderEntry(key, value, keyCol, unit, eol);
  const after = placement.after
    ?.map(name => pairOf(map, name))
    .find(pair => pair);
  const before = placement.before
    ?.map(name => pairOf(map, name))
    .find(pair => pair);
  if (!after && before) {
    const keyStart = startOf(before.key);
    if (keyStart === undefined) return undefined;
    if (startsLine(text, keyStart)) {
      return insertLines(source, aboveComments(text, keyStart), lines);
    }
    // The first key of a `- ` item: the new entry takes its place on that line.
    const entry = lines.join(eol).slice(keyCol);
    return splice(text, keyStart, keyStart, entry + eol + ' '.repeat(keyCol));
  }
  const last = after ?? (map.items[map.items.length - 1] as Pair);
  const end = contentEnd(text, last);
  if (end === undefined) return undefined;
  return insertLines(source, nextLineStart(text, end), lines);
}

/** Removes a map entry with its lines; undefined when that would leave a bare `- `. */
function removeEntry(
  source: YamlSource,
  map: YAMLMap,
  pair: Pair,
): string | undefined {
  const { text } = source;
  const keyStart = startOf(pair.key);
  const end = contentEnd(text, pair);
  if (keyStart === undefined || end === undefined) return undefined;
  if (startsLine(text, keyStart)) {
    return splice(
      text,
      lineStart(text, keyStart),
      nextLineStart(text, end),
      '',
    );
  }
  // First key of a `- ` item: pull the next key up onto the dash line.
  const next = map.items[map.items.indexOf(pair) + 1] as Pair | undefined;
  const nextStart = startOf(next?.key);
  if (nextStart === undefined) return undefined;
  return splice(text, keyStart, nextStart, '');
}

/** Replaces the scalar value of an entry (or fills an empty one). */
export function replaceValue(
  source: YamlSource,
  map: YAMLMap,
  pair: Pair,
  value: ScalarValue,
): string | undefined {
  const { text, unit, eol } = source;
  const node = pair.value;
  const rendered = renderValue(value, keyColumn(source, map), unit, eol);
  if (node === null || isEmptyScalar(node)) {
    const keyEnd = contentEnd(text, pair.key);
    const colon = keyEnd === undefined ? -1 : text.indexOf(':', keyEnd);
    if (colon < 0) return undefined;
    return splice(text, colon + 1, colon + 1, rendered);
  }
  if (!isScalar(node) || node.anchor || node.tag) return undefined;
  const start = startOf(node);
  const end = contentEnd(text, node);
  if (start === undefined || end === undefined) return undefined;
  return splice(text, start, end, rendered.slice(1));
}

/** Sets, adds or removes `key` of a block map. */
export function setEntry(
  source: YamlSource,
  map: YAMLMap,
  key: string,
  value: ScalarValue | undefined,
  placement: Placement = {},
): string | undefined {
  const pair = pairOf(map, key);
  if (!pair) {
    return value === undefined
      ? source.text
      : insertEntry(source, map, key, value, placement);
  }
  if (value === undefined) return removeEntry(source, map, pair);
  return replaceValue(source, map, pair, value);
}

/**
 * Sets `parent.key` of a block map (`with.<input>`, `env.<NAME>`): creates `parent:` at
 * the placement when missing, and removes it once its last entry is removed.
 */
export function setNested(
  source: YamlSource,
  map: YAMLMap,
  parent: string,
  key: string,
  value: ScalarValue | undefined,
  placement: Placement,
): string | undefined {
  const { text, unit, eol } = source;
  const parentPair = pairOf(map, parent);
  if (!parentPair) {
    if (value === undefined) return text;
    return insertEntry(source, map, parent, { [key]: value }, placement);
  }
  const child = parentPair.value;
  if (child === null || isEmptyScalar(child)) {
    if (value === undefined) return text;
    const parentEnd = contentEnd(text, parentPair.key);
    if (parentEnd === undefined) return undefined;
    const col = keyColumn(source, map) + unit;
    const lines = renderEntry(key, value, col, unit, eol);
    return insertLines(source, nextLineStart(text, parentEnd), lines);
  }
  if (!isBlockMap(child) || sharesNodes(child)) return undefined;
  const entry = pairOf(child, key);
  if (value === undefined && entry && child.items.length === 1) {
    return removeEntry(source, map, parentPair);
  }
  return setEntry(source, child, key, value);
}

export function edit(
  text: string,
  change: (source: YamlSource) => string | undefined,
): string | undefined {
  const source = loadYaml(text);
  if (!source) return undefined;
  const result = change(source);
  return result === undefined || result === text ? result : checked(result);
}
