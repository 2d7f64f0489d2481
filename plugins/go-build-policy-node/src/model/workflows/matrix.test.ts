import { parseYaml } from '../../parsers/yaml';
import { expandMatrix } from './matrix';

function expand(yaml: string) {
  const parsed = parseYaml(yaml);
  if (!parsed.ok) throw new Error(parsed.issue.message);
  return expandMatrix(parsed.file, parsed.file.root);
}

describe('expandMatrix', () => {
  it('takes the product, removes excludes and applies includes as GitHub does', () => {
    const m = expand(`strategy:
  matrix:
    os: [ubuntu-latest, windows-latest]
    go: ['1.22', '1.23']
    exclude:
      - os: windows-latest
        go: '1.22'
    include:
      - go: '1.23'
        experimental: 'true'
      - os: macos-latest
        go: '1.23'
`);
    expect(m.combinations).toEqual([
      { os: 'ubuntu-latest', go: '1.22' },
      { os: 'ubuntu-latest', go: '1.23', experimental: 'true' },
      { os: 'windows-latest', go: '1.23', experimental: 'true' },
      { os: 'macos-latest', go: '1.23' },
    ]);
    expect(m.keys).toEqual(['os', 'go', 'experimental']);
  });

  it('runs each include entry as its own job when the matrix has only includes', () => {
    const m = expand(`strategy:
  matrix:
    include:
      - go-version: '1.21'
      - go-version: '1.24.x'
`);
    expect(m.combinations).toEqual([
      { 'go-version': '1.21' },
      { 'go-version': '1.24.x' },
    ]);
  });

  it('never merges an include into a combination another include created', () => {
    const m = expand(`strategy:
  matrix:
    fruit: [apple, pear]
    animal: [cat, dog]
    include:
      - color: green
      - color: pink
        animal: cat
      - fruit: apple
        shape: circle
      - fruit: banana
      - fruit: banana
        animal: cat
`);
    expect(m.combinations).toEqual([
      { fruit: 'apple', animal: 'cat', color: 'pink', shape: 'circle' },
      { fruit: 'apple', animal: 'dog', color: 'green', shape: 'circle' },
      { fruit: 'pear', animal: 'cat', color: 'pink' },
      { fruit: 'pear', animal: 'dog', color: 'green' },
      { fruit: 'banana' },
      { fruit: 'banana', animal: 'cat' },
    ]);
  });

  it('gives one empty combination without a matrix', () => {
    expect(expand('runs-on: x\n')).toEqual({
      combinations: [{}],
      keys: [],
      present: false,
      unknown: false,
      misread: {},
    });
  });

  it('reads unquoted numbers as Actions does, and keeps their spelling', () => {
    const matrix = expand(
      "strategy:\n  matrix:\n    go: [1.20, '1.21', 1.22]\n",
    );
    expect(matrix.combinations.map(c => c.go)).toEqual(['1.2', '1.21', '1.22']);
    expect(matrix.misread).toEqual({ go: { '1.2': '1.20' } });
  });

  it('marks a matrix computed at run time as unknown', () => {
    expect(
      expand('strategy:\n  matrix: ${{ fromJSON(needs.a.outputs.m) }}\n')
        .unknown,
    ).toBe(true);
  });

  it('caps the number of combinations', () => {
    const values = Array.from({ length: 30 }, (_, i) => i).join(', ');
    const m = expand(
      `strategy:\n  matrix:\n    a: [${values}]\n    b: [${values}]\n    c: [${values}]\n`,
    );
    expect(m.combinations.length).toBeLessThanOrEqual(256);
  });
});
