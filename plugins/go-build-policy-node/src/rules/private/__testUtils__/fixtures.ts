// Fixture files shared by the private-* rule tests.
import { PolicyRule } from '../../../engine/Rule';
import { RuleContext } from '../../../engine/RuleContext';
import { snapshotFromFiles } from '../../../snapshot/RepositorySnapshot';

export const PRIVATE_PATTERNS = ['github.com/acme/*'];

export const GO_MOD = `module github.com/acme/api

go 1.23

require (
\tgithub.com/acme/auth v1.2.0
\tgithub.com/google/uuid v1.6.0
)
`;

export const PUBLIC_GO_MOD = `module github.com/acme/api

go 1.23

require github.com/google/uuid v1.6.0
`;

/** A workflow with one Go job; `env`, `steps` are spliced in as YAML text. */
export function workflow(
  options: { env?: string; jobEnv?: string; steps?: string; job?: string } = {},
): string {
  const steps =
    options.steps ??
    `      - run: go build ./...
      - run: go test ./...`;
  return `name: ci
on: [push, pull_request]
${options.env ? `env:\n${options.env}\n` : ''}jobs:
  ${options.job ?? 'test'}:
    runs-on: ubuntu-latest
${options.jobEnv ? `    env:\n${options.jobEnv}\n` : ''}    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-go@v5
        with:
          go-version-file: go.mod
${steps}
`;
}

export const CREDENTIAL_STEP = `      - run: git config --global url."https://x-access-token:\${{ secrets.GO_MODULES_TOKEN }}@github.com/acme/".insteadOf "https://github.com/acme/"`;

export function evaluate(
  rule: PolicyRule,
  files: Record<string, string>,
  privateModules: string[] = PRIVATE_PATTERNS,
) {
  return rule.evaluate(
    new RuleContext(snapshotFromFiles(files), { privateModules }),
  );
}
