import { EvaluatedValue, ValuePart } from './types';
import { Expr, parseExpression, splitTemplate } from './expressionParser';
import { shellValueParts } from './shellValues';

/**
 * What an expression can see in one matrix combination of one job, at one step.
 * Values of env, inputs and step outputs are raw text: they are evaluated on use
 * (env values may hold expressions, step outputs shell substitutions).
 */
export interface ExpressionScope {
  /** Matrix values of the combination; undefined when the job has no matrix. */
  matrix?: Record<string, string>;
  /** The event being evaluated for (`github.event_name`), when the caller picks one. */
  eventName?: string;
  /** The job's matrix is an expression: `matrix.*` is unknown rather than empty. */
  matrixUnknown?: boolean;
  /** Env visible at this point: workflow, job, step, and $GITHUB_ENV writes of earlier steps. */
  env: ReadonlyMap<string, string>;
  /** Inputs of a reusable workflow call or workflow_dispatch defaults. */
  inputs?: Record<string, string | undefined>;
  /** `$GITHUB_OUTPUT` values of earlier steps with a visible script, by step id. */
  stepOutputs: Record<string, Record<string, string>>;
  /** Ids of steps whose outputs come from a known action (setup-go's go-version). */
  actionOutputs: Record<string, string>;
  /**
   * Ids of the steps that ran before this point, when known: `steps.x` naming any other id
   * (a typo, a later step) expands to an empty string.
   */
  earlierStepIds?: ReadonlySet<string>;
}

const MAX_NESTING = 6;

/** Contexts that differ on every run: kept symbolic so rules can spot per-run keys. */
export const PER_RUN_CONTEXTS = new Set([
  'github.sha',
  'github.run_id',
  'github.run_number',
  'github.run_attempt',
  'github.event.after',
  'github.event.pull_request.head.sha',
]);

function literal(text: string): ValuePart {
  return { kind: 'literal', text };
}

function renderPart(part: ValuePart): string {
  switch (part.kind) {
    case 'literal':
      return part.text;
    case 'context':
      return `\${{ ${part.name} }}`;
    case 'hashFiles':
      return `\${{ hashFiles(${part.patterns
        .map(p => `'${p}'`)
        .join(', ')}) }}`;
    case 'command':
      return `$(${part.command})`;
    default:
      return `\${{ ${part.text} }}`;
  }
}

/** Builds an EvaluatedValue from parts, merging adjacent literals. */
export function toValue(parts: ValuePart[]): EvaluatedValue {
  const merged: ValuePart[] = [];
  for (const part of parts) {
    const last = merged[merged.length - 1];
    if (part.kind === 'literal' && last?.kind === 'literal') {
      merged[merged.length - 1] = literal(last.text + part.text);
    } else if (part.kind !== 'literal' || part.text !== '') {
      merged.push(part);
    }
  }
  return {
    parts: merged,
    text: merged.map(renderPart).join(''),
    isLiteral: merged.every(p => p.kind === 'literal'),
    hasUnknown: merged.some(p => p.kind === 'unknown'),
  };
}

function literalText(parts: ValuePart[]): string | undefined {
  if (!parts.every(p => p.kind === 'literal')) return undefined;
  return parts.map(p => (p as { text: string }).text).join('');
}

function truthy(text: string): boolean {
  return text !== '' && text !== 'false' && text !== '0' && text !== 'null';
}

function unknown(text: string, why: string): ValuePart[] {
  return [{ kind: 'unknown', text, why }];
}

class Evaluator {
  constructor(
    private readonly scope: ExpressionScope,
    private readonly nesting: number,
  ) {}

  template(text: string): ValuePart[] {
    const parts: ValuePart[] = [];
    for (const piece of splitTemplate(text)) {
      if (piece.kind === 'text') parts.push(literal(piece.text));
      else parts.push(...this.body(piece.body));
    }
    return parts;
  }

  private body(body: string): ValuePart[] {
    const expr = parseExpression(body);
    if (!expr) return unknown(body, 'the expression could not be parsed');
    return this.expr(expr, body);
  }

