import { parse } from 'yaml';

/**
 * Words YAML 1.1 parsers (and so some tools reading workflows) take for booleans or
 * null: quoted even though YAML 1.2 reads most of them as strings.
 */
const AMBIGUOUS_WORDS =
  /^(?:y|n|yes|no|on|off|true|false|null|~|nan|\.nan|\.inf|-\.inf|\+\.inf)$/i;
const NUMBER_LIKE = /^[-+]?(?:\d|\.\d)[\d_.:eE+-]*$|^0[xXoObB]/;
/** C0/C1 control characters (tab and line feed aside) and the BOM: YAML cannot write them raw. */
function hasControl(value: string): boolean {
  for (const char of value) {
    const code = char.codePointAt(0)!;
    const c0 = code < 0x20 && code !== 0x09 && code !== 0x0a;
    if (c0 || (code >= 0x7f && code <= 0x9f) || code === 0xfeff) return true;
  }
  return false;
}

function plainIsSafe(value: string): boolean {
  if (value === '' || value !== value.trim() || /[\r\n]/.test(value))
    return false;
  if (hasControl(value) || value.includes('\t')) return false;
  if (/^[[\]{}#&*!|>'"%@`,]/.test(value)) return false;
  if (/^[-?:](?:\s|$)/.test(value)) return false;
  if (/:(?:\s|$)|\s#/.test(value)) return false;
  if (AMBIGUOUS_WORDS.test(value) || NUMBER_LIKE.test(value)) return false;
  try {
    return parse(value) === value;
  } catch {
    return false;
  }
}

/**
 * A YAML flow scalar for a value: plain when that reads back as the same string, else
 * single-quoted ('' escapes), or double-quoted when the value holds line breaks or
 * control characters that single quotes cannot carry. `${{ }}` expressions stay plain
 * unless they contain `: `, ` #` or start the value with an indicator.
 */
export function yamlScalar(value: string): string {
  if (plainIsSafe(value)) return value;
  if (/[\r\n]/.test(value) || hasControl(value)) return JSON.stringify(value);
  return `'${value.replace(/'/g, "''")}'`;
}

/** Block scalars cannot carry carriage returns or control characters (tabs are fine). */
function blockIsSafe(value: string): boolean {
  return value.includes('\n') && !value.includes('\r') && !hasControl(value);
}

/** A value the setters write: text (quoted when needed) or a boolean, written plainly. */
export type ScalarValue = string | boolean;

/**
 * What follows `key:` for a value whose key is at `keyColumn`: ` plain`, ` 'quoted'` or,
 * for multi-line text, a `|` block scalar indented one unit deeper (chomping `-`/`+`
 * keeps the value's trailing line breaks exact).
 */
export function renderValue(
  value: ScalarValue,
  keyColumn: number,
  unit: number,
  eol: string,
): string {
  if (typeof value === 'boolean') return ` ${value}`;
  if (!blockIsSafe(value)) return ` ${yamlScalar(value)}`;
  const trailing = value.length - value.replace(/\n+$/, '').length;
  const body = value.slice(0, value.length - trailing).split('\n');
  const chomping = ['-', '', '+'][Math.min(trailing, 2)];
  const lines = [...body, ...Array(Math.max(0, trailing - 1)).fill('')];
  // Leading spaces on the first line would be read as indentation: say it explicitly.
  const indicator = /^\s/.test(body[0]) ? String(unit) : '';
  const pad = ' '.repeat(keyColumn + unit);
  const content = lines.map(line => (line ? pad + line : ''));
  return ` |${indicator}${chomping}${eol}${content.join(eol)}`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Lines (without line breaks) of `key: value` written as block YAML at `keyColumn`:
 * strings, numbers and booleans as scalars, objects as nested maps, arrays as sequences.
 * Undefined and null members are left out; a list of objects throws (callers refuse it).
 */
export function renderEntry(
  key: string,
  value: unknown,
  keyColumn: number,
  unit: number,
  eol: string,
): string[] {
  const head = ' '.repeat(keyColumn) + yamlScalar(key);
  if (isPlainObject(value)) {
    const members = Object.entries(value).filter(
      ([, v]) => v !== undefined && v !== null,
    );
    if (!members.length) return [`${head}: {}`];
    return [
      `${head}:`,
      ...members.flatMap(([k, v]) =>
        renderEntry(k, v, keyColumn + unit, unit, eol),
      ),
    ];
  }
  if (Array.isArray(value)) {
    if (!value.length) return [`${head}: []`];
    const pad = ' '.repeat(keyColumn + unit);
    return [
      `${head}:`,
      ...value.map(item => {
        if (typeof item === 'object' && item !== null) {
          throw new Error(`Cannot write a list of objects under '${key}'`);
        }
        return `${pad}- ${yamlScalar(String(item))}`;
      }),
    ];
  }
  const text = typeof value === 'string' ? value : String(value);
  const rendered =
    typeof value === 'string'
      ? renderValue(text, keyColumn, unit, eol)
      : ` ${text}`;
  return `${head}:${rendered}`.split(eol);
}
