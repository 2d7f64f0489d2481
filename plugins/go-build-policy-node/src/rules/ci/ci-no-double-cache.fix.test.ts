/* eslint jest/expect-expect: ["warn", { "assertFunctionNames": ["expect", "expectNoFix"] }] */
import {
  changedLines,
  expectFixMakesRulePass,
  expectNoFix,
} from '../../fixes/testing/fixProof';
import { repo, workflow } from './testing/fixtures';

const RULE = 'ci-no-double-cache';
const CI = '.github/workflows/ci.yml';

const KEY =
  "${{ runner.os }}-${{ runner.arch }}-go-${{ steps.go.outputs.go-version }}-${{ hashFiles('**/go.sum') }}";

function job(cacheStep: string, setupGoWith = ''): string {
  return `  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-go@v5\n        id: go\n        with:\n          go-version-file: go.mod\n${setupGoWith}${cacheStep}      - run: go test ./...\n`;
}

describe('ci-no-double-cache fix', () => {
  it("turns setup-go's cache off when the actions/cache step covers both Go caches", () => {
    const fix = expectFixMakesRulePass(
      repo({
        [CI]: workflow(
          job(
            `      - uses: actions/cache@v4\n        with:\n          path: |\n            ~/go/pkg/mod\n            ~/.cache/go-build\n          key: ${KEY}\n`,
          ),
        ),
      }),
      RULE,
    );
    expect(changedLines(fix)).toEqual({
      [CI]: { removed: [], added: ['          cache: false'] },
    });
    expect(fix.description).toContain('keeping `actions/cache@v4`');
  });

  it('replaces an explicit `cache: true` with false', () => {
    const fix = expectFixMakesRulePass(
      repo({
        [CI]: workflow(
          job(
            `      - uses: actions/cache@v4\n        with:\n          path: |\n            ~/go/pkg/mod\n            ~/.cache/go-build\n          key: ${KEY}\n`,
            '          cache: true\n',
          ),
        ),
      }),
      RULE,
    );
    expect(changedLines(fix)[CI]).toEqual({
      removed: ['          cache: true'],
      added: ['          cache: false'],
    });
  });

  it('removes an actions/cache step that repeats part of what setup-go restores', () => {
    const fix = expectFixMakesRulePass(
      repo({
        [CI]: workflow(
          job(
            `      # Module downloads are slow on this runner.\n      - name: Module cache\n        uses: actions/cache@v4\n        with:\n          path: ~/go/pkg/mod\n          key: mod-${KEY}\n`,
          ),
        ),
      }),
      RULE,
    );
    expect(changedLines(fix)[CI]).toEqual({
      removed: [
        '      # Module downloads are slow on this runner.',
        '      - name: Module cache',
        '        uses: actions/cache@v4',
        '        with:',
        '          path: ~/go/pkg/mod',
        `          key: mod-${KEY}`,
      ],
      added: [],
    });
    expect(fix.description).toContain('removes');
  });

  it('offers no fix when the duplicate step also caches other tools', () => {
    expectNoFix(
      repo({
        [CI]: workflow(
          job(
            `      - uses: actions/cache@v4\n        with:\n          path: |\n            ~/go/pkg/mod\n            ~/.npm\n          key: ${KEY}\n`,
          ),
        ),
      }),
      RULE,
    );
  });

  it('offers no fix for two actions/cache steps over the same paths', () => {
    const cache = `      - uses: actions/cache@v4\n        with:\n          path: ~/go/pkg/mod\n          key: ${KEY}\n`;
    expectNoFix(
      repo({
        [CI]: workflow(
          `  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-go@v5\n        id: go\n        with:\n          go-version-file: go.mod\n          cache: false\n${cache}${cache}      - run: go test ./...\n`,
        ),
      }),
      RULE,
    );
  });
});
