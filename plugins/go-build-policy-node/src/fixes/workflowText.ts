/**
 * Minimal, formatting-preserving edits of GitHub Actions workflow and action files, for
 * fix proposals. Each edit locates its node through the YAML parser's source ranges and
 * splices the original text: comments, quoting, blank lines and indentation elsewhere
 * stay byte-identical, and the line breaks of the file (LF or CRLF) are reused. Every
 * function returns undefined rather than guess: a step or job that cannot be found, a
 * flow-style map (`with: {a: b}`), anchors or aliases on the way (an edit there would
 * change other places), or a result that would not parse.
 *
 * Steps are named by the line their item starts on (`Step.span.startLine`): the line of
 * the step's first key, which is the `- ` line in the usual `- name: x` / `- uses: x`
 * forms. Steps are found under any `steps:` key, so composite actions (`runs.steps`)
 * work like workflows.
 */
import { isScalar, Pair, YAMLMap } from 'yaml';
import { renderEntry, renderValue, ScalarValue } from './yamlRender';
import {
  checked,
  column,
  contentEnd,
  isBlockMap,
  isEmptyScalar,
  keyColumn,
  lineOf,
  lineStart,
  loadYaml,
  nextLineStart,
  pairOf,
  sharesNodes,
  splice,
  startOf,
  startsLine,
  StepItem,
  stepItems,
  YamlSource,
} from './yamlSource';

export { yamlScalar } from './yamlRender';

/** Where a new entry goes: after the first present `after` key, else before the first present `before` key, else last. */
interface Placement {
  after?: string[];
  before?: string[];
}

export type EnvScope =
  | { level: 'workflow' }
  | { level: 'job'; jobId: string }
  | { level: 'step'; stepLine: number };

function findStepItem(
  source: YamlSource,
  stepLine: number,
): StepItem | undefined {
  const item = stepItems(source).find(({ step }) => {
    const start = startOf(step);
    return start !== undefined && lineOf(source, start) === stepLine;
  });
  const step = item?.step;
  if (!isBlockMap(step) || !step.items.length || sharesNodes(step))
    return undefined;
  return item;
}

function findStep(source: YamlSource, stepLine: number): YAMLMap | undefined {
  return findStepItem(source, stepLine)?.step;
}

