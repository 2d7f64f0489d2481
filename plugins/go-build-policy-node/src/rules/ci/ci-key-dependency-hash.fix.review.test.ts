/** Review cases for the ci-key-dependency-hash fix: several caches, composite actions, split restore/save. */
import {
  changedLines,
  expectFixMakesRulePass,
} from '../../fixes/testing/fixProof';
import { expectWellFormedEdits } from '../../fixes/testing/reviewChecks';
import { GO_MOD, repo, workflow } from './testing/fixtures';

const RULE = 'ci-key-dependency-hash';
const WORKFLOW = '.github/workflows/ci.yml';
const lines = (...l: string[]) => `${l.join('\n')}\n`;
const HASHED =
  "${{ runner.os }}-${{ runner.arch }}-gomod-${{ hashFiles('**/go.sum') }}";

describe('ci-key-dependency-hash fix, on real-world workflows', () => {
  it('rewrites only the module-cache key of a job that also caches lint results and GOCACHE', () => {
    const files = repo({
      [WORKFLOW]: workflow(
        lines(
          '  test:',
          '    runs-on: ubuntu-latest',
          '    steps:',
          '      - uses: actions/checkout@v4',
          '      - id: go',
          '        uses: actions/setup-go@v5',
          '        with:',
          '          go-version-file: go.mod',
          '          cache: false',
          '      - name: Module cache',
          '        uses: actions/cache@v4',
          '        with:',
          '          path: ~/go/pkg/mod',
          '          key: ${{ runner.os }}-${{ runner.arch }}-gomod',
          '      - name: Lint cache',
          '        uses: actions/cache@v4',
          '        with:',
          '          path: ~/.cache/golangci-lint',
          '          key: lint-${{ github.sha }}',
          '      - uses: actions/cache@v4',
          '        with:',
          '          path: ~/.cache/go-build',
          "          key: ${{ runner.os }}-${{ runner.arch }}-gobuild-${{ steps.go.outputs.go-version }}-${{ hashFiles('**/go.sum') }}",
          '      - run: go test ./...',
        ),
      ),
    });
    const proposal = expectFixMakesRulePass(files, RULE);
    expectWellFormedEdits(proposal);
    expect(changedLines(proposal)).toEqual({
      [WORKFLOW]: {
        removed: ['          key: ${{ runner.os }}-${{ runner.arch }}-gomod'],
        added: [`          key: ${HASHED}`],
      },
    });
  });

  it('edits the cache step inside a local composite action', () => {
    const action = '.github/actions/go/action.yml';
    const files = repo({
      [WORKFLOW]: workflow(
        lines(
          '  test:',
          '    runs-on: ubuntu-latest',
          '    steps:',
          '      - uses: actions/checkout@v4',
          '      - uses: ./.github/actions/go',
          '      - run: go test ./...',
        ),
      ),
      [action]: lines(
        'name: go',
        'runs:',
        '  using: composite',
        '  steps:',
        '    - uses: actions/setup-go@v5',
        '      with:',
        '        go-version: "1.23"',
        '        cache: false',
        '    - uses: actions/cache@v4',
        '      with:',
        '        path: ~/go/pkg/mod',
        '        key: ${{ runner.os }}-${{ runner.arch }}-gomod',
      ),
    });
    const proposal = expectFixMakesRulePass(files, RULE);
    expectWellFormedEdits(proposal);
    expect(changedLines(proposal)).toEqual({
      [action]: {
        removed: ['        key: ${{ runner.os }}-${{ runner.arch }}-gomod'],
        added: [`        key: ${HASHED}`],
      },
    });
  });

  it('keeps the restore and save halves of actions/cache on the same key', () => {
    const files = repo({
      [WORKFLOW]: workflow(
        lines(
          '  test:',
          '    runs-on: ubuntu-latest',
          '    steps:',
          '      - uses: actions/checkout@v4',
          '      - uses: actions/setup-go@v5',
          '        with:',
          '          go-version: "1.23"',
          '          cache: false',
          '      - uses: actions/cache/restore@v4',
          '        with:',
          '          path: ~/go/pkg/mod',
          '          key: ${{ runner.os }}-${{ runner.arch }}-gomod',
          '      - run: go build ./...',
          '      - uses: actions/cache/save@v4',
          '        with:',
          '          path: ~/go/pkg/mod',
          '          key: ${{ runner.os }}-${{ runner.arch }}-gomod',
        ),
      ),
    });
    const proposal = expectFixMakesRulePass(files, RULE);
    expect(changedLines(proposal)[WORKFLOW].added).toEqual([
      `          key: ${HASHED}`,
      `          key: ${HASHED}`,
    ]);
  });

  it('points setup-go at the go.sum files of a monorepo without a root module', () => {
    const files = {
      'svc/a/go.mod': GO_MOD,
      'svc/a/go.sum': 'x\n',
      'svc/b/go.mod': GO_MOD,
      'svc/b/go.sum': 'x\n',
      [WORKFLOW]: workflow(
        lines(
          '  test:',
          '    runs-on: ubuntu-latest',
          '    defaults:',
          '      run:',
          '        working-directory: svc/a',
          '    steps:',
          '      - uses: actions/checkout@v4',
          '      - uses: actions/setup-go@v5',
          '        with:',
          '          go-version-file: svc/a/go.mod',
          '      - run: go test ./...',
        ),
      ),
    };
    const proposal = expectFixMakesRulePass(files, RULE, {
      mayWorsen: {
        'ci-clean-validation':
          'the job restored nothing before, so it counted as the clean build; now it caches',
      },
    });
    expectWellFormedEdits(proposal);
    expect(changedLines(proposal)[WORKFLOW]).toEqual({
      removed: [],
      added: ["          cache-dependency-path: '**/go.sum'"],
    });
  });
});
