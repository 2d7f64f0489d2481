import {
  changedLines,
  expectFixMakesRulePass,
  fixOffered,
} from '../../fixes/testing/fixProof';
import { repo, workflow } from './testing/fixtures';

const RULE = 'ci-key-not-per-run';
const WORKFLOW = '.github/workflows/ci.yml';

const SETUP_GO = [
  '      - uses: actions/setup-go@v5',
  '        with:',
  '          go-version-file: go.mod',
  '          cache: false',
];

/** A test job: checkout, the given steps, go test. */
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

describe('ci-key-not-per-run fix', () => {
  it('replaces github.sha in a module-cache key and its restore-keys', () => {
    const files = repo({
      [WORKFLOW]: workflow(
        testJob(
          ...SETUP_GO,
          '      # Go modules',
          '      - uses: actions/cache@v4',
          '        with:',
          '          path: ~/go/pkg/mod',
          '          key: ${{ runner.os }}-go-${{ github.sha }}',
          '          restore-keys: |',
          '            ${{ runner.os }}-go-',
        ),
      ),
    });
    const proposal = expectFixMakesRulePass(files, RULE);
    expect(proposal.title).toBe('Stop keying the Go module cache per run');
    expect(proposal.description).toContain('`github.sha`');
    expect(changedLines(proposal)).toEqual({
      [WORKFLOW]: {
        removed: [
          '          key: ${{ runner.os }}-go-${{ github.sha }}',
          '          restore-keys: |',
          '            ${{ runner.os }}-go-',
        ],
        added: [
          "          key: ${{ runner.os }}-${{ runner.arch }}-go-${{ hashFiles('**/go.sum') }}",
          '          restore-keys: ${{ runner.os }}-${{ runner.arch }}-go-',
        ],
      },
    });
  });

  it("keys a module and build cache on setup-go's version, giving setup-go an id", () => {
    const files = repo({
      [WORKFLOW]: workflow(
        testJob(
          ...SETUP_GO,
          '      - uses: actions/cache@v4',
          '        with:',
          '          path: |',
          '            ~/go/pkg/mod',
          '            ~/.cache/go-build',
          '          key: go-${{ github.run_id }}',
        ),
      ),
    });
    const proposal = expectFixMakesRulePass(files, RULE);
    expect(changedLines(proposal)).toEqual({
      [WORKFLOW]: {
        removed: [
          '      - uses: actions/setup-go@v5',
          '          key: go-${{ github.run_id }}',
        ],
        added: [
          '      - id: setup-go',
          '        uses: actions/setup-go@v5',
          "          key: ${{ runner.os }}-${{ runner.arch }}-go-${{ steps.setup-go.outputs.go-version }}-${{ hashFiles('**/go.sum') }}",
        ],
      },
    });
  });

  it('fixes the key inside a local composite action, keeping its label', () => {
    const action = '.github/actions/go-cache/action.yml';
    const files = repo({
      [action]: [
        'name: Go cache',
        'runs:',
        '  using: composite',
        '  steps:',
        '    - uses: actions/cache@v4',
        '      with:',
        '        path: ~/go/pkg/mod',
        '        key: mod-${{ github.run_number }}',
        '',
      ].join('\n'),
      [WORKFLOW]: workflow(
        testJob(...SETUP_GO, '      - uses: ./.github/actions/go-cache'),
      ),
    });
    const proposal = expectFixMakesRulePass(files, RULE);
    expect(changedLines(proposal)).toEqual({
      [action]: {
        removed: ['        key: mod-${{ github.run_number }}'],
        added: [
          "        key: ${{ runner.os }}-${{ runner.arch }}-mod-${{ hashFiles('**/go.sum') }}",
        ],
      },
    });
  });

  it('drops a timestamp from a CRLF workflow, keeping its line breaks', () => {
    const files = repo({
      [WORKFLOW]: workflow(
        testJob(
          ...SETUP_GO,
          '      - id: stamp',
          '        run: echo "now=$(date +%s)" >> "$GITHUB_OUTPUT"',
          '      - uses: actions/cache@v4',
          '        with:',
          '          path: ~/go/pkg/mod',
          '          key: go-${{ steps.stamp.outputs.now }}',
        ),
      ).replace(/\n/g, '\r\n'),
    });
    const proposal = expectFixMakesRulePass(files, RULE);
    expect(proposal.description).toContain('`$(date +%s)`');
    expect(changedLines(proposal)).toEqual({
      [WORKFLOW]: {
        removed: ['          key: go-${{ steps.stamp.outputs.now }}\r'],
        added: [
          "          key: ${{ runner.os }}-${{ runner.arch }}-go-${{ hashFiles('**/go.sum') }}\r",
        ],
      },
    });
  });

  it('offers no fix for a key partly computed by a script it cannot read', () => {
    const files = repo({
      [WORKFLOW]: workflow(
        testJob(
          ...SETUP_GO,
          '      - id: meta',
          '        run: ./scripts/cache-key.sh',
          '      - uses: actions/cache@v4',
          '        with:',
          '          path: ~/go/pkg/mod',
          '          key: ${{ runner.os }}-${{ github.sha }}-${{ steps.meta.outputs.key }}',
        ),
      ),
    });
    expect(fixOffered(files, RULE)).toBeUndefined();
  });
});
