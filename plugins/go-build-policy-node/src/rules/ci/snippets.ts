/** Remediation snippets fitted to a job: its own setup-go step, rewritten. */
import { Job, Step } from '../../model/workflows';
import { isAction } from '../../model/workflows/uses';

export function setupGoStepOf(job: Job): Step | undefined {
  return job.steps.find(s => isAction(s.uses, 'actions/setup-go'));
}

export interface SetupGoRewrite {
  /** Drop the `cache:` input (on by default since v4) or set it. */
  cache?: 'default' | 'false';
  dependencyPaths?: string[];
  goVersionFile?: string;
}

function usesRef(step: Step | undefined): string {
  const uses = step?.uses;
  if (uses?.kind === 'action' && (uses.major ?? 0) >= 5) return uses.raw;
  return 'actions/setup-go@v5';
}

/** The job's setup-go step (or a new one) with the rewrite applied, as YAML. */
export function setupGoYaml(job: Job, rewrite: SetupGoRewrite): string {
  const step = setupGoStepOf(job);
  const inputs = new Map<string, string>();
  for (const input of step?.with ?? []) inputs.set(input.name, input.value);
  if (rewrite.goVersionFile) {
    inputs.delete('go-version');
    inputs.set('go-version-file', rewrite.goVersionFile);
  } else if (!inputs.has('go-version') && !inputs.has('go-version-file')) {
    inputs.set('go-version-file', 'go.mod');
  }
  if (rewrite.cache === 'default') inputs.delete('cache');
  if (rewrite.cache === 'false') inputs.set('cache', 'false');
  if (rewrite.dependencyPaths?.length)
    inputs.set('cache-dependency-path', rewrite.dependencyPaths.join('\n'));
  const lines = [`- uses: ${usesRef(step)}`, '  with:'];
  for (const [name, value] of inputs) {
    if (value.includes('\n')) {
      lines.push(
        `    ${name}: |`,
        ...value
          .split('\n')
          .filter(Boolean)
          .map(v => `      ${v}`),
      );
    } else {
      lines.push(`    ${name}: ${yamlScalar(value)}`);
    }
  }
  return lines.join('\n');
}

/** A scalar as YAML: versions quoted so `1.20` stays a string, not the number 1.2. */
function yamlScalar(value: string): string {
  if (/^\d+(\.\d+)*$/.test(value)) return `'${value}'`;
  if (/^[\w./${}\s-]*$/.test(value) && !/^\s|\s$/.test(value)) return value;
  return JSON.stringify(value);
}

export function yamlBlock(text: string): string {
  return ['```yaml', text, '```'].join('\n');
}