/** Offset to insert whole lines at, above the comment lines that belong to the line at `offset`. */
function aboveComments(text: string, offset: number): number {
  let start = lineStart(text, offset);
  while (start > 0) {
    const previous = lineStart(text, start - 1);
    if (!/^[ \t]*#/.test(text.slice(previous, start))) break;
    start = previous;
  }
  return start;
}

/** Writes whole lines at a line start (or the end of the text). */
function insertLines(
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
function replaceValue(
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
function setEntry(
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
function setNested(
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

function edit(
  text: string,
  change: (source: YamlSource) => string | undefined,
): string | undefined {
  const source = loadYaml(text);
  if (!source) return undefined;
  const result = change(source);
  return result === undefined || result === text ? result : checked(result);
}

/**
 * Sets `with.<input>` of the step whose item starts at line `stepLine` (1-based, as
 * Step.span.startLine); adds `with:` after `uses:` if missing; removes the input when
 * value is undefined (and an emptied `with:`). Booleans are written plainly (`cache: false`),
 * as action docs show them. Returns undefined when the step cannot
 * be found, has no `uses:`, or cannot be edited safely (flow-style maps, anchors).
 */
export function setStepInput(
  text: string,
  stepLine: number,
  input: string,
  value: ScalarValue | undefined,
): string | undefined {
  return edit(text, source => {
    const step = findStep(source, stepLine);
    // `with:` only means something to an action: a `run:` step cannot take inputs.
    if (!step || !pairOf(step, 'uses')) return undefined;
    return setNested(source, step, 'with', input, value, { after: ['uses'] });
  });
}

/** Top-level step keys conventionally written first, so a new one goes near the top. */
const LEADING_STEP_FIELDS = ['name', 'id', 'if'];

/**
 * Sets (or removes, when undefined) a top-level field of a step that holds a scalar:
 * `id`, `name`, `if`, `shell`, `working-directory`... A new `name`/`id`/`if` goes after
 * the step's `name`/`id` (or first); others go last.
 */
export function setStepField(
  text: string,
  stepLine: number,
  field: string,
  value: string | undefined,
): string | undefined {
  return edit(text, source => {
    const step = findStep(source, stepLine);
    if (!step) return undefined;
    const existing = pairOf(step, field);
    if (existing && !isScalar(existing.value) && existing.value !== null)
      return undefined;
    const leading = LEADING_STEP_FIELDS.includes(field);
    const placement: Placement = leading
      ? {
          after: LEADING_STEP_FIELDS.slice(
            0,
            LEADING_STEP_FIELDS.indexOf(field),
          ).reverse(),
          before: [firstKey(step)],
        }
      : {};
    return setEntry(source, step, field, value, placement);
  });
}

function firstKey(map: YAMLMap): string {
  const key = (map.items[0] as Pair).key;
  return isScalar(key) ? String(key.value) : '';
}

/** A version written as a comment after a pinned ref: `# v4`, `# v4.1.7`, `# tag=v2`. */
const VERSION_COMMENT =
  /^#\s*(?:(?:tag|version)\s*[=:]\s*)?v?\d+(?:\.\d+)*[-+.\w]*\s*$/i;

/**
 * Replaces the step's `uses:` value (e.g. 'actions/setup-go@v5'). A trailing comment is
 * kept unless it is a version annotation (`# v4.1.0` after a SHA pin) and the ref
 * changes: it would then name the wrong version.
 */
export function setStepUses(
  text: string,
  stepLine: number,
  uses: string,
): string | undefined {
  return edit(text, source => {
    const step = findStep(source, stepLine);
    const pair = step && pairOf(step, 'uses');
    const node = pair?.value;
    if (!step || !pair || !isScalar(node) || typeof node.value !== 'string')
      return undefined;
    const end = contentEnd(source.text, node);
    if (end === undefined) return undefined;
    const replaced = replaceValue(source, step, pair, uses);
    if (replaced === undefined || node.value === uses) return replaced;
    const lineEnd = source.text.slice(end).search(/\r?\n|$/);
    const comment = source.text.slice(end, end + lineEnd).match(/^\s+(#.*)$/);
    if (!comment || !VERSION_COMMENT.test(comment[1].trim())) return replaced;
    // The value changed length: the comment now starts where the new value ends.
    const shift = replaced.length - source.text.length;
    return splice(replaced, end + shift, end + shift + lineEnd, '');
  });
}

function envContainer(
  source: YamlSource,
  scope: EnvScope,
): { map: YAMLMap; placement: Placement } | undefined {
  if (scope.level === 'step') {
    const step = findStep(source, scope.stepLine);
    return step && { map: step, placement: {} };
  }
  const root = source.doc.contents;
  if (!isBlockMap(root)) return undefined;
  if (scope.level === 'workflow') {
    return { map: root, placement: { after: ['on'], before: ['jobs'] } };
  }
  const jobs = pairOf(root, 'jobs')?.value;
  const job = isBlockMap(jobs) ? pairOf(jobs, scope.jobId)?.value : undefined;
  // A job that calls a reusable workflow (`uses:`) cannot have `env:`.
  if (!isBlockMap(job) || pairOf(job, 'uses')) return undefined;
  return {
    map: job,
    placement: { after: ['runs-on', 'container', 'needs', 'name'] },
  };
}

/**
 * Sets (adds, replaces, or removes when undefined) an env var at workflow level, job
 * level or step level. A missing `env:` map is added where people conventionally write
 * it: workflow level after `on:` (else before `jobs:`), job level after `runs-on:`,
 * step level as the step's last entry (after `uses`/`with` or `run`, as GitHub's docs
 * show it). An `env:` emptied by a removal is removed.
 */
export function setEnv(
  text: string,
  scope: EnvScope,
  name: string,
  value: string | undefined,
): string | undefined {
  return edit(text, source => {
    const container = envContainer(source, scope);
    if (!container) return undefined;
    const { map, placement } = container;
    return setNested(source, map, 'env', name, value, placement);
  });
}

/** True when sibling steps are separated by blank lines: a new step follows suit. */
function blankLineSeparated(source: YamlSource, steps: unknown[]): boolean {
  const { text } = source;
  if (steps.length < 2) return false;
  return steps.slice(1).every((step, i) => {
    const previousEnd = contentEnd(text, steps[i]);
    const start = startOf(step);
    if (previousEnd === undefined || start === undefined) return false;
    return /\n[ \t]*\r?\n/.test(text.slice(previousEnd, start));
  });
}

/**
 * Inserts a step (a plain object, written as block YAML at the sibling steps'
 * indentation, keys in the object's order) before or after the step at `stepLine`.
 * Before a step, the new one goes above the comment lines that introduce it.
 */
export function insertStep(
  text: string,
  stepLine: number,
  where: 'before' | 'after',
  step: Record<string, unknown>,
): string | undefined {
  return edit(text, source => {
    const item = findStepItem(source, stepLine);
    const target = item?.step;
    const start = startOf(target);
    if (!item || !target || start === undefined || !Object.keys(step).length)
      return undefined;
    const dash = dashBefore(source.text, start);
    if (dash === undefined) return undefined;
    const keyCol = keyColumn(source, target);
    const dashCol = column(source.text, dash);
    if (keyCol <= dashCol) return undefined;
    let lines: string[];
    try {
      lines = Object.entries(step)
        .filter(([, v]) => v !== undefined && v !== null)
        .flatMap(([k, v]) =>
          renderEntry(k, v, keyCol, source.unit, source.eol),
        );
    } catch {
      return undefined;
    }
    lines[0] = `${' '.repeat(dashCol)}-${' '.repeat(
      keyCol - dashCol - 1,
    )}${lines[0].slice(keyCol)}`;
    const blank = blankLineSeparated(source, item.siblings) ? [''] : [];
    if (where === 'before') {
      const at = aboveComments(source.text, dash);
      return insertLines(source, at, [...lines, ...blank]);
    }
    const end = contentEnd(source.text, target);
    if (end === undefined) return undefined;
    return insertLines(source, nextLineStart(source.text, end), [
      ...blank,
      ...lines,
    ]);
  });
}

/** Offset of the `-` that introduces the item starting at `start` (maybe on an earlier line). */
function dashBefore(text: string, start: number): number | undefined {
  let at = start - 1;
  while (at >= 0 && /\s/.test(text[at])) at--;
  return text[at] === '-' ? at : undefined;
}