  private expr(expr: Expr, source: string): ValuePart[] {
    switch (expr.type) {
      case 'string':
        return [literal(expr.value)];
      case 'number':
        return [literal(String(expr.value))];
      case 'boolean':
        return [literal(String(expr.value))];
      case 'null':
        return [literal('')];
      case 'ref':
        return this.reference(expr.path, source);
      case 'call':
        return this.call(expr, source);
      case 'not': {
        const value = literalText(this.expr(expr.operand, source));
        return value === undefined
          ? unknown(source, 'a negation of a value known only at run time')
          : [literal(String(!truthy(value)))];
      }
      default:
        return this.binary(expr, source);
    }
  }

  private binary(
    expr: Extract<Expr, { type: 'binary' }>,
    source: string,
  ): ValuePart[] {
    const left = this.expr(expr.left, source);
    const leftText = literalText(left);
    if (expr.op === '||') {
      if (leftText === undefined)
        return unknown(
          source,
          'an `||` whose left side is known only at run time',
        );
      return truthy(leftText) ? left : this.expr(expr.right, source);
    }
    if (expr.op === '&&') {
      if (leftText === undefined)
        return unknown(
          source,
          'an `&&` whose left side is known only at run time',
        );
      return truthy(leftText) ? this.expr(expr.right, source) : left;
    }
    const rightText = literalText(this.expr(expr.right, source));
    if (leftText === undefined || rightText === undefined) {
      return unknown(source, 'a comparison of values known only at run time');
    }
    const a = leftText.toLowerCase();
    const b = rightText.toLowerCase();
    let result: boolean;
    if (expr.op === '==') result = a === b;
    else if (expr.op === '!=') result = a !== b;
    else result = compareOrdered(a, b, expr.op);
    return [literal(String(result))];
  }

  private call(
    expr: Extract<Expr, { type: 'call' }>,
    source: string,
  ): ValuePart[] {
    const args = expr.args.map(a => this.expr(a, source));
    const texts = args.map(literalText);
    switch (expr.name) {
      case 'hashfiles':
        if (texts.some(t => t === undefined)) {
          return unknown(
            source,
            'hashFiles over patterns known only at run time',
          );
        }
        return [{ kind: 'hashFiles', patterns: texts as string[] }];
      case 'format':
        return this.format(args, source);
      case 'join': {
        const list =
          texts[0] === undefined ? undefined : parseJsonArray(texts[0]);
        if (!list) return args[0] ?? [];
        return [literal(list.join(texts[1] ?? ','))];
      }
      case 'fromjson':
      case 'tojson':
        return texts[0] === undefined
          ? unknown(source, `${expr.name} of a run-time value`)
          : [literal(unquoteJson(texts[0]))];
      case 'contains':
      case 'startswith':
      case 'endswith': {
        if (texts[0] === undefined || texts[1] === undefined) {
          return unknown(source, `${expr.name} of a run-time value`);
        }
        const [a, b] = [texts[0].toLowerCase(), texts[1].toLowerCase()];
        const checks: Record<string, () => boolean> = {
          contains: () => a.includes(b),
          startswith: () => a.startsWith(b),
          endswith: () => a.endsWith(b),
        };
        const result = checks[expr.name]();
        return [literal(String(result))];
      }
      case 'always':
      case 'success':
      case 'failure':
      case 'cancelled':
        return unknown(source, 'a job status function');
      default:
        return unknown(
          source,
          `the function ${expr.name}() is not evaluated statically`,
        );
    }
  }

  private format(args: ValuePart[][], source: string): ValuePart[] {
    const pattern = args[0] && literalText(args[0]);
    if (pattern === undefined)
      return unknown(source, 'a format() pattern known only at run time');
    const parts: ValuePart[] = [];
    const re = /\{(\d+)\}|\{\{|\}\}/g;
    let last = 0;
    for (let m = re.exec(pattern); m; m = re.exec(pattern)) {
      parts.push(literal(pattern.slice(last, m.index)));
      if (m[1] === undefined) parts.push(literal(m[0][0]));
      else parts.push(...(args[Number(m[1]) + 1] ?? []));
      last = m.index + m[0].length;
    }
    parts.push(literal(pattern.slice(last)));
    return parts;
  }

