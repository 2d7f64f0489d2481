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
import { renderEntry, ScalarValue } from './yamlRender';
import {
  column,
  contentEnd,
  isBlockMap,
  keyColumn,
  lineOf,
  nextLineStart,
  pairOf,
  sharesNodes,
  splice,
  startOf,
  StepItem,
  stepItems,
  YamlSource,
} from './yamlSource';
import {
  aboveComments,
  edit,
  insertLines,
  Placement,
  replaceValue,
  setEntry,
  setNested,
} from './yamlEntries';

export { yamlScalar } from './yamlRender';

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
