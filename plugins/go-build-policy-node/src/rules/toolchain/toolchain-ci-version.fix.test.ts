/* eslint jest/expect-expect: ["warn", { "assertFunctionNames": ["expect", "expectNoFix"] }] */
import {
  changedLines,
  expectFixMakesRulePass,
  expectNoFix,
} from '../../fixes/testing/fixProof';
import { GO_SUM, repo, workflow } from '../ci/testing/fixtures';

const RULE = 'toolchain-ci-version';
const CI = '.github/workflows/ci.yml';

function job(
  setupGo: string,
  extra = '',
  checkout = '      - uses: actions/checkout@v4\n',
): string {
  return `  test:\n    runs-on: ubuntu-latest\n${extra}    steps:\n${checkout}${setupGo}      - run: go test ./...\n`;
}

describe('toolchain-ci-version fix', () => {
  it('replaces a floating go-version with go-version-file: go.mod', () => {
    const fix = expectFixMakesRulePass(
      repo({
        [CI]: workflow(
          job(
            '      - uses: actions/setup-go@v5\n        with:\n          go-version: stable\n          check-latest: true\n',
          ),
        ),
      }),
      RULE,
    );
    expect(changedLines(fix)).toEqual({
      [CI]: {
        removed: ['          go-version: stable'],
        added: ['          go-version-file: go.mod'],
      },
    });
    expect(fix.description).toContain('`go-version: stable` becomes');
  });

  it("reads the module's own go.mod in a monorepo job", () => {
    const fix = expectFixMakesRulePass(
      {
        'go.mod': 'module example.com/root\n\ngo 1.21\n',
        'services/api/go.mod':
          'module example.com/api\n\ngo 1.24\n\nrequire github.com/pkg/errors v0.9.1\n',
        'services/api/go.sum': GO_SUM,
        [CI]: workflow(
          job(
            "      - uses: actions/setup-go@v5\n        with:\n          go-version: '1.22'\n",
            '    defaults:\n      run:\n        working-directory: services/api\n',
          ),
        ),
      },
      RULE,
    );
    expect(changedLines(fix)[CI]).toEqual({
      removed: ["          go-version: '1.22'"],
      added: ['          go-version-file: services/api/go.mod'],
    });
  });

  it('adds go-version-file to a setup-go that names no version', () => {
    const fix = expectFixMakesRulePass(
      repo({ [CI]: workflow(job('      - uses: actions/setup-go@v5\n')) }),
      RULE,
      { before: 'warn' },
    );
    expect(changedLines(fix)[CI]).toEqual({
      removed: [],
      added: ['        with:', '          go-version-file: go.mod'],
    });
  });

  it("pins go.mod's version when setup-go cannot see go.mod (checkout into a folder)", () => {
    const fix = expectFixMakesRulePass(
      repo({
        [CI]: workflow(
          job(
            "      - uses: actions/setup-go@v5\n        with:\n          go-version: '1.21'\n          cache-dependency-path: src/go.sum\n",
            '',
            '      - uses: actions/checkout@v4\n        with:\n          path: src\n',
          ),
        ),
      }),
      RULE,
    );
    expect(changedLines(fix)[CI]).toEqual({
      removed: ["          go-version: '1.21'"],
      added: ["          go-version: '1.23'"],
    });
  });

  it('replaces a .go-version that disagrees with go.mod', () => {
    const fix = expectFixMakesRulePass(
      repo({
        '.go-version': '1.20.5\n',
        [CI]: workflow(
          job(
            '      - uses: actions/setup-go@v5\n        with:\n          go-version-file: .go-version\n',
          ),
        ),
      }),
      RULE,
    );
    expect(changedLines(fix)[CI]).toEqual({
      removed: ['          go-version-file: .go-version'],
      added: ['          go-version-file: go.mod'],
    });
  });

  it('offers no fix when a matrix chooses the version', () => {
    expectNoFix(
      repo({
        [CI]: workflow(
          job(
            '      - uses: actions/setup-go@v5\n        with:\n          go-version: ${{ matrix.go }}\n',
            "    strategy:\n      matrix:\n        go: ['1.22', stable]\n",
          ),
        ),
      }),
      RULE,
    );
  });

  it('offers no fix for a floating golang job container', () => {
    expectNoFix(
      repo({ [CI]: workflow(job('', '    container: golang:latest\n')) }),
      RULE,
    );
  });
});

describe('toolchain-ci-version fix for unquoted numbers', () => {
  it('replaces an unquoted `go-version: 1.20` (read as 1.2) with go-version-file: go.mod', () => {
    const fix = expectFixMakesRulePass(
      {
        'go.mod': 'module example.com/app\n\ngo 1.20\n',
        'go.sum': GO_SUM,
        [CI]: workflow(
          job(
            '      - uses: actions/setup-go@v5\n        with:\n          go-version: 1.20\n',
          ),
        ),
      },
      RULE,
    );
    expect(changedLines(fix)).toEqual({
      [CI]: {
        removed: ['          go-version: 1.20'],
        added: ['          go-version-file: go.mod'],
      },
    });
    expect(fix.description).toContain('`go-version: 1.20` becomes');
  });
});
