/* eslint jest/expect-expect: ["warn", { "assertFunctionNames": ["expect", "expectNoFix"] }] */
import {
  changedLines,
  expectFixMakesRulePass,
  expectNoFix,
} from '../../fixes/testing/fixProof';
import { GO_MOD, GO_SUM, repo, workflow } from './testing/fixtures';

const RULE = 'ci-module-cache';
const CI = '.github/workflows/ci.yml';

/** A tag-triggered goreleaser job that builds with no cache: the repository's clean build. */
const RELEASE = {
  '.github/workflows/release.yml': workflow(
    '  release:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-go@v5\n        with:\n          go-version-file: go.mod\n          cache: false\n      - uses: goreleaser/goreleaser-action@v6\n        with:\n          args: release --clean\n',
    "push:\n    tags: ['v*']",
  ),
};

function testJob(steps: string, extra = ''): string {
  return `  test:\n    runs-on: ubuntu-latest\n${extra}    steps:\n      - uses: actions/checkout@v4\n${steps}      - run: go test ./...\n`;
}

describe('ci-module-cache fix', () => {
  it('upgrades setup-go v2 to v5 and keeps a weekly clean run', () => {
    const fix = expectFixMakesRulePass(
      repo({
        [CI]: workflow(
          testJob(
            "      - uses: actions/setup-go@v2\n        with:\n          go-version: '1.23'\n",
          ),
        ),
      }),
      RULE,
    );
    expect(changedLines(fix)).toEqual({
      [CI]: {
        removed: ['      - uses: actions/setup-go@v2'],
        added: [
          '  schedule:',
          "    - cron: '17 3 * * 1'",
          '      - uses: actions/setup-go@v5',
          "          cache: ${{ github.event_name != 'schedule' }}",
        ],
      },
    });
    expect(fix.description).toContain('runs weekly');
  });

  it('removes `cache: false` when another job already builds clean', () => {
    const fix = expectFixMakesRulePass(
      repo({
        ...RELEASE,
        [CI]: workflow(
          testJob(
            '      - uses: actions/setup-go@v5\n        with:\n          go-version-file: go.mod\n          cache: false\n',
          ),
        ),
      }),
      RULE,
    );
    expect(changedLines(fix)).toEqual({
      [CI]: { removed: ['          cache: false'], added: [] },
    });
    expect(fix.title).toBe('Restore the Go caches in test');
  });

  it('sets `cache: true` on setup-go v3, where caching is opt-in', () => {
    const fix = expectFixMakesRulePass(
      repo({
        ...RELEASE,
        [CI]: workflow(
          testJob(
            "      - uses: actions/setup-go@v3 # pinned by policy\n        with:\n          go-version: '1.23'\n",
          ),
        ),
      }),
      RULE,
    );
    expect(changedLines(fix)[CI]).toEqual({
      removed: [],
      added: ['          cache: true'],
    });
  });

  it('points setup-go at the go.sum of the module a monorepo job builds', () => {
    const fix = expectFixMakesRulePass(
      {
        ...RELEASE,
        'services/api/go.mod': GO_MOD.replace('app', 'api'),
        'services/api/go.sum': GO_SUM,
        'tools/go.mod': 'module example.com/tools\n\ngo 1.23\n',
        [CI]: workflow(
          '  api:\n    runs-on: ubuntu-latest\n    defaults:\n      run:\n        working-directory: services/api\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-go@v5\n        with:\n          go-version-file: services/api/go.mod\n      - run: go test ./...\n',
        ),
      },
      RULE,
    );
    expect(changedLines(fix)[CI]).toEqual({
      removed: [],
      added: ['          cache-dependency-path: services/api/go.sum'],
    });
    expect(fix.description).toContain('restored nothing');
  });

  it('adds actions/cache at the golang container paths, keyed on its Go version', () => {
    const fix = expectFixMakesRulePass(
      repo({
        ...RELEASE,
        [CI]: workflow(testJob('', '    container: golang:1.23-bookworm\n')),
      }),
      RULE,
    );
    expect(changedLines(fix)[CI]).toEqual({
      removed: [],
      added: [
        '      - name: Cache Go modules and build cache',
        '        uses: actions/cache@v4',
        '        with:',
        '          path: |',
        '            /go/pkg/mod',
        '            ~/.cache/go-build',
        "          key: ${{ runner.os }}-${{ runner.arch }}-go1.23-${{ hashFiles('**/go.sum') }}",
        '          restore-keys: ${{ runner.os }}-${{ runner.arch }}-go1.23-',
      ],
    });
  });

  it("asks `go env` for the caches when a matrix runs the runner's Go on several systems", () => {
    const fix = expectFixMakesRulePass(
      repo({
        ...RELEASE,
        [CI]: workflow(
          '  test:\n    strategy:\n      matrix:\n        os: [ubuntu-latest, macos-latest, windows-latest]\n    runs-on: ${{ matrix.os }}\n    steps:\n      - uses: actions/checkout@v4\n      - run: go build ./...\n      - run: go test ./...\n',
        ),
      }),
      RULE,
    );
    const added = changedLines(fix)[CI].added;
    expect(added).toEqual([
      "      - name: Find Go's version and cache directories",
      '        id: go-env',
      '        shell: bash',
      '        run: |',
      '          echo "version=$(go env GOVERSION)" >> "$GITHUB_OUTPUT"',
      '          echo "gomodcache=$(go env GOMODCACHE)" >> "$GITHUB_OUTPUT"',
      '          echo "gocache=$(go env GOCACHE)" >> "$GITHUB_OUTPUT"',
      '      - name: Cache Go modules and build cache',
      '        uses: actions/cache@v4',
      '        with:',
      '          path: |',
      '            ${{ steps.go-env.outputs.gomodcache }}',
      '            ${{ steps.go-env.outputs.gocache }}',
      "          key: ${{ runner.os }}-${{ runner.arch }}-${{ steps.go-env.outputs.version }}-${{ hashFiles('**/go.sum') }}",
      '          restore-keys: ${{ runner.os }}-${{ runner.arch }}-${{ steps.go-env.outputs.version }}-',
    ]);
  });

  it('offers no fix when setup-go runs before the checkout', () => {
    expectNoFix(
      repo({
        [CI]: workflow(
          '  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/setup-go@v5\n      - uses: actions/checkout@v4\n      - run: go test ./...\n',
        ),
      }),
      RULE,
    );
  });

  it('offers no fix for a job that also publishes on every push', () => {
    expectNoFix(
      repo({
        [CI]: workflow(
          '  image:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-go@v2\n      - run: go build ./...\n      - run: docker push ghcr.io/acme/app\n',
        ),
      }),
      RULE,
    );
  });
});
