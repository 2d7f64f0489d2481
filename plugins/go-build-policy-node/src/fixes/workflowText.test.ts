import { parse, parseDocument } from 'yaml';
import {
  insertStep,
  setEnv,
  setStepField,
  setStepInput,
  setStepUses,
  yamlScalar,
} from './workflowText';

/** Lines of a text, to write expected files readably. */
const lines = (...all: string[]) => `${all.join('\n')}\n`;

/** Every edited file must still parse. */
function parsed(text: string | undefined): string {
  expect(text).toBeDefined();
  expect(parseDocument(text!).errors).toEqual([]);
  return text!;
}

const CI = lines(
  '# Build and test on every push.',
  'name: CI',
  'on: [push, pull_request]',
  '',
  'jobs:',
  '  test:',
  '    runs-on: ubuntu-latest # the default runner',
  '    steps:',
  '      - uses: actions/checkout@b4ffde65f46336ab88eb53be808477a3936bae11 # v4.1.1',
  '      - name: Set up Go',
  '        uses: actions/setup-go@v5',
  '        with:',
  "          go-version: '1.22' # pinned",
  '      # Module cache, keyed per commit (too often).',
  '      - uses: actions/cache@v4',
  '        with:',
  '          path: ~/go/pkg/mod',
  '          key: ${{ runner.os }}-go-${{ github.sha }}',
  '          restore-keys: |',
  '            ${{ runner.os }}-go-',
  '      - run: |',
  '          go test ./...',
);
const CHECKOUT = 9;
const SETUP_GO = 10;
const CACHE = 15;
const RUN = 21;

const GOOD_KEY = "${{ runner.os }}-go-${{ hashFiles('**/go.sum') }}";

describe('yamlScalar', () => {
  it.each([
    ['ubuntu-latest', 'ubuntu-latest'],
    ['~/go/pkg/mod', '~/go/pkg/mod'],
    ['-mod=readonly', '-mod=readonly'],
    [GOOD_KEY, GOOD_KEY],
    ['${{ matrix.go }}', '${{ matrix.go }}'],
    ['1.22', "'1.22'"],
    ['true', "'true'"],
    ['on', "'on'"],
    ['', "''"],
    ["it's: here", "'it''s: here'"],
    ['# not a comment', "'# not a comment'"],
    ['a #b', "'a #b'"],
    ['*alias', "'*alias'"],
    ['- item', "'- item'"],
    [' padded', "' padded'"],
    ['${{ a }}: b', "'${{ a }}: b'"],
    ['{{ x }}', "'{{ x }}'"],
    ['two\nlines', '"two\\nlines"'],
    ['bell\u0007', '"bell\\u0007"'],
  ])('writes %j as %s', (value, expected) => {
    expect(yamlScalar(value)).toBe(expected);
    expect(parse(`k: ${yamlScalar(value)}`)).toEqual({ k: value });
  });
});

