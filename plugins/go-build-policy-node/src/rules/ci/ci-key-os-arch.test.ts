import { ciKeyOsArchRule } from './ci-key-os-arch';
import { evaluate, repo, workflow } from './testing/fixtures';

function matrixJob(oses: string, key: string, extraWith = ''): string {
  return `  test:\n    strategy:\n      matrix:\n        os: [${oses}]\n    runs-on: \${{ matrix.os }}\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/cache@v4\n        with:\n          path: |\n            ~/go/pkg/mod\n            ~/.cache/go-build\n          key: ${key}\n${extraWith}      - run: go build ./...\n`;
}

describe('ci-key-os-arch', () => {
  it('passes when runs-on comes from the matrix and the key uses runner.os', () => {
    const result = evaluate(
      ciKeyOsArchRule,
      repo({
        '.github/workflows/ci.yml': workflow(
          matrixJob(
            'ubuntu-latest, windows-latest',
            "${{ runner.os }}-go-${{ hashFiles('go.sum') }}",
          ),
        ),
      }),
    );
    expect(result.status).toBe('pass');
  });

  it('passes when the key uses matrix.os', () => {
    const result = evaluate(
      ciKeyOsArchRule,
      repo({
        '.github/workflows/ci.yml': workflow(
          matrixJob(
            'ubuntu-latest, macos-latest',
            "${{ matrix.os }}-go-${{ hashFiles('go.sum') }}",
          ),
        ),
      }),
    );
    expect(result.status).toBe('pass');
  });

  it('fails when a matrix over OSes shares one key', () => {
    const result = evaluate(
      ciKeyOsArchRule,
      repo({
        '.github/workflows/ci.yml': workflow(
          matrixJob(
            'ubuntu-latest, macos-latest',
            "go-${{ hashFiles('go.sum') }}",
          ),
        ),
      }),
    );
    expect(result.status).toBe('fail');
    expect(result.message).toContain('macos-latest');
    expect(result.locations?.map(l => l.startLine)).toEqual([19, 11]);
  });

  it('fails when runner.os is in the key but x64 and arm64 Linux runners share it', () => {
    const result = evaluate(
      ciKeyOsArchRule,
      repo({
        '.github/workflows/ci.yml': workflow(
          matrixJob(
            'ubuntu-24.04, ubuntu-24.04-arm',
            "${{ runner.os }}-go-${{ hashFiles('go.sum') }}",
          ),
        ),
      }),
    );
    expect(result.status).toBe('fail');
    expect(result.message).toContain('architecture');
  });

  it('passes a module-only cache shared across OSes with enableCrossOsArchive', () => {
    const job = `  test:\n    strategy:\n      matrix:\n        os: [ubuntu-latest, windows-latest]\n    runs-on: \${{ matrix.os }}\n    steps:\n      - uses: actions/cache@v4\n        with:\n          path: ~/go/pkg/mod\n          key: mod-\${{ hashFiles('go.sum') }}\n          enableCrossOsArchive: true\n      - run: go build ./...\n`;
    expect(
      evaluate(
        ciKeyOsArchRule,
        repo({ '.github/workflows/ci.yml': workflow(job) }),
      ).status,
    ).toBe('pass');
  });

  it('treats an undefined matrix key as empty, so the key does not partition', () => {
    const result = evaluate(
      ciKeyOsArchRule,
      repo({
        '.github/workflows/ci.yml': workflow(
          matrixJob(
            'ubuntu-latest, macos-latest',
            "${{ matrix.platform }}-go-${{ hashFiles('go.sum') }}",
          ),
        ),
      }),
    );
    expect(result.status).toBe('fail');
  });

  it('fails for setup-go v4 (OS-only key) on x64 and arm64 runners', () => {
    const job = `  test:\n    strategy:\n      matrix:\n        os: [ubuntu-latest, ubuntu-24.04-arm]\n    runs-on: \${{ matrix.os }}\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-go@v4\n      - run: go build ./...\n`;
    const result = evaluate(
      ciKeyOsArchRule,
      repo({ '.github/workflows/ci.yml': workflow(job) }),
    );
    expect(result.status).toBe('fail');
    expect(result.message).toContain('OS only');
  });

  it('passes for the moving setup-go @v5 tag (arch in its key since v5.1.0)', () => {
    const job = `  test:\n    strategy:\n      matrix:\n        os: [ubuntu-latest, ubuntu-24.04-arm]\n    runs-on: \${{ matrix.os }}\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-go@v5\n      - run: go build ./...\n`;
    expect(
      evaluate(
        ciKeyOsArchRule,
        repo({ '.github/workflows/ci.yml': workflow(job) }),
      ).status,
    ).toBe('pass');
  });

  it('fails when two jobs on different OSes share a key', () => {
    const jobs = ['ubuntu-latest', 'windows-latest']
      .map(
        (os, i) =>
          `  j${i}:\n    runs-on: ${os}\n    steps:\n      - uses: actions/cache@v4\n        with:\n          path: ~/.cache/go-build\n          key: go-build\n      - run: go build ./...\n`,
      )
      .join('');
    // The Windows job's path is not its GOCACHE, so only the Linux one caches: no shared entry.
    expect(
      evaluate(
        ciKeyOsArchRule,
        repo({ '.github/workflows/ci.yml': workflow(jobs) }),
      ).status,
    ).toBe('pass');
    const shared = ['ubuntu-latest', 'macos-13']
      .map(
        (os, i) =>
          `  j${i}:\n    runs-on: ${os}\n    steps:\n      - uses: actions/cache@v4\n        with:\n          path: ~/go/pkg/mod\n          key: go-mod\n      - run: go build ./...\n`,
      )
      .join('');
    expect(
      evaluate(
        ciKeyOsArchRule,
        repo({ '.github/workflows/ci.yml': workflow(shared) }),
      ).status,
    ).toBe('fail');
  });

  it('is not applicable without caches', () => {
    expect(evaluate(ciKeyOsArchRule, repo({})).status).toBe('not-applicable');
  });
});

describe('ci-key-os-arch and @actions/cache versions', () => {
  it('does not report a key shared by Windows and Linux without enableCrossOsArchive (the entries are versioned apart)', () => {
    const job = `  test:\n    strategy:\n      matrix:\n        os: [ubuntu-latest, windows-latest]\n    runs-on: \${{ matrix.os }}\n    steps:\n      - uses: actions/cache@v4\n        with:\n          path: ~/go/pkg/mod\n          key: mod-\${{ hashFiles('go.sum') }}\n      - run: go build ./...\n`;
    expect(
      evaluate(
        ciKeyOsArchRule,
        repo({ '.github/workflows/ci.yml': workflow(job) }),
      ).status,
    ).toBe('pass');
  });
});
