import { ciKeyGoVersionRule } from './ci-key-go-version';
import { evaluate, repo, workflow } from './testing/fixtures';

function job(
  goVersion: string,
  key: string,
  matrix = '',
  path = '~/.cache/go-build',
): string {
  return `  test:\n    runs-on: ubuntu-latest\n${matrix}    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-go@v5\n        id: go\n        with:\n          go-version: ${goVersion}\n          cache: false\n      - uses: actions/cache@v4\n        with:\n          path: ${path}\n          key: ${key}\n      - run: go build ./...\n`;
}
const goMatrix = "    strategy:\n      matrix:\n        go: ['1.22', '1.23']\n";

describe('ci-key-go-version', () => {
  it('passes with matrix.go in the key', () => {
    const result = evaluate(
      ciKeyGoVersionRule,
      repo({
        '.github/workflows/ci.yml': workflow(
          job(
            '${{ matrix.go }}',
            "go${{ matrix.go }}-${{ hashFiles('go.sum') }}",
            goMatrix,
          ),
        ),
      }),
    );
    expect(result.status).toBe('pass');
  });

  it("passes with setup-go's go-version output", () => {
    const result = evaluate(
      ciKeyGoVersionRule,
      repo({
        '.github/workflows/ci.yml': workflow(
          job(
            "'1.23'",
            "go${{ steps.go.outputs.go-version }}-${{ hashFiles('go.sum') }}",
          ),
        ),
      }),
    );
    expect(result.status).toBe('pass');
  });

  it('fails when a matrix over Go versions keys on hashFiles alone', () => {
    const result = evaluate(
      ciKeyGoVersionRule,
      repo({
        '.github/workflows/ci.yml': workflow(
          job(
            '${{ matrix.go }}',
            "${{ runner.os }}-${{ hashFiles('**/go.sum') }}",
            goMatrix,
          ),
        ),
      }),
    );
    expect(result.status).toBe('fail');
    expect(result.message).toContain('1.22, 1.23');
  });

  it('fails when a literal in the key no longer equals the pinned version', () => {
    const result = evaluate(
      ciKeyGoVersionRule,
      repo({
        '.github/workflows/ci.yml': workflow(
          job("'1.23'", "go-1.21-${{ hashFiles('go.sum') }}"),
        ),
      }),
    );
    expect(result.status).toBe('fail');
    expect(result.message).toContain('1.21');
  });

  it('passes when a literal equals the pinned version', () => {
    const result = evaluate(
      ciKeyGoVersionRule,
      repo({
        '.github/workflows/ci.yml': workflow(
          job("'1.23'", "go-1.23-${{ hashFiles('go.sum') }}"),
        ),
      }),
    );
    expect(result.status).toBe('pass');
  });

  it('passes when the version comes from an env var that also feeds go-version', () => {
    const wf = workflow(
      job(
        '${{ env.GO_VERSION }}',
        "go-${{ env.GO_VERSION }}-${{ hashFiles('go.sum') }}",
      ),
    ).replace('jobs:\n', "env:\n  GO_VERSION: '1.23.4'\njobs:\n");
    expect(
      evaluate(ciKeyGoVersionRule, repo({ '.github/workflows/ci.yml': wf }))
        .status,
    ).toBe('pass');
  });

  it('fails when a build-cache key ignores the Go version', () => {
    const result = evaluate(
      ciKeyGoVersionRule,
      repo({
        '.github/workflows/ci.yml': workflow(
          job("'1.23'", "${{ runner.os }}-${{ hashFiles('go.sum') }}"),
        ),
      }),
    );
    expect(result.status).toBe('fail');
  });

  it('passes a module-only key without the version, with a note', () => {
    const result = evaluate(
      ciKeyGoVersionRule,
      repo({
        '.github/workflows/ci.yml': workflow(
          job(
            "'1.23'",
            "${{ runner.os }}-${{ hashFiles('go.sum') }}",
            '',
            '~/go/pkg/mod',
          ),
        ),
      }),
    );
    expect(result.status).toBe('pass');
    expect(result.notes?.join(' ')).toContain('module sources only');
  });

  it('passes when the key hashes the go-version-file', () => {
    const wf = workflow(
      job(
        "'1.23'",
        "${{ runner.os }}-${{ hashFiles('go.mod', 'go.sum') }}",
      ).replace("go-version: '1.23'", 'go-version-file: go.mod'),
    );
    expect(
      evaluate(ciKeyGoVersionRule, repo({ '.github/workflows/ci.yml': wf }))
        .status,
    ).toBe('pass');
  });

  it('is not applicable without caches', () => {
    expect(evaluate(ciKeyGoVersionRule, repo({})).status).toBe(
      'not-applicable',
    );
  });
});

describe('ci-key-go-version and step outputs that hold nothing', () => {
  it('fails a key reading the go-version output of a step id that does not exist', () => {
    const result = evaluate(
      ciKeyGoVersionRule,
      repo({
        '.github/workflows/ci.yml': workflow(
          job(
            "'1.23'",
            "go${{ steps.setup-go.outputs.go-version }}-${{ hashFiles('go.sum') }}",
          ),
        ),
      }),
    );
    expect(result.status).toBe('fail');
    expect(result.message).toContain(
      '`steps.setup-go.outputs.go-version` names step `setup-go`, which no step of the job has as its id, so it expands to an empty string',
    );
    expect(result.locations?.[0]?.path).toBe('.github/workflows/ci.yml');
  });

  it('fails a key reading the go-version output of a step that is not setup-go', () => {
    const wf = workflow(
      "  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n        id: checkout\n      - uses: actions/setup-go@v5\n        with:\n          go-version: '1.23'\n          cache: false\n      - uses: actions/cache@v4\n        with:\n          path: ~/.cache/go-build\n          key: go${{ steps.checkout.outputs.go-version }}-${{ hashFiles('go.sum') }}\n      - run: go build ./...\n",
    );
    const result = evaluate(
      ciKeyGoVersionRule,
      repo({ '.github/workflows/ci.yml': wf }),
    );
    expect(result.status).toBe('fail');
    expect(result.message).toContain(
      'reads step `checkout`, which is `actions/checkout@v4`, not actions/setup-go',
    );
  });

  it('fails a key reading the output of a setup-go step that runs after the cache', () => {
    const wf = workflow(
      "  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/cache@v4\n        with:\n          path: ~/.cache/go-build\n          key: go${{ steps.go.outputs.go-version }}-${{ hashFiles('go.sum') }}\n      - uses: actions/setup-go@v5\n        id: go\n        with:\n          go-version: '1.23'\n          cache: false\n      - run: go build ./...\n",
    );
    const result = evaluate(
      ciKeyGoVersionRule,
      repo({ '.github/workflows/ci.yml': wf }),
    );
    expect(result.status).toBe('fail');
    expect(result.message).toContain('runs only after the cache step');
  });

  it('warns when the broken reference is in a module-only key', () => {
    const result = evaluate(
      ciKeyGoVersionRule,
      repo({
        '.github/workflows/ci.yml': workflow(
          job(
            "'1.23'",
            "go${{ steps.nope.outputs.go-version }}-${{ hashFiles('go.sum') }}",
            '',
            '~/go/pkg/mod',
          ),
        ),
      }),
    );
    expect(result.status).toBe('warn');
    expect(result.message).toContain('step `nope`');
  });
});
