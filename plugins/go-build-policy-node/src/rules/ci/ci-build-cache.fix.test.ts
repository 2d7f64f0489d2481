/* eslint jest/expect-expect: ["warn", { "assertFunctionNames": ["expect", "expectNoFix"] }] */
import {
  changedLines,
  expectFixMakesRulePass,
  expectNoFix,
} from '../../fixes/testing/fixProof';
import { repo, workflow } from './testing/fixtures';

const RULE = 'ci-build-cache';
const CI = '.github/workflows/ci.yml';

describe('ci-build-cache fix', () => {
  it('turns setup-go caching back on, off only on the existing scheduled runs', () => {
    const fix = expectFixMakesRulePass(
      repo({
        [CI]: workflow(
          '  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-go@v5\n        with:\n          go-version-file: go.mod\n          cache: false\n      - run: go test -race ./...\n',
          "push:\n    branches: [main]\n  pull_request:\n  schedule:\n    - cron: '0 4 * * *'",
        ),
      }),
      RULE,
    );
    expect(changedLines(fix)[CI]).toEqual({
      removed: ['          cache: false'],
      added: ["          cache: ${{ github.event_name != 'schedule' }}"],
    });
    expect(fix.description).toContain('`schedule` keep building with no cache');
  });

  it('adds actions/cache to every uncached job, each at its own paths', () => {
    const fix = expectFixMakesRulePass(
      repo({
        '.github/workflows/nightly.yml': workflow(
          '  clean:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-go@v5\n        with:\n          go-version-file: go.mod\n          cache: false\n      - run: go test ./...\n',
          'workflow_dispatch:',
        ),
        [CI]: workflow(
          '  unit:\n    runs-on: ubuntu-latest\n    container: golang:1.23.4\n    steps:\n      - uses: actions/checkout@v4\n      - run: go test ./...\n  mac:\n    runs-on: macos-14\n    env:\n      GOFLAGS: -mod=mod\n    steps:\n      - uses: actions/checkout@v4\n      - run: go vet ./...\n',
        ),
      }),
      RULE,
    );
    expect(fix.title).toBe('Restore the Go caches in 2 CI jobs');
    const added = changedLines(fix)[CI].added;
    expect(added).toContain('            /go/pkg/mod');
    expect(added).toContain('            ~/Library/Caches/go-build');
    expect(added).toContain(
      '          restore-keys: ${{ runner.os }}-${{ runner.arch }}-go1.23.4-',
    );
    expect(changedLines(fix)[CI].removed).toEqual([]);
  });

  it('offers no fix when the job already caches the module cache by hand', () => {
    expectNoFix(
      repo({
        [CI]: workflow(
          "  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/cache@v4\n        with:\n          path: ~/go/pkg/mod\n          key: ${{ runner.os }}-${{ runner.arch }}-mod-${{ hashFiles('**/go.sum') }}\n      - run: go test ./...\n",
        ),
      }),
      RULE,
    );
  });
});
