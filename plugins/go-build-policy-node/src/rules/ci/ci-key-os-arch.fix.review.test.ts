/** Review cases for the ci-key-os-arch fix: runners chosen through `matrix.include`. */
import {
  changedLines,
  expectFixMakesRulePass,
} from '../../fixes/testing/fixProof';
import { expectWellFormedEdits } from '../../fixes/testing/reviewChecks';
import { repo, workflow } from './testing/fixtures';

const RULE = 'ci-key-os-arch';
const WORKFLOW = '.github/workflows/ci.yml';
const lines = (...l: string[]) => `${l.join('\n')}\n`;

describe('ci-key-os-arch fix, on real-world workflows', () => {
  it('partitions a key shared by x64 and arm64 runners listed in matrix.include', () => {
    const files = repo({
      [WORKFLOW]: workflow(
        lines(
          '  test:',
          '    strategy:',
          '      matrix:',
          '        include:',
          '          - os: ubuntu-latest',
          '            go: "1.23"',
          '          - os: ubuntu-24.04-arm',
          '            go: "1.23"',
          '    runs-on: ${{ matrix.os }}',
          '    steps:',
          '      - uses: actions/checkout@v4',
          '      - uses: actions/setup-go@v5',
          '        with:',
          '          go-version: ${{ matrix.go }}',
          '          cache: false',
          '      - uses: actions/cache@v4',
          '        with:',
          '          path: |',
          '            ~/go/pkg/mod',
          '            ~/.cache/go-build',
          "          key: go-${{ matrix.go }}-${{ hashFiles('**/go.sum') }}",
          '      - run: go test ./...',
        ),
      ),
    });
    const proposal = expectFixMakesRulePass(files, RULE, { before: 'fail' });
    expectWellFormedEdits(proposal);
    // Both entries pin the same Go: the version comes from setup-go's output.
    expect(changedLines(proposal)[WORKFLOW]).toEqual({
      removed: [
        '      - uses: actions/setup-go@v5',
        "          key: go-${{ matrix.go }}-${{ hashFiles('**/go.sum') }}",
      ],
      added: [
        '      - id: setup-go',
        '        uses: actions/setup-go@v5',
        "          key: ${{ runner.os }}-${{ runner.arch }}-go-${{ steps.setup-go.outputs.go-version }}-${{ hashFiles('**/go.sum') }}",
      ],
    });
  });
});
