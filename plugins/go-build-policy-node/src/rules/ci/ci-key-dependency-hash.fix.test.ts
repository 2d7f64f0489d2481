import {
  changedLines,
  expectFixMakesRulePass,
  fixOffered,
} from '../../fixes/testing/fixProof';
import { GO_MOD, GO_SUM, repo, workflow } from './testing/fixtures';

const RULE = 'ci-key-dependency-hash';
const WORKFLOW = '.github/workflows/ci.yml';

function testJob(...steps: string[]): string {
  return [
    '  test:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: actions/checkout@v4',
    ...steps,
    '      - run: go test ./...',
    '',
  ].join('\n');
}

/** A nightly job that builds without a cache, as ci-clean-validation asks. */
const NIGHTLY = {
  '.github/workflows/nightly.yml': [
    'name: Nightly',
    'on:',
    '  schedule:',
    "    - cron: '0 3 * * *'",
    'jobs:',
    '  clean:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: actions/checkout@v4',
    '      - uses: actions/setup-go@v5',
    '        with:',
    '          go-version-file: service/go.mod',
    '          cache: false',
    '      - run: go test ./...',
    '        working-directory: service',
    '',
  ].join('\n'),
};

describe('ci-key-dependency-hash fix', () => {
  it('adds a go.sum hash to a static module-cache key, keeping its words', () => {
    const files = repo({
      [WORKFLOW]: workflow(
        testJob(
          '      - uses: actions/setup-go@v5',
          '        with:',
          '          go-version-file: go.mod',
          '          cache: false',
          '      - uses: actions/cache@v4',
          '        with:',
          '          path: ~/go/pkg/mod',
          '          key: ${{ runner.os }}-go-modules',
        ),
      ),
    });
    const proposal = expectFixMakesRulePass(files, RULE, { before: 'fail' });
    expect(proposal.title).toBe('Key the Go module cache on go.sum');
    expect(changedLines(proposal)).toEqual({
      [WORKFLOW]: {
        removed: ['          key: ${{ runner.os }}-go-modules'],
        added: [
          "          key: ${{ runner.os }}-${{ runner.arch }}-go-modules-${{ hashFiles('**/go.sum') }}",
        ],
      },
    });
  });

  it('hashes every go.sum when the job builds a second module (warn)', () => {
    const files = {
      ...repo({
        [WORKFLOW]: workflow(
          testJob(
            '      - uses: actions/setup-go@v5',
            '        with:',
            '          go-version-file: go.mod',
            '          cache: false',
            '      - uses: actions/cache@v4',
            '        with:',
            '          path: ~/go/pkg/mod',
            "          key: ${{ runner.os }}-${{ runner.arch }}-go-${{ hashFiles('go.sum') }}",
            '      - run: go build ./...',
            '        working-directory: api',
          ),
        ),
      }),
      'api/go.mod': GO_MOD.replace('example.com/app', 'example.com/api'),
      'api/go.sum': GO_SUM,
    };
    const proposal = expectFixMakesRulePass(files, RULE, { before: 'warn' });
    expect(changedLines(proposal)).toEqual({
      [WORKFLOW]: {
        removed: [
          "          key: ${{ runner.os }}-${{ runner.arch }}-go-${{ hashFiles('go.sum') }}",
        ],
        added: [
          "          key: ${{ runner.os }}-${{ runner.arch }}-go-${{ hashFiles('**/go.sum') }}",
        ],
      },
    });
  });

  it("points setup-go's built-in cache at a module outside the root", () => {
    const files = {
      'service/go.mod': GO_MOD,
      'service/go.sum': GO_SUM,
      ...NIGHTLY,
      [WORKFLOW]: workflow(
        [
          '  test:',
          '    runs-on: ubuntu-latest',
          '    steps:',
          '      - uses: actions/checkout@v4',
          '      - uses: actions/setup-go@v5 # caches by default',
          '        with:',
          '          go-version-file: service/go.mod',
          '      - run: go test ./...',
          '        working-directory: service',
          '',
        ].join('\n'),
      ),
    };
    const proposal = expectFixMakesRulePass(files, RULE, { before: 'fail' });
    expect(proposal.description).toContain('`cache-dependency-path`');
    expect(changedLines(proposal)).toEqual({
      [WORKFLOW]: {
        removed: [],
        added: ['          cache-dependency-path: service/go.sum'],
      },
    });
  });

  it('offers no fix when setup-go runs before the checkout it would hash', () => {
    const files = repo({
      [WORKFLOW]: workflow(
        [
          '  test:',
          '    runs-on: ubuntu-latest',
          '    steps:',
          '      - uses: actions/setup-go@v5',
          '        with:',
          "          go-version: '1.23'",
          '      - uses: actions/checkout@v4',
          '      - run: go test ./...',
          '',
        ].join('\n'),
      ),
    });
    expect(fixOffered(files, RULE)).toBeUndefined();
  });
});

describe('ci-key-dependency-hash fix for a module without go.sum', () => {
  it('points setup-go at go.mod and says so in the title', () => {
    const proposal = expectFixMakesRulePass(
      {
        'go.mod': GO_MOD,
        ...NIGHTLY,
        [WORKFLOW]: workflow(testJob('      - uses: actions/setup-go@v5')),
      },
      RULE,
    );
    expect(proposal.title).toBe('Key the Go module cache on go.mod');
    expect(changedLines(proposal)[WORKFLOW]).toEqual({
      removed: [],
      added: ['        with:', '          cache-dependency-path: go.mod'],
    });
  });
});
