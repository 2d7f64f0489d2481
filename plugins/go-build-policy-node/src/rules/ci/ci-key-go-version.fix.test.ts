import {
  changedLines,
  expectFixMakesRulePass,
  fixOffered,
} from '../../fixes/testing/fixProof';
import { repo, workflow } from './testing/fixtures';

const RULE = 'ci-key-go-version';
const WORKFLOW = '.github/workflows/ci.yml';

function testJob(head: string[], ...steps: string[]): string {
  return [
    '  test:',
    '    runs-on: ubuntu-latest',
    ...head,
    '    steps:',
    '      - uses: actions/checkout@v4',
    ...steps,
    '      - run: go test ./...',
    '',
  ].join('\n');
}

const GO_MATRIX = [
  '    strategy:',
  '      matrix:',
  "        go: ['1.22', '1.23']",
];
const MATRIX_SETUP_GO = [
  '      - uses: actions/setup-go@v5',
  '        with:',
  '          go-version: ${{ matrix.go }}',
  '          cache: false',
];

describe('ci-key-go-version fix', () => {
  it('keys on matrix.go where a matrix over Go versions shared one key', () => {
    const files = repo({
      [WORKFLOW]: workflow(
        testJob(
          GO_MATRIX,
          ...MATRIX_SETUP_GO,
          '      - uses: actions/cache@v4',
          '        with:',
          '          path: |',
          '            ~/go/pkg/mod',
          '            ~/.cache/go-build',
          "          key: ${{ runner.os }}-${{ hashFiles('**/go.sum') }}",
        ),
      ),
    });
    const proposal = expectFixMakesRulePass(files, RULE, { before: 'fail' });
    expect(proposal.title).toBe('Put the Go version in the Go cache key');
    expect(changedLines(proposal)).toEqual({
      [WORKFLOW]: {
        removed: [
          "          key: ${{ runner.os }}-${{ hashFiles('**/go.sum') }}",
        ],
        added: [
          "          key: ${{ runner.os }}-${{ runner.arch }}-go-${{ matrix.go }}-${{ hashFiles('**/go.sum') }}",
        ],
      },
    });
  });

  it('uses the output of a setup-go step that already has an id', () => {
    const files = repo({
      [WORKFLOW]: workflow(
        testJob(
          [],
          '      - name: Set up Go',
          '        uses: actions/setup-go@v5',
          '        id: go',
          '        with:',
          "          go-version: '1.23'",
          '          cache: false',
          '      - uses: actions/cache@v4',
          '        with:',
          '          path: ~/.cache/go-build',
          "          key: ${{ runner.os }}-go-build-${{ hashFiles('**/go.sum') }}",
          '          restore-keys: ${{ runner.os }}-go-build-',
        ),
      ),
    });
    const proposal = expectFixMakesRulePass(files, RULE, { before: 'fail' });
    expect(changedLines(proposal)).toEqual({
      [WORKFLOW]: {
        removed: [
          "          key: ${{ runner.os }}-go-build-${{ hashFiles('**/go.sum') }}",
          '          restore-keys: ${{ runner.os }}-go-build-',
        ],
        added: [
          "          key: ${{ runner.os }}-${{ runner.arch }}-go-build-${{ steps.go.outputs.go-version }}-${{ hashFiles('**/go.sum') }}",
          '          restore-keys: ${{ runner.os }}-${{ runner.arch }}-go-build-${{ steps.go.outputs.go-version }}-',
        ],
      },
    });
  });

  it('replaces a stale version in the key, and rewrites the save half of a restore/save pair', () => {
    const files = repo({
      [WORKFLOW]: workflow(
        testJob(
          [],
          '      - name: Set up Go',
          '        uses: actions/setup-go@v5',
          '        with:',
          "          go-version: '1.23'",
          '          cache: false',
          '      - uses: actions/cache/restore@v4',
          '        with:',
          '          path: ~/go/pkg/mod',
          "          key: ${{ runner.os }}-go1.21-${{ hashFiles('**/go.sum') }}",
          '      - run: go mod download',
          '      - uses: actions/cache/save@v4',
          '        with:',
          '          path: ~/go/pkg/mod',
          "          key: ${{ runner.os }}-go1.21-${{ hashFiles('**/go.sum') }}",
        ),
      ),
    });
    const proposal = expectFixMakesRulePass(files, RULE, { before: 'fail' });
    const newKey =
      "          key: ${{ runner.os }}-${{ runner.arch }}-go-${{ steps.setup-go.outputs.go-version }}-${{ hashFiles('**/go.sum') }}";
    expect(changedLines(proposal)).toEqual({
      [WORKFLOW]: {
        removed: [
          "          key: ${{ runner.os }}-go1.21-${{ hashFiles('**/go.sum') }}",
          "          key: ${{ runner.os }}-go1.21-${{ hashFiles('**/go.sum') }}",
        ],
        added: ['        id: setup-go', newKey, newKey],
      },
    });
  });

  it('offers no fix when the key comes from a script it cannot read', () => {
    const files = repo({
      [WORKFLOW]: workflow(
        testJob(
          GO_MATRIX,
          ...MATRIX_SETUP_GO,
          '      - id: meta',
          '        run: ./scripts/cache-key.sh',
          '      - uses: actions/cache@v4',
          '        with:',
          '          path: ~/.cache/go-build',
          '          key: ${{ runner.os }}-${{ steps.meta.outputs.key }}',
        ),
      ),
    });
    expect(fixOffered(files, RULE)).toBeUndefined();
  });
});
