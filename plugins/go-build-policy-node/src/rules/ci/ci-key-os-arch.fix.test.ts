import {
  changedLines,
  expectFixMakesRulePass,
  fixOffered,
} from '../../fixes/testing/fixProof';
import { repo, workflow } from './testing/fixtures';

const RULE = 'ci-key-os-arch';
const WORKFLOW = '.github/workflows/ci.yml';

/** A job over a matrix of runners, with the given steps after the checkout. */
function matrixJob(runners: string, ...steps: string[]): string {
  return [
    '  test:',
    '    strategy:',
    '      matrix:',
    `        runner: [${runners}]`,
    '    runs-on: ${{ matrix.runner }}',
    '    steps:',
    '      - uses: actions/checkout@v4',
    ...steps,
    '      - run: go test ./...',
    '',
  ].join('\n');
}

const SETUP_GO = [
  '      - name: Set up Go',
  '        uses: actions/setup-go@v5',
  '        with:',
  '          go-version-file: go.mod',
  '          cache: false',
];

describe('ci-key-os-arch fix', () => {
  it('adds runner.arch to a key shared by x64 and arm64 Linux runners', () => {
    const files = repo({
      [WORKFLOW]: workflow(
        matrixJob(
          'ubuntu-latest, ubuntu-24.04-arm',
          ...SETUP_GO,
          '      - uses: actions/cache@v4',
          '        with:',
          '          path: |',
          '            ~/go/pkg/mod',
          '            ~/.cache/go-build',
          "          key: ${{ runner.os }}-go-${{ hashFiles('**/go.sum') }}",
          '          restore-keys: |',
          '            ${{ runner.os }}-go-',
        ),
      ),
    });
    const proposal = expectFixMakesRulePass(files, RULE, { before: 'fail' });
    expect(proposal.title).toBe(
      'Keep Go cache entries apart per OS and architecture',
    );
    // A build cache also needs the Go version: the key takes setup-go's output.
    expect(changedLines(proposal)).toEqual({
      [WORKFLOW]: {
        removed: [
          "          key: ${{ runner.os }}-go-${{ hashFiles('**/go.sum') }}",
          '          restore-keys: |',
          '            ${{ runner.os }}-go-',
        ],
        added: [
          '        id: setup-go',
          "          key: ${{ runner.os }}-${{ runner.arch }}-go-${{ steps.setup-go.outputs.go-version }}-${{ hashFiles('**/go.sum') }}",
          '          restore-keys: ${{ runner.os }}-${{ runner.arch }}-go-${{ steps.setup-go.outputs.go-version }}-',
        ],
      },
    });
  });

  it('puts the OS in a module-cache key shared by Linux and macOS', () => {
    const files = repo({
      [WORKFLOW]: workflow(
        matrixJob(
          'ubuntu-latest, macos-latest',
          ...SETUP_GO,
          '      - uses: actions/cache@v4',
          '        with:',
          '          path: ~/go/pkg/mod',
          "          key: go-${{ hashFiles('**/go.sum') }}",
        ),
      ),
    });
    const proposal = expectFixMakesRulePass(files, RULE, { before: 'fail' });
    expect(changedLines(proposal)).toEqual({
      [WORKFLOW]: {
        removed: ["          key: go-${{ hashFiles('**/go.sum') }}"],
        added: [
          "          key: ${{ runner.os }}-${{ runner.arch }}-go-${{ hashFiles('**/go.sum') }}",
        ],
      },
    });
  });

  it('moves setup-go 5.0.x, which keys on the OS only, to @v5', () => {
    const files = repo({
      [WORKFLOW]: workflow(
        matrixJob(
          'ubuntu-latest, ubuntu-24.04-arm',
          '      - uses: actions/setup-go@v5.0.2 # v5.0.2',
          '        with:',
          '          go-version-file: go.mod',
        ),
      ),
    });
    const proposal = expectFixMakesRulePass(files, RULE, { before: 'fail' });
    expect(proposal.description).toContain('`actions/setup-go@v5`');
    expect(changedLines(proposal)).toEqual({
      [WORKFLOW]: {
        removed: ['      - uses: actions/setup-go@v5.0.2 # v5.0.2'],
        added: ['      - uses: actions/setup-go@v5'],
      },
    });
  });

  it('offers no fix for a SHA-pinned setup-go (it does not unpin actions)', () => {
    const files = repo({
      [WORKFLOW]: workflow(
        matrixJob(
          'ubuntu-latest, ubuntu-24.04-arm',
          '      - uses: actions/setup-go@0c52d547c9bc32b1aa3301fd7a9cb496313a4491 # v5.0.0',
          '        with:',
          '          go-version-file: go.mod',
        ),
      ),
    });
    expect(fixOffered(files, RULE)).toBeUndefined();
  });
});
