/** Review cases for the ci-key-not-per-run fix: quoted keys with comments, reusable workflows. */
import {
  changedLines,
  expectFixMakesRulePass,
} from '../../fixes/testing/fixProof';
import { expectWellFormedEdits } from '../../fixes/testing/reviewChecks';
import { repo, workflow } from './testing/fixtures';

const RULE = 'ci-key-not-per-run';
const WORKFLOW = '.github/workflows/ci.yml';
const lines = (...l: string[]) => `${l.join('\n')}\n`;

function cachedJob(name: string, key: string, ...extra: string[]): string {
  return lines(
    `  ${name}:`,
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: actions/checkout@v4',
    '      - uses: actions/setup-go@v5',
    '        with:',
    '          go-version: "1.23"',
    '          cache: false',
    '      - uses: actions/cache@v4',
    '        with:',
    '          path: ~/go/pkg/mod',
    `          key: ${key}`,
    ...extra,
    '      - run: go build ./...',
  );
}

describe('ci-key-not-per-run fix, on real-world workflows', () => {
  it('replaces a quoted key, keeps its comment and a flow-style setup-go, and rewrites restore-keys', () => {
    const files = repo({
      [WORKFLOW]: workflow(
        lines(
          '  test:',
          '    runs-on: ubuntu-latest',
          '    steps:',
          '      - uses: actions/checkout@v4',
          '      - uses: actions/setup-go@v5 # pinned by renovate',
          '        with: { go-version-file: go.mod, cache: false }',
          '      - uses: actions/cache@v4',
          '        with:',
          '          path: ~/go/pkg/mod',
          '          key: "gomod-${{ runner.os }}-${{ github.run_id }}"  # why per run?',
          '          restore-keys: |',
          '            gomod-${{ runner.os }}-',
          '      - run: go build ./...',
        ),
      ),
    });
    const proposal = expectFixMakesRulePass(files, RULE);
    expectWellFormedEdits(proposal);
    expect(changedLines(proposal)[WORKFLOW]).toEqual({
      removed: [
        '          key: "gomod-${{ runner.os }}-${{ github.run_id }}"  # why per run?',
        '          restore-keys: |',
        '            gomod-${{ runner.os }}-',
      ],
      added: [
        "          key: ${{ runner.os }}-${{ runner.arch }}-gomod-${{ hashFiles('**/go.sum') }}  # why per run?",
        '          restore-keys: ${{ runner.os }}-${{ runner.arch }}-gomod-',
      ],
    });
    expect(proposal.description).toContain('restore-keys fall back');
  });

  it('does not promise restore-keys that the step does not have', () => {
    const files = repo({
      [WORKFLOW]: workflow(cachedJob('test', 'mod-${{ github.sha }}')),
    });
    const proposal = expectFixMakesRulePass(files, RULE);
    expect(proposal.description).not.toContain('restore-keys');
  });

  it('fixes a reusable workflow and the workflow that calls it', () => {
    const reusable = '.github/workflows/build.yml';
    const files = repo({
      [WORKFLOW]: workflow(
        lines('  call:', '    uses: ./.github/workflows/build.yml') +
          cachedJob('test', 'mod-${{ github.sha }}'),
      ),
      [reusable]: `on:\n  workflow_call:\njobs:\n${cachedJob(
        'build',
        'mod-${{ github.run_number }}',
      )}`,
    });
    const proposal = expectFixMakesRulePass(files, RULE);
    expectWellFormedEdits(proposal);
    const stable =
      "          key: ${{ runner.os }}-${{ runner.arch }}-mod-${{ hashFiles('**/go.sum') }}";
    expect(changedLines(proposal)).toEqual({
      [reusable]: {
        removed: ['          key: mod-${{ github.run_number }}'],
        added: [stable],
      },
      [WORKFLOW]: {
        removed: ['          key: mod-${{ github.sha }}'],
        added: [stable],
      },
    });
  });
});
