/**
 * Which runs a job-level `if:` lets through. A job with `if: startsWith(github.ref,
 * 'refs/tags/')` in a workflow started on every push runs only on tag pushes, so the cache
 * rules must not count it as a branch-push job. The condition is evaluated three-valued for
 * each kind of run the triggers start (a branch push, a tag push, a pull request, a
 * release...): only a kind for which the condition is false for certain is removed.
 */
import { Expr, parseExpression, splitTemplate } from './expressionParser';
import {
  classifyTriggers,
  pushRunsOnBranches,
  pushRunsOnTags,
} from './triggers';
import { TriggerEvent, WorkflowTriggers } from './types';

/** The ref a run sees: `refs/heads/…`, `refs/tags/…`, `refs/pull/…`, or not known. */
type RefKind = 'branch' | 'tag' | 'pull' | 'unknown';

interface RunKind {
  event: string;
  ref: RefKind;
}

const UNKNOWN = Symbol('unknown');

/** A string of which only the beginning is known (`github.ref` of a tag push). */
interface Prefixed {
  prefix: string;
}

type Value = string | number | boolean | null | Prefixed | typeof UNKNOWN;

const REF_PREFIX: Record<Exclude<RefKind, 'unknown'>, string> = {
  branch: 'refs/heads/',
  tag: 'refs/tags/',
  pull: 'refs/pull/',
};

function isPrefixed(value: Value): value is Prefixed {
  return typeof value === 'object' && value !== null;
}

/** GitHub's truthiness: false, 0, '', null are falsy; undefined when not known. */
function truthy(value: Value): boolean | undefined {
  if (value === UNKNOWN) return undefined;
  if (isPrefixed(value)) return true;
  return Boolean(value);
}

function context(path: string[], run: RunKind): Value {
  const name = path.join('.').toLowerCase();
  if (name === 'github.event_name') return run.event;
  if (name === 'github.ref')
    return run.ref === 'unknown' ? UNKNOWN : { prefix: REF_PREFIX[run.ref] };
  if (name === 'github.ref_type') {
    if (run.ref === 'tag') return 'tag';
    // Pull-request runs report their merge ref as a branch.
    return run.ref === 'unknown' ? UNKNOWN : 'branch';
  }
  return UNKNOWN;
}

function lower(value: Value): Value {
  return typeof value === 'string' ? value.toLowerCase() : value;
}

/** startsWith/contains/endsWith, case-insensitive as GitHub compares. */
function stringCall(name: string, haystack: Value, needle: Value): Value {
  if (typeof needle !== 'string') return UNKNOWN;
  const wanted = needle.toLowerCase();
  if (typeof haystack === 'string') {
    const text = haystack.toLowerCase();
    if (name === 'startswith') return text.startsWith(wanted);
    if (name === 'endswith') return text.endsWith(wanted);
    return text.includes(wanted);
  }
  if (!isPrefixed(haystack)) return UNKNOWN;
  const known = haystack.prefix;
  if (name === 'startswith') {
    if (known.startsWith(wanted)) return true;
    return wanted.startsWith(known) ? UNKNOWN : false;
  }
  if (name === 'contains') {
    if (known.includes(wanted)) return true;
    // Another ref namespace (`refs/tags` in a branch ref) cannot follow the prefix.
    if (wanted.startsWith('refs/') && !wanted.startsWith(known)) return false;
  }
  return UNKNOWN;
}

function equals(left: Value, right: Value): Value {
  if (left === UNKNOWN || right === UNKNOWN) return UNKNOWN;
  const a = lower(left);
  const b = lower(right);
  if (isPrefixed(a) || isPrefixed(b)) {
    const prefixed = (isPrefixed(a) ? a : b) as Prefixed;
    const other = isPrefixed(a) ? b : a;
    if (typeof other !== 'string') return UNKNOWN;
    return other.startsWith(prefixed.prefix) ? UNKNOWN : false;
  }
  if (typeof a === typeof b) return a === b;
  return UNKNOWN;
}

