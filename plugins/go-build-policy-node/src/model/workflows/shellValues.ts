import { ValuePart } from './types';

/** Runner-provided variables, mapped to the expression context that holds the same value. */
const RUNNER_VARIABLES: Record<string, string> = {
  GITHUB_SHA: 'github.sha',
  GITHUB_RUN_ID: 'github.run_id',
  GITHUB_RUN_NUMBER: 'github.run_number',
  GITHUB_RUN_ATTEMPT: 'github.run_attempt',
  GITHUB_REF: 'github.ref',
  GITHUB_REF_NAME: 'github.ref_name',
  GITHUB_WORKSPACE: 'github.workspace',
  RUNNER_OS: 'runner.os',
  RUNNER_ARCH: 'runner.arch',
  RUNNER_TEMP: 'runner.temp',
  RUNNER_TOOL_CACHE: 'runner.tool_cache',
  ImageOS: 'runner.image_os',
};

// `$(…)` (one level of nesting), backticks, `${VAR}`, `$VAR`, PowerShell `$env:VAR`.
const SHELL_TOKEN =
  /\$\(((?:[^()]|\([^()]*\))*)\)|`([^`]*)`|\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$env:([A-Za-z_][A-Za-z0-9_]*)|\$([A-Za-z_][A-Za-z0-9_]*)/g;

function variable(name: string, env: ReadonlyMap<string, string>): ValuePart {
  if (name === 'HOME') return { kind: 'literal', text: '~' };
  const context = RUNNER_VARIABLES[name];
  if (context) return { kind: 'context', name: context };
  const value = env.get(name);
  if (value !== undefined && !/[$`]/.test(value))
    return { kind: 'literal', text: value };
  return {
    kind: 'unknown',
    text: `$${name}`,
    why: `shell variable ${name} is set at run time`,
  };
}

/**
 * Splits text a shell produced into parts: command substitutions become `command` parts
 * (rules read their meaning: `date +%Y%V`, `go env GOMODCACHE`), variables resolve through
 * env where known. Quotes around the whole value are dropped.
 */
export function shellValueParts(
  text: string,
  env: ReadonlyMap<string, string>,
): ValuePart[] {
  const unquoted = text.replace(/^(["'])(.*)\1$/s, '$2');
  const parts: ValuePart[] = [];
  let last = 0;
  SHELL_TOKEN.lastIndex = 0;
  for (let m = SHELL_TOKEN.exec(unquoted); m; m = SHELL_TOKEN.exec(unquoted)) {
    parts.push({
      kind: 'literal',
      text: unquoted.slice(last, m.index).replace(/["']/g, ''),
    });
    const command = m[1] ?? m[2];
    if (command !== undefined)
      parts.push({ kind: 'command', command: command.trim() });
    else parts.push(variable(m[3] ?? m[4] ?? m[5], env));
    last = m.index + m[0].length;
  }
  parts.push({
    kind: 'literal',
    text: unquoted.slice(last).replace(/["']/g, ''),
  });
  return parts.filter(p => p.kind !== 'literal' || p.text !== '');
}
