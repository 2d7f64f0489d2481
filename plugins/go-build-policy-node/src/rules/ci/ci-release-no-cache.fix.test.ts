/* eslint jest/expect-expect: ["warn", { "assertFunctionNames": ["expect", "expectNoFix"] }] */
import {
  changedLines,
  expectFixMakesRulePass,
  expectNoFix,
} from '../../fixes/testing/fixProof';
import { repo, workflow } from './testing/fixtures';

const RULE = 'ci-release-no-cache';
const RELEASE = '.github/workflows/release.yml';
const GORELEASER =
  '      - uses: goreleaser/goreleaser-action@v6\n        with:\n          args: release --clean\n';
const CI_JOB =
  '  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-go@v5\n        with:\n          go-version-file: go.mod\n      - run: go test ./...\n';

function releaseJob(steps: string): string {
  return `  release:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n${steps}${GORELEASER}`;
}

describe('ci-release-no-cache fix', () => {
  it('sets `cache: false` on the setup-go of a tag-triggered release job', () => {
    const fix = expectFixMakesRulePass(
      repo({
        '.github/workflows/ci.yml': workflow(CI_JOB),
        [RELEASE]: workflow(
          releaseJob(
            '      - uses: actions/setup-go@v5\n        with:\n          go-version-file: go.mod\n',
          ),
          "push:\n    tags: ['v*']",
        ),
      }),
      RULE,
    );
    expect(changedLines(fix)).toEqual({
      [RELEASE]: { removed: [], added: ['          cache: false'] },
    });
    expect(fix.title).toBe('Build release without restored Go caches');
  });

  it('removes the actions/cache step of a release job and adds `with:` to a bare setup-go', () => {
    const fix = expectFixMakesRulePass(
      repo({
        '.github/workflows/ci.yml': workflow(CI_JOB),
        [RELEASE]: workflow(
          releaseJob(
            "      - uses: actions/setup-go@v5\n      - uses: actions/cache@v4\n        with:\n          path: |\n            ~/go/pkg/mod\n            ~/.cache/go-build\n          key: ${{ runner.os }}-go-${{ hashFiles('**/go.sum') }}\n",
          ),
          'release:\n    types: [published]',
        ),
      }),
      RULE,
    );
    expect(fix.edits[0].after).toContain(
      '      - uses: actions/setup-go@v5\n        with:\n          cache: false\n      - uses: goreleaser/goreleaser-action@v6\n',
    );
    // The diff pairs setup-go's new `with:` with the removed step's own.
    expect(changedLines(fix)[RELEASE]).toEqual({
      removed: [
        '      - uses: actions/cache@v4',
        '          path: |',
        '            ~/go/pkg/mod',
        '            ~/.cache/go-build',
        "          key: ${{ runner.os }}-go-${{ hashFiles('**/go.sum') }}",
      ],
      added: ['          cache: false'],
    });
  });

  it('keeps the cache on pull requests when the same job releases on release events', () => {
    const fix = expectFixMakesRulePass(
      repo({
        [RELEASE]: workflow(
          `${CI_JOB.replace(
            '      - run: go test ./...\n',
            `      - run: go test ./...\n${GORELEASER}`,
          )}`,
          'pull_request:\n  release:\n    types: [published]',
        ),
      }),
      RULE,
    );
    expect(changedLines(fix)[RELEASE].added).toEqual([
      "          cache: ${{ github.event_name != 'release' }}",
    ]);
  });

  it('offers no fix when the publishing job needs its actions/cache on pushes too', () => {
    expectNoFix(
      repo({
        [RELEASE]: workflow(
          "  image:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/cache@v4\n        with:\n          path: ~/go/pkg/mod\n          key: ${{ runner.os }}-${{ runner.arch }}-${{ hashFiles('**/go.sum') }}\n      - run: go build ./...\n      - uses: docker/build-push-action@v6\n        with:\n          push: true\n",
        ),
      }),
      RULE,
    );
  });
});