function evaluate(expr: Expr, run: RunKind): Value {
  switch (expr.type) {
    case 'string':
    case 'number':
    case 'boolean':
      return expr.value;
    case 'null':
      return null;
    case 'ref':
      return context(expr.path, run);
    case 'not': {
      const value = truthy(evaluate(expr.operand, run));
      return value === undefined ? UNKNOWN : !value;
    }
    case 'call': {
      if (expr.name === 'always') return true;
      if (
        ['startswith', 'endswith', 'contains'].includes(expr.name) &&
        expr.args.length === 2
      ) {
        return stringCall(
          expr.name,
          evaluate(expr.args[0], run),
          evaluate(expr.args[1], run),
        );
      }
      return UNKNOWN;
    }
    default:
      return binary(expr, run);
  }
}

function binary(expr: Extract<Expr, { type: 'binary' }>, run: RunKind): Value {
  const left = evaluate(expr.left, run);
  if (expr.op === '&&' || expr.op === '||') {
    const decided = truthy(left);
    const isAnd = expr.op === '&&';
    // `a && b` is a when a is falsy; `a || b` is a when a is truthy.
    if (decided === !isAnd) return left;
    const right = evaluate(expr.right, run);
    if (decided !== undefined) return right;
    // Left unknown: the result is known only when the right side alone decides it.
    return truthy(right) === !isAnd ? !isAnd : UNKNOWN;
  }
  const right = evaluate(expr.right, run);
  if (expr.op === '==') return equals(left, right);
  if (expr.op === '!=') {
    const same = equals(left, right);
    return same === UNKNOWN ? UNKNOWN : !same;
  }
  return UNKNOWN;
}

/**
 * The expression of an `if:`: the body of a lone `${{ }}`, or the text itself (GitHub
 * reads a bare `if:` as an expression). Undefined when the text mixes literal text with
 * expressions, which GitHub reads as an always-truthy string, or does not parse.
 */
function conditionExpression(condition: string): Expr | undefined {
  const pieces = splitTemplate(condition.trim());
  if (!pieces.some(p => p.kind === 'expression'))
    return parseExpression(condition);
  if (pieces.length !== 1 || pieces[0].kind !== 'expression') return undefined;
  return parseExpression(pieces[0].body);
}

/** The kinds of run one trigger event starts. */
function runKindsOf(event: TriggerEvent): RunKind[] {
  const name = event.name;
  if (name === 'push') {
    const kinds: RunKind[] = [];
    if (pushRunsOnBranches(event)) kinds.push({ event: name, ref: 'branch' });
    if (pushRunsOnTags(event)) kinds.push({ event: name, ref: 'tag' });
    return kinds;
  }
  if (name === 'pull_request') return [{ event: name, ref: 'pull' }];
  if (['pull_request_target', 'merge_group', 'schedule'].includes(name))
    return [{ event: name, ref: 'branch' }];
  if (name === 'release') return [{ event: name, ref: 'tag' }];
  return [{ event: name, ref: 'unknown' }];
}

/** A push event limited to the kinds of ref the condition lets through. */
function narrowPush(event: TriggerEvent, kept: RunKind[]): TriggerEvent {
  const refs = new Set(kept.map(k => k.ref));
  if (refs.has('branch') && refs.has('tag')) return event;
  if (refs.has('tag')) {
    return {
      ...event,
      branches: undefined,
      branchesIgnore: undefined,
      tags: event.tags ?? (event.tagsIgnore ? undefined : ['**']),
    };
  }
  return {
    ...event,
    tags: undefined,
    tagsIgnore: undefined,
    branches: event.branches ?? (event.branchesIgnore ? undefined : ['**']),
  };
}

/**
 * The triggers under which a job with the given `if:` really runs: events for which the
 * condition is false for certain are dropped, and pushes are limited to branches or tags
 * when the condition tells them apart. Unchanged when the condition is absent or unknown.
 */
export function narrowTriggers(
  triggers: WorkflowTriggers,
  condition: string | undefined,
): WorkflowTriggers {
  if (!condition) return triggers;
  const expr = conditionExpression(condition);
  if (!expr) return triggers;
  let changed = false;
  const events: TriggerEvent[] = [];
  for (const event of triggers.events) {
    const kinds = runKindsOf(event);
    const kept = kinds.filter(k => truthy(evaluate(expr, k)) !== false);
    if (kept.length === kinds.length) {
      events.push(event);
      continue;
    }
    changed = true;
    if (kept.length && event.name === 'push')
      events.push(narrowPush(event, kept));
    else if (kept.length) events.push(event);
  }
  if (!changed) return triggers;
  return { ...classifyTriggers(events), lines: triggers.lines };
}
