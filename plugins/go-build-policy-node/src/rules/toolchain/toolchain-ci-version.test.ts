import { toolchainCiVersionRule } from './toolchain-ci-version';
import { evaluate, GO_SUM, workflow } from '../ci/testing/fixtures';

const goMod = (line = 'go 1.23.4') => `module example.com/app\n\n${line}\n`;
const job = (withLines: string, extra = '') =>
  `  test:\n    runs-on: ubuntu-latest\n${extra}    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-go@v5\n${
    withLines ? `        with:\n${withLines}` : ''
  }      - run: go test ./...\n`;
const files = (
  withLines: string,
  mod = goMod(),
  extra: Record<string, string> = {},
) => ({
  'go.mod': mod,
  'go.sum': GO_SUM,
  '.github/workflows/ci.yml': workflow(job(withLines)),
  ...extra,
});

describe('toolchain-ci-version', () => {
  it('passes with go-version-file: go.mod', () => {
    const result = evaluate(
      toolchainCiVersionRule,
      files('          go-version-file: go.mod\n'),
    );
    expect(result.status).toBe('pass');
    expect(result.locations?.[0]).toEqual({
      path: '.github/workflows/ci.yml',
      startLine: 11,
      endLine: 13,
    });
  });

  it('passes with a minor pin that satisfies go.mod at the precision given', () => {
    expect(
      evaluate(toolchainCiVersionRule, files("          go-version: '1.23'\n"))
        .status,
    ).toBe('pass');
  });

  it('fails when CI asks for an older Go than go.mod', () => {
    const result = evaluate(
      toolchainCiVersionRule,
      files("          go-version: '1.22'\n"),
    );
    expect(result.status).toBe('fail');
    expect(result.message).toContain('older than the `1.23.4`');
  });

  it("takes go.mod's toolchain line into account", () => {
    const result = evaluate(
      toolchainCiVersionRule,
      files(
        "          go-version: '1.23.1'\n",
        `${goMod('go 1.23.0')}toolchain go1.23.4\n`,
      ),
    );
    expect(result.status).toBe('fail');
  });

  it('fails for a floating stable', () => {
    const result = evaluate(
      toolchainCiVersionRule,
      files('          go-version: stable\n'),
    );
    expect(result.status).toBe('fail');
    expect(result.message).toContain('floats');
  });

  it('checks a .go-version file against go.mod', () => {
    const ok = evaluate(
      toolchainCiVersionRule,
      files('          go-version-file: .go-version\n', goMod(), {
        '.go-version': '1.23.5\n',
      }),
    );
    expect(ok.status).toBe('pass');
    const old = evaluate(
      toolchainCiVersionRule,
      files('          go-version-file: .go-version\n', goMod(), {
        '.go-version': '1.22.1\n',
      }),
    );
    expect(old.status).toBe('fail');
    expect(old.locations?.[0].path).toBe('.go-version');
  });

  it('evaluates the version per matrix combination', () => {
    const matrix =
      "    strategy:\n      matrix:\n        go: ['1.22', '1.23']\n";
    const wf = workflow(
      job('          go-version: ${{ matrix.go }}\n', matrix),
    );
    const result = evaluate(toolchainCiVersionRule, {
      'go.mod': goMod(),
      '.github/workflows/ci.yml': wf,
    });
    expect(result.status).toBe('fail');
    expect(result.message).toContain('`1.22`');
  });

  it('follows a version set by a visible script step', () => {
    const wf = workflow(
      '  test:\n    runs-on: ubuntu-latest\n    steps:\n      - id: v\n        run: echo "go=1.21" >> $GITHUB_OUTPUT\n      - uses: actions/setup-go@v5\n        with:\n          go-version: ${{ steps.v.outputs.go }}\n      - run: go test ./...\n',
    );
    expect(
      evaluate(toolchainCiVersionRule, {
        'go.mod': goMod(),
        '.github/workflows/ci.yml': wf,
      }).status,
    ).toBe('fail');
  });

  it('follows a version passed to a local composite action', () => {
    const wf = workflow(
      "  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: ./.github/actions/go\n        with:\n          version: '1.22.3'\n      - run: go test ./...\n",
    );
    const action =
      "inputs:\n  version:\n    default: '1.23'\nruns:\n  using: composite\n  steps:\n    - uses: actions/setup-go@v5\n      with:\n        go-version: ${{ inputs.version }}\n";
    const result = evaluate(toolchainCiVersionRule, {
      'go.mod': goMod(),
      '.github/workflows/ci.yml': wf,
      '.github/actions/go/action.yml': action,
    });
    expect(result.status).toBe('fail');
    expect(result.locations?.[0].path).toBe('.github/actions/go/action.yml');
  });

  it("warns when CI uses the runner's preinstalled Go", () => {
    expect(evaluate(toolchainCiVersionRule, files('')).status).toBe('warn');
  });

  it('is not applicable without Go jobs', () => {
    expect(evaluate(toolchainCiVersionRule, { 'go.mod': goMod() }).status).toBe(
      'not-applicable',
    );
  });
});

describe('toolchain-ci-version and unquoted YAML numbers', () => {
  it('reads an unquoted `go-version: 1.20` as Go 1.2, as GitHub Actions does, and says to quote it', () => {
    const result = evaluate(
      toolchainCiVersionRule,
      files('          go-version: 1.20\n', goMod('go 1.20')),
    );
    expect(result.status).toBe('fail');
    expect(result.message).toContain(
      'writes `go-version: 1.20` unquoted: YAML reads it as the number 1.2, so setup-go is asked for Go `1.2`',
    );
    expect(result.message).toContain("quote the value (`'1.20'`)");
    expect(result.locations?.[0]?.path).toBe('.github/workflows/ci.yml');
  });

  it('passes the same version quoted', () => {
    expect(
      evaluate(
        toolchainCiVersionRule,
        files("          go-version: '1.20'\n", goMod('go 1.20')),
      ).status,
    ).toBe('pass');
  });

  it('keeps an unquoted number whose text Actions reads unchanged (1.23)', () => {
    expect(
      evaluate(toolchainCiVersionRule, files('          go-version: 1.23\n'))
        .status,
    ).toBe('pass');
  });

  it('follows an unquoted matrix value into go-version', () => {
    const wf = workflow(
      '  test:\n    runs-on: ubuntu-latest\n    strategy:\n      matrix:\n        go: [1.20, "1.21"]\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-go@v5\n        with:\n          go-version: ${{ matrix.go }}\n      - run: go test ./...\n',
    );
    const result = evaluate(toolchainCiVersionRule, {
      'go.mod': goMod('go 1.20'),
      'go.sum': GO_SUM,
      '.github/workflows/ci.yml': wf,
    });
    expect(result.status).toBe('fail');
    expect(result.message).toContain(
      'writes the matrix value `go: 1.20` unquoted',
    );
    expect(result.message).not.toContain('1.21');
  });

  it('follows an unquoted env value into go-version', () => {
    const wf = workflow(
      '  test:\n    runs-on: ubuntu-latest\n    env:\n      GO_VERSION: 1.10\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-go@v5\n        with:\n          go-version: ${{ env.GO_VERSION }}\n      - run: go test ./...\n',
    );
    const result = evaluate(toolchainCiVersionRule, {
      'go.mod': goMod('go 1.10'),
      'go.sum': GO_SUM,
      '.github/workflows/ci.yml': wf,
    });
    expect(result.status).toBe('fail');
    expect(result.message).toContain('`env: GO_VERSION: 1.10`');
    expect(result.message).toContain('Go `1.1`');
  });
});
