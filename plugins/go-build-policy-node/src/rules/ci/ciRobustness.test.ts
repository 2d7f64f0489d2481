import { RuleContext } from '../../engine/RuleContext';
import {
  snapshotFromFiles,
  SnapshotFile,
} from '../../snapshot/RepositorySnapshot';
import { ciRules } from '.';
import { modTidyVerifiedRule } from '../mod/mod-tidy-verified';
import { toolchainCiVersionRule } from '../toolchain/toolchain-ci-version';
import { GO_MOD, GO_SUM } from './testing/fixtures';

const rules = [...ciRules, modTidyVerifiedRule, toolchainCiVersionRule];

const ODD_WORKFLOWS: Record<string, string | SnapshotFile> = {
  empty: '',
  comment: '# nothing\n',
  scalar: 'just text',
  list: '- a\n- b\n',
  onOnly: 'on: push\n',
  jobsList: 'on: push\njobs: [a, b]\n',
  jobScalar: 'on: push\njobs:\n  a: 1\n',
  stepsScalar:
    'on: push\njobs:\n  a:\n    runs-on: [1, {x: 2}]\n    steps: go build\n',
  stepsOdd:
    'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - 1\n      - [uses]\n      - uses: {a: b}\n      - uses: "@"\n      - uses: actions/setup-go@\n      - uses: actions/cache@v4\n        with: 5\n      - run: [go, build]\n      - run: go build ./...\n',
  matrixOdd:
    'on: push\njobs:\n  a:\n    strategy:\n      matrix:\n        include: 3\n        exclude: [1]\n        os: {}\n    runs-on: ${{ matrix.os }}\n    container: {image: [x]}\n    env: [1]\n    steps:\n      - run: go test ./...\n',
  expressions:
    "on: push\njobs:\n  a:\n    runs-on: ${{ fromJSON('[') }}\n    steps:\n      - uses: actions/cache@v4\n        with:\n          path: ${{ }}\n          key: ${{ hashFiles(matrix.x) }}-${{ ((( }}-${{ 'a\n      - run: go build\n",
  truncated:
    'on:\n  push:\n    branches: [main\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: go bui',
  binary: { kind: 'binary' },
  tooLarge: { kind: 'too-large', size: 50_000_000 },
  unavailable: { kind: 'unavailable', reason: 'GitHub answered 502' },
  tabs: 'on: push\njobs:\n\ta:\n\t\truns-on: x\n',
  selfCall:
    'on: [push, workflow_call]\njobs:\n  a:\n    uses: ./.github/workflows/w.yml\n',
};

describe('ci rules on odd inputs', () => {
  for (const [name, content] of Object.entries(ODD_WORKFLOWS)) {
    it(`gives a verdict, never a throw, for a ${name} workflow`, () => {
      const snapshot = snapshotFromFiles({
        'go.mod': GO_MOD,
        'go.sum': GO_SUM,
        Makefile: 'a:\n\tgo build\n\x00',
        '.github/workflows/w.yml': content,
        '.github/workflows/ok.yml':
          'on: pull_request\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-go@v5\n      - run: make a\n',
      });
      const ctx = new RuleContext(snapshot, { privateModules: [] });
      for (const rule of rules) {
        const result = rule.evaluate(ctx);
        expect(['pass', 'fail', 'warn', 'not-applicable', 'error']).toContain(
          result.status,
        );
        expect(result.message.length).toBeGreaterThan(10);
      }
    });
  }

  it('names the unreadable workflow in its notes', () => {
    const ctx = new RuleContext(
      snapshotFromFiles({
        'go.mod': GO_MOD,
        '.github/workflows/w.yml': {
          kind: 'unavailable',
          reason: 'GitHub answered 502',
        },
      }),
      { privateModules: [] },
    );
    const result = ciRules[0].evaluate(ctx);
    expect(result.status).toBe('error');
    expect(result.message).toContain('GitHub answered 502');
  });
});
