/** Review cases for the ci-key-go-version fix: Windows runners, CRLF workflows without a final newline. */
import { diffsOf, expectFixMakesRulePass } from '../../fixes/testing/fixProof';
import { expectWellFormedEdits } from '../../fixes/testing/reviewChecks';
import { repo } from './testing/fixtures';

const RULE = 'ci-key-go-version';
const WORKFLOW = '.github/workflows/ci.yml';

describe('ci-key-go-version fix, on real-world workflows', () => {
  it('puts matrix.go in the key of a Windows job, in a CRLF file without a final newline', () => {
    const text = (key: string[]) =>
      [
        'name: CI',
        'on: [push, pull_request]',
        'jobs:',
        '  test:',
        '    strategy:',
        '      matrix:',
        '        go: ["1.22", "1.23"]',
        '    runs-on: windows-latest',
        '    steps:',
        '      - uses: actions/checkout@v4',
        '      - uses: actions/setup-go@v5',
        '        with:',
        '          go-version: ${{ matrix.go }}',
        '          cache: false',
        '      - uses: actions/cache@v4',
        '        with:',
        '          path: |',
        '            ~\\go\\pkg\\mod',
        '            ~\\AppData\\Local\\go-build',
        ...key,
        '      - run: go test ./...',
      ].join('\r\n');
    const before = text([
      "          key: ${{ runner.os }}-go-${{ hashFiles('**/go.sum') }}",
      '          restore-keys: |',
      '            ${{ runner.os }}-go-',
    ]);
    const proposal = expectFixMakesRulePass(repo({ [WORKFLOW]: before }), RULE);
    expectWellFormedEdits(proposal);
    expect(proposal.edits[0].after).toBe(
      text([
        "          key: ${{ runner.os }}-${{ runner.arch }}-go-${{ matrix.go }}-${{ hashFiles('**/go.sum') }}",
        '          restore-keys: ${{ runner.os }}-${{ runner.arch }}-go-${{ matrix.go }}-',
      ]),
    );
    // The unchanged last line stays unterminated, and the diff says so as git does.
    expect(diffsOf(proposal)[WORKFLOW]).toMatch(
      /\n {7}- run: go test \.\/\.\.\.\n\\ No newline at end of file\n$/,
    );
  });
});
