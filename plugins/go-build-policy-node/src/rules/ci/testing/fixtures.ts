/** Small builders for rule tests: a Go module and workflows written in a few lines. */
import { RuleOutcome, PolicyRule } from '../../../engine/Rule';
import { RuleContext } from '../../../engine/RuleContext';
import { snapshotFromFiles } from '../../../snapshot/RepositorySnapshot';

export const GO_MOD =
  'module example.com/app\n\ngo 1.23\n\nrequire github.com/pkg/errors v0.9.1\n';
export const GO_SUM = 'github.com/pkg/errors v0.9.1 h1:abc=\n';

/** A workflow running on pushes to main and on pull requests, with the given jobs (YAML, indented 2). */
export function workflow(
  jobs: string,
  on = 'push:\n    branches: [main]\n  pull_request:',
): string {
  return `name: CI\non:\n  ${on}\njobs:\n${jobs}`;
}

/** A Go module at the root with its go.sum, plus the given files. */
export function repo(files: Record<string, string>): Record<string, string> {
  return { 'go.mod': GO_MOD, 'go.sum': GO_SUM, ...files };
}

export function evaluate(
  rule: PolicyRule,
  files: Record<string, string>,
): RuleOutcome {
  return rule.evaluate(
    new RuleContext(snapshotFromFiles(files), { privateModules: [] }),
  );
}