describe('setStepInput', () => {
  it('replaces an input, keeping everything else byte-identical', () => {
    const after = parsed(setStepInput(CI, CACHE, 'key', GOOD_KEY));
    expect(after).toBe(
      CI.replace(
        'key: ${{ runner.os }}-go-${{ github.sha }}',
        `key: ${GOOD_KEY}`,
      ),
    );
  });

  it('keeps the comment after a replaced value', () => {
    const after = parsed(setStepInput(CI, SETUP_GO, 'go-version', '1.23'));
    expect(after).toBe(
      CI.replace("go-version: '1.22' # pinned", "go-version: '1.23' # pinned"),
    );
  });

  it('adds an input after the last one', () => {
    const after = parsed(setStepInput(CI, CACHE, 'lookup-only', 'false'));
    expect(after).toBe(
      CI.replace(
        '            ${{ runner.os }}-go-\n',
        "            ${{ runner.os }}-go-\n          lookup-only: 'false'\n",
      ),
    );
  });

  it('replaces a block scalar by a plain value and a plain value by a block scalar', () => {
    const single = parsed(
      setStepInput(CI, CACHE, 'restore-keys', '${{ runner.os }}-go-'),
    );
    expect(single).toBe(
      CI.replace(
        'restore-keys: |\n            ${{ runner.os }}-go-',
        'restore-keys: ${{ runner.os }}-go-',
      ),
    );
    const block = parsed(
      setStepInput(CI, CACHE, 'path', '~/go/pkg/mod\n~/.cache/go-build\n'),
    );
    expect(block).toBe(
      CI.replace(
        'path: ~/go/pkg/mod\n',
        'path: |\n            ~/go/pkg/mod\n            ~/.cache/go-build\n',
      ),
    );
    expect(parse(block).jobs.test.steps[2].with.path).toBe(
      '~/go/pkg/mod\n~/.cache/go-build\n',
    );
  });

  it('keeps trailing line breaks of a multi-line value exact (chomping)', () => {
    const stripped = parsed(setStepInput(CI, CACHE, 'restore-keys', 'a\nb'));
    expect(parse(stripped).jobs.test.steps[2].with['restore-keys']).toBe(
      'a\nb',
    );
    expect(stripped).toContain(
      'restore-keys: |-\n            a\n            b\n',
    );
    const indented = parsed(setStepInput(CI, CACHE, 'path', '  a\nb\n'));
    expect(parse(indented).jobs.test.steps[2].with.path).toBe('  a\nb\n');
  });

  it('removes an input, and `with:` once it is empty', () => {
    const withoutRestore = parsed(
      setStepInput(CI, CACHE, 'restore-keys', undefined),
    );
    expect(withoutRestore).toBe(
      CI.replace(
        '          restore-keys: |\n            ${{ runner.os }}-go-\n',
        '',
      ),
    );
    const withoutVersion = parsed(
      setStepInput(CI, SETUP_GO, 'go-version', undefined),
    );
    expect(withoutVersion).toBe(
      CI.replace("        with:\n          go-version: '1.22' # pinned\n", ''),
    );
  });

  it('adds `with:` after `uses:` when the step has none', () => {
    const after = parsed(setStepInput(CI, CHECKOUT, 'fetch-depth', '1'));
    expect(after).toBe(
      CI.replace(
        '# v4.1.1\n',
        "# v4.1.1\n        with:\n          fetch-depth: '1'\n",
      ),
    );
  });

  it('fills an empty `with:`', () => {
    const text = lines(
      'steps:',
      '  - uses: actions/setup-go@v5',
      '    with:',
      '  - run: go test ./...',
    );
    expect(parsed(setStepInput(text, 2, 'go-version-file', 'go.mod'))).toBe(
      lines(
        'steps:',
        '  - uses: actions/setup-go@v5',
        '    with:',
        '      go-version-file: go.mod',
        '  - run: go test ./...',
      ),
    );
  });

  it('changes nothing when removing an input that is not there', () => {
    expect(setStepInput(CI, CHECKOUT, 'fetch-depth', undefined)).toBe(CI);
  });

  it('refuses run steps, unknown lines, flow maps and anchors', () => {
    expect(setStepInput(CI, RUN, 'x', 'y')).toBeUndefined();
    expect(setStepInput(CI, 3, 'x', 'y')).toBeUndefined();
    const flow = lines(
      'steps:',
      '  - uses: actions/cache@v4',
      '    with: { path: ~/go/pkg/mod, key: k }',
    );
    expect(setStepInput(flow, 2, 'key', 'other')).toBeUndefined();
    const anchored = lines(
      'steps:',
      '  - uses: actions/cache@v4',
      '    with: &cache',
      '      key: k',
      '  - uses: actions/cache/restore@v4',
      '    with: *cache',
    );
    expect(setStepInput(anchored, 2, 'key', 'other')).toBeUndefined();
    expect(setStepInput(anchored, 5, 'key', 'other')).toBeUndefined();
    expect(setStepInput('jobs: [', 1, 'key', 'v')).toBeUndefined();
  });

  it('edits CRLF files with CRLF line breaks', () => {
    const crlf = CI.replace(/\n/g, '\r\n');
    const replaced = parsed(setStepInput(crlf, CACHE, 'key', GOOD_KEY));
    expect(replaced).toBe(
      crlf.replace(
        'key: ${{ runner.os }}-go-${{ github.sha }}',
        `key: ${GOOD_KEY}`,
      ),
    );
    const added = parsed(setStepInput(crlf, CHECKOUT, 'fetch-depth', '1'));
    expect(added).toBe(
      crlf.replace(
        '# v4.1.1\r\n',
        "# v4.1.1\r\n        with:\r\n          fetch-depth: '1'\r\n",
      ),
    );
    const block = parsed(setStepInput(crlf, CACHE, 'restore-keys', 'a\nb\n'));
    expect(block).toContain(
      'restore-keys: |\r\n            a\r\n            b\r\n',
    );
    expect(block.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('follows 4-space indentation and steps at the level of `steps:`', () => {
    const text = lines(
      'jobs:',
      '    build:',
      '        runs-on: ubuntu-latest',
      '        steps:',
      '        - name: Cache',
      '          uses: actions/cache@v4',
      '        - run: make',
    );
    expect(parsed(setStepInput(text, 5, 'key', 'k'))).toBe(
      lines(
        'jobs:',
        '    build:',
        '        runs-on: ubuntu-latest',
        '        steps:',
        '        - name: Cache',
        '          uses: actions/cache@v4',
        '          with:',
        '              key: k',
        '        - run: make',
      ),
    );
  });

  it('edits steps of composite actions (runs.steps)', () => {
    const action = lines(
      'name: Setup',
      'runs:',
      '  using: composite',
      '  steps:',
      '    - uses: actions/cache@v4',
      '      with:',
      '        path: ~/go/pkg/mod',
      '        key: "go-${{ github.run_id }}"',
    );
    expect(parsed(setStepInput(action, 5, 'key', GOOD_KEY))).toBe(
      action.replace('"go-${{ github.run_id }}"', GOOD_KEY),
    );
  });

  it('finds a step whose keys start on the line after its dash', () => {
    const text = lines(
      'steps:',
      '  -',
      '    uses: actions/cache@v4',
      '    with:',
      '      key: old',
    );
    expect(parsed(setStepInput(text, 3, 'key', 'new'))).toBe(
      text.replace('key: old', 'key: new'),
    );
  });

  it('appends to a file without a final line break', () => {
    const text = 'steps:\n  - uses: actions/cache@v4';
    expect(parsed(setStepInput(text, 2, 'key', 'k'))).toBe(
      'steps:\n  - uses: actions/cache@v4\n    with:\n      key: k\n',
    );
  });
});

describe('setStepUses', () => {
  it('drops the version comment of a replaced SHA pin', () => {
    expect(parsed(setStepUses(CI, CHECKOUT, 'actions/checkout@v4'))).toBe(
      CI.replace(
        'actions/checkout@b4ffde65f46336ab88eb53be808477a3936bae11 # v4.1.1',
        'actions/checkout@v4',
      ),
    );
  });

  it('keeps a comment that is not a version', () => {
    const text = lines(
      'steps:',
      '  - uses: actions/setup-go@v4 # see docs/ci.md',
      '    with:',
      '      go-version-file: go.mod',
    );
    expect(parsed(setStepUses(text, 2, 'actions/setup-go@v5'))).toBe(
      text.replace('setup-go@v4 #', 'setup-go@v5 #'),
    );
  });

  it('keeps quoting out unless needed and leaves an unchanged ref alone', () => {
    const text = lines('steps:', "  - uses: 'actions/cache@v3' # tag=v3");
    expect(parsed(setStepUses(text, 2, 'actions/cache@v4'))).toBe(
      lines('steps:', '  - uses: actions/cache@v4'),
    );
    expect(setStepUses(text, 2, 'actions/cache@v3')).toBe(
      lines('steps:', '  - uses: actions/cache@v3 # tag=v3'),
    );
  });

  it('refuses a step without `uses:`', () => {
    expect(setStepUses(CI, RUN, 'actions/cache@v4')).toBeUndefined();
  });
});

describe('setStepField', () => {
  it('adds `id:` after the step name, or first on the dash line', () => {
    expect(parsed(setStepField(CI, SETUP_GO, 'id', 'setup-go'))).toBe(
      CI.replace(
        '      - name: Set up Go\n',
        '      - name: Set up Go\n        id: setup-go\n',
      ),
    );
    expect(parsed(setStepField(CI, CACHE, 'id', 'go-cache'))).toBe(
      CI.replace(
        '      - uses: actions/cache@v4\n',
        '      - id: go-cache\n        uses: actions/cache@v4\n',
      ),
    );
  });

  it('replaces and removes fields, pulling the next key onto the dash line', () => {
    expect(parsed(setStepField(CI, SETUP_GO, 'name', 'Go'))).toBe(
      CI.replace('- name: Set up Go', '- name: Go'),
    );
    expect(parsed(setStepField(CI, SETUP_GO, 'name', undefined))).toBe(
      CI.replace(
        '      - name: Set up Go\n        uses: actions/setup-go@v5\n',
        '      - uses: actions/setup-go@v5\n',
      ),
    );
  });

  it('adds other fields last', () => {
    expect(parsed(setStepField(CI, RUN, 'shell', 'bash'))).toBe(
      `${CI}        shell: bash\n`,
    );
  });
});

describe('setEnv', () => {
  it('adds workflow env after `on:`', () => {
    expect(
      parsed(setEnv(CI, { level: 'workflow' }, 'GOFLAGS', '-mod=mod')),
    ).toBe(
      CI.replace(
        'on: [push, pull_request]\n',
        'on: [push, pull_request]\nenv:\n  GOFLAGS: -mod=mod\n',
      ),
    );
  });

  it('adds job env after `runs-on:`, keeping its comment', () => {
    const after = parsed(
      setEnv(CI, { level: 'job', jobId: 'test' }, 'CGO_ENABLED', '0'),
    );
    expect(after).toBe(
      CI.replace(
        '# the default runner\n',
        "# the default runner\n    env:\n      CGO_ENABLED: '0'\n",
      ),
    );
  });

  it('adds step env as the last entry of the step', () => {
    const after = parsed(
      setEnv(CI, { level: 'step', stepLine: RUN }, 'GOFLAGS', '-mod=mod'),
    );
    expect(after).toBe(`${CI}        env:\n          GOFLAGS: -mod=mod\n`);
  });

  it('replaces, adds to and removes from an existing env map', () => {
    const text = lines(
      'on: push',
      'env:',
      '  GOPROXY: direct # temporary',
      '  GOFLAGS: -mod=vendor',
      'jobs: {}',
    );
    const workflowScope = { level: 'workflow' } as const;
    expect(
      parsed(
        setEnv(text, workflowScope, 'GOPROXY', 'https://proxy.golang.org'),
      ),
    ).toBe(text.replace('direct #', 'https://proxy.golang.org #'));
    expect(parsed(setEnv(text, workflowScope, 'GOPRIVATE', 'x.io/*'))).toBe(
      text.replace('-mod=vendor\n', '-mod=vendor\n  GOPRIVATE: x.io/*\n'),
    );
    expect(parsed(setEnv(text, workflowScope, 'GOFLAGS', undefined))).toBe(
      text.replace('  GOFLAGS: -mod=vendor\n', ''),
    );
    const once = setEnv(text, workflowScope, 'GOFLAGS', undefined)!;
    expect(parsed(setEnv(once, workflowScope, 'GOPROXY', undefined))).toBe(
      lines('on: push', 'jobs: {}'),
    );
  });

  it('puts workflow env before `jobs:` (and its comments) when there is no `on:`', () => {
    const text = lines(
      'name: Reusable',
      '# The jobs',
      'jobs:',
      '  a:',
      '    runs-on: x',
    );
    expect(parsed(setEnv(text, { level: 'workflow' }, 'A', 'b'))).toBe(
      lines(
        'name: Reusable',
        'env:',
        '  A: b',
        '# The jobs',
        'jobs:',
        '  a:',
        '    runs-on: x',
      ),
    );
  });

  it('refuses unknown jobs, reusable-workflow calls and env given as an expression', () => {
    expect(
      setEnv(CI, { level: 'job', jobId: 'lint' }, 'A', 'b'),
    ).toBeUndefined();
    const call = lines(
      'on: push',
      'jobs:',
      '  call:',
      '    uses: ./.github/workflows/x.yml',
    );
    expect(
      setEnv(call, { level: 'job', jobId: 'call' }, 'A', 'b'),
    ).toBeUndefined();
    const expression = lines(
      'on: push',
      'env: ${{ fromJSON(vars.ENV) }}',
      'jobs: {}',
    );
    expect(setEnv(expression, { level: 'workflow' }, 'A', 'b')).toBeUndefined();
  });
});

describe('insertStep', () => {
  const download = { name: 'Download modules', run: 'go mod download' };

  it('inserts after a step at the siblings indentation', () => {
    expect(parsed(insertStep(CI, SETUP_GO, 'after', download))).toBe(
      CI.replace(
        '# pinned\n',
        '# pinned\n      - name: Download modules\n        run: go mod download\n',
      ),
    );
  });

  it('inserts before a step, above the comment that introduces it', () => {
    expect(parsed(insertStep(CI, CACHE, 'before', download))).toBe(
      CI.replace(
        '      # Module cache',
        '      - name: Download modules\n        run: go mod download\n      # Module cache',
      ),
    );
  });

  it('writes nested maps, lists and multi-line scripts as block YAML', () => {
    const after = parsed(
      insertStep(CI, CHECKOUT, 'after', {
        uses: 'actions/cache@v4',
        with: { path: '~/go/pkg/mod\n~/.cache/go-build\n', key: GOOD_KEY },
        'continue-on-error': true,
      }),
    );
    expect(after).toBe(
      CI.replace(
        '# v4.1.1\n',
        [
          '# v4.1.1',
          '      - uses: actions/cache@v4',
          '        with:',
          '          path: |',
          '            ~/go/pkg/mod',
          '            ~/.cache/go-build',
          `          key: ${GOOD_KEY}`,
          '        continue-on-error: true',
          '',
        ].join('\n'),
      ),
    );
  });

  it('keeps blank lines between steps when the file separates them', () => {
    const text = lines(
      'runs:',
      '  using: composite',
      '  steps:',
      '    - uses: actions/setup-go@v5',
      '',
      '    - run: go build ./...',
      '      shell: bash',
    );
    expect(
      parsed(
        insertStep(text, 4, 'after', { run: 'go vet ./...', shell: 'bash' }),
      ),
    ).toBe(
      lines(
        'runs:',
        '  using: composite',
        '  steps:',
        '    - uses: actions/setup-go@v5',
        '',
        '    - run: go vet ./...',
        '      shell: bash',
        '',
        '    - run: go build ./...',
        '      shell: bash',
      ),
    );
    expect(
      parsed(
        insertStep(text, 6, 'after', { run: 'go vet ./...', shell: 'bash' }),
      ),
    ).toBe(`${text}\n    - run: go vet ./...\n      shell: bash\n`);
  });

  it('refuses an empty step, a list of objects, and an unknown line', () => {
    expect(insertStep(CI, CHECKOUT, 'after', {})).toBeUndefined();
    expect(
      insertStep(CI, CHECKOUT, 'after', { with: { a: [{ b: 1 }] } }),
    ).toBeUndefined();
    expect(insertStep(CI, 2, 'after', download)).toBeUndefined();
  });
});
