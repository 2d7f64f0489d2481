/*
 * How a fetch variable is written in each kind of file, found on one line: a YAML env
 * entry, a Makefile assignment, a Dockerfile `ENV NAME value`, or a shell-style
 * `NAME=value` word (scripts, `ENV`/`ARG`, `go env -w`, `--build-arg`). Values are
 * written back in the quoting the line already uses.
 */
import { yamlScalar } from '../../../fixes/workflowText';

export type Syntax = 'yaml' | 'makefile' | 'dockerfile' | 'shell';

/** One written `NAME … value` on a line: `[start, end)` covers name, separator and value. */
export interface WrittenValue {
  start: number;
  end: number;
  name: string;
  /** The separator between name and value as written (`=`, `: `, ` := `, ` `). */
  separator: string;
  value: string;
  /** Quote around the value (`"`, `'`) or ''. */
  quote: string;
  /** The word sits inside a quoted string (`echo "NAME=v" >> $GITHUB_ENV`). */
  insideQuotes: boolean;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function unquoted(raw: string): { value: string; quote: string } {
  const m = /^(["'])(.*)\1$/.exec(raw);
  return m ? { value: m[2], quote: m[1] } : { value: raw, quote: '' };
}

function yamlValue(line: string, name: string): WrittenValue | undefined {
  const m = new RegExp(
    `^(\\s*(?:-\\s+)?)((["']?)${escape(
      name,
    )}\\3)(\\s*:[ \\t]*)(.*?)([ \\t]+#.*)?$`,
  ).exec(line);
  if (!m || m[5] === '' || /^[|>&*!{[]/.test(m[5])) return undefined;
  const { value, quote } = unquoted(m[5]);
  const start = m[1].length;
  return {
    start,
    end: start + m[2].length + m[4].length + m[5].length,
    name,
    separator: m[4],
    value: quote === "'" ? value.replace(/''/g, "'") : value,
    quote,
    insideQuotes: false,
  };
}

function makefileValue(line: string, name: string): WrittenValue | undefined {
  const m = new RegExp(
    `^(\\s*(?:(?:export|override)\\s+)*)${escape(
      name,
    )}(\\s*[:?+!]*=[ \\t]*)(.*?)([ \\t]+#.*)?$`,
  ).exec(line);
  if (!m) return undefined;
  const start = m[1].length;
  return {
    start,
    end: start + name.length + m[2].length + m[3].length,
    name,
    separator: m[2],
    value: m[3],
    quote: '',
    insideQuotes: false,
  };
}

function legacyEnvValue(line: string, name: string): WrittenValue | undefined {
  // `ENV NAME value`: the rest of the instruction is the value.
  const m = new RegExp(
    `^(\\s*env\\s+)${escape(name)}(\\s+)(\\S.*?)\\s*$`,
    'i',
  ).exec(line);
  if (!m || m[3].endsWith('\\')) return undefined;
  const { value, quote } = unquoted(m[3]);
  return {
    start: m[1].length,
    end: m[1].length + name.length + m[2].length + m[3].length,
    name,
    separator: m[2],
    value,
    quote,
    insideQuotes: false,
  };
}

function wordValue(line: string, name: string): WrittenValue | undefined {
  const m = new RegExp(
    `(^|[\\s"';&|(])${escape(name)}=("[^"]*"|'[^']*'|[^\\s"';&|)]*)`,
  ).exec(line);
  if (!m) return undefined;
  const start = m.index + m[1].length;
  const { value, quote } = unquoted(m[2]);
  return {
    start,
    end: start + name.length + 1 + m[2].length,
    name,
    separator: '=',
    value,
    quote,
    insideQuotes: m[1] === '"' || m[1] === "'",
  };
}

/** The first place `name` is given a value on the line, in the file's syntax. */
export function findWrittenValue(
  line: string,
  name: string,
  syntax: Syntax,
): WrittenValue | undefined {
  switch (syntax) {
    case 'yaml':
      return yamlValue(line, name);
    case 'makefile':
      return makefileValue(line, name);
    case 'dockerfile':
      return wordValue(line, name) ?? legacyEnvValue(line, name);
    default:
      return wordValue(line, name);
  }
}

/** The value in the quoting its place needs, keeping the quote already written. */
export function formatValue(
  value: string,
  written: WrittenValue,
  syntax: Syntax,
): string {
  if (written.quote === "'") return `'${value.replace(/'/g, "''")}'`;
  if (written.quote === '"') return `"${value}"`;
  if (syntax === 'yaml') return yamlScalar(value);
  if (syntax === 'shell' && !written.insideQuotes && /[\s*?[]/.test(value))
    return `'${value}'`;
  if (syntax === 'dockerfile' && /\s/.test(value)) return `"${value}"`;
  return value;
}

/** The line with the written value replaced by `name` = `value`. */
export function replaceWrittenValue(
  line: string,
  written: WrittenValue,
  syntax: Syntax,
  value: string,
  name: string = written.name,
): string {
  return `${line.slice(0, written.start)}${name}${
    written.separator
  }${formatValue(value, written, syntax)}${line.slice(written.end)}`;
}