  private reference(path: string[], source: string): ValuePart[] {
    const [head, ...rest] = path;
    const context = head.toLowerCase();
    const name = path.join('.');
    if (context === 'matrix') return this.matrix(rest, source);
    if (name === 'github.event_name' && this.scope.eventName) {
      return [literal(this.scope.eventName)];
    }
    if (context === 'env' && rest.length === 1) return this.env(rest[0]);
    if (context === 'inputs' && rest.length === 1) {
      const value = this.scope.inputs?.[rest[0]];
      return value === undefined
        ? unknown(source, `input ${rest[0]} has no value the scan can see`)
        : this.nested(value);
    }
    if (context === 'steps' && rest.length === 3 && rest[1] === 'outputs')
      return this.stepOutput(rest[0], rest[2], source);
    if (
      ['runner', 'github', 'secrets', 'vars', 'job', 'strategy'].includes(
        context,
      )
    ) {
      return [{ kind: 'context', name: `${context}.${rest.join('.')}` }];
    }
    return unknown(source, `${name} is known only at run time`);
  }

  private matrix(rest: string[], source: string): ValuePart[] {
    const matrix = this.scope.matrix;
    if (
      this.scope.matrixUnknown &&
      (!matrix || matrix[rest[0]] === undefined)
    ) {
      return unknown(source, 'the matrix is computed at run time');
    }
    if (!matrix)
      return rest.length
        ? [literal('')]
        : unknown(source, 'the job has no matrix');
    if (rest.length === 0) return [literal(JSON.stringify(matrix))];
    const value = matrix[rest[0]];
    if (value === undefined) return [literal('')]; // GitHub expands an undefined matrix key to ''.
    if (rest.length === 1) return [literal(value)];
    try {
      let current: unknown = JSON.parse(value);
      for (const key of rest.slice(1))
        current = (current as Record<string, unknown> | undefined)?.[key];
      if (current === undefined || current === null) return [literal('')];
      return [
        literal(
          typeof current === 'string' ? current : JSON.stringify(current),
        ),
      ];
    } catch {
      return [literal('')];
    }
  }

  private env(name: string): ValuePart[] {
    const value = this.scope.env.get(name);
    if (value === undefined) {
      return unknown(
        `env.${name}`,
        `env.${name} is not set where the scan can see it`,
      );
    }
    return this.nested(value, true);
  }

  private stepOutput(
    stepId: string,
    output: string,
    source: string,
  ): ValuePart[] {
    if (this.scope.earlierStepIds && !this.scope.earlierStepIds.has(stepId))
      return [literal('')]; // GitHub expands outputs of a step that has not run to ''.
    const action = this.scope.actionOutputs[stepId];
    if (action)
      return [{ kind: 'context', name: `steps.${stepId}.outputs.${output}` }];
    const value = this.scope.stepOutputs[stepId]?.[output];
    if (value === undefined) {
      return unknown(
        source,
        `output ${output} of step ${stepId} is set by something the scan cannot follow`,
      );
    }
    return this.nested(value, true);
  }

  private nested(text: string, shell = false): ValuePart[] {
    if (this.nesting >= MAX_NESTING)
      return unknown(text, 'values nest too deeply to follow');
    const inner = new Evaluator(this.scope, this.nesting + 1);
    const parts = inner.template(text);
    return shell
      ? parts.flatMap(p =>
          p.kind === 'literal' ? shellValueParts(p.text, this.scope.env) : [p],
        )
      : parts;
  }
}

function compareOrdered(a: string, b: string, op: string): boolean {
  const [x, y] = [Number(a), Number(b)];
  const [l, r]: [number | string, number | string] =
    Number.isNaN(x) || Number.isNaN(y) ? [a, b] : [x, y];
  if (op === '<') return l < r;
  if (op === '>') return l > r;
  if (op === '<=') return l <= r;
  return l >= r;
}

function parseJsonArray(text: string): string[] | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value)
      ? value.map(v => (typeof v === 'string' ? v : JSON.stringify(v)))
      : undefined;
  } catch {
    return undefined;
  }
}

function unquoteJson(text: string): string {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'string' ? value : text;
  } catch {
    return text;
  }
}

/** Evaluates a string with `${{ }}` parts in a scope. Never throws. */
export function evaluateTemplate(
  text: string,
  scope: ExpressionScope,
): EvaluatedValue {
  return toValue(new Evaluator(scope, 0).template(text));
}

/** Evaluates a value that a shell produced (a `$GITHUB_ENV` line): `$(…)` and `$VAR` too. */
export function evaluateShellValue(
  text: string,
  scope: ExpressionScope,
): EvaluatedValue {
  const parts = new Evaluator(scope, 0).template(text);
  return toValue(
    parts.flatMap(p =>
      p.kind === 'literal' ? shellValueParts(p.text, scope.env) : [p],
    ),
  );
}
