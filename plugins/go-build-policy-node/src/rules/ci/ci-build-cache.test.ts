import { ciBuildCacheRule } from './ci-build-cache';
import { evaluate, repo, workflow } from './testing/fixtures';

function cacheJob(runsOn: string, path: string, extra = ''): string {
  return `  test:\n    runs-on: ${runsOn}\n${extra}    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/cache@v4\n        with:\n          path: |\n            ${path}\n          key: \${{ runner.os }}-go-\${{ hashFiles('**/go.sum') }}\n      - run: go build ./...\n`;
}

describe('ci-build-cache', () => {
  it('passes when setup-go caches (it restores GOCACHE with GOMODCACHE)', () => {
    const result = evaluate(
      ciBuildCacheRule,
      repo({
        '.github/workflows/ci.yml': workflow(
          '  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-go@v5\n      - run: go test ./...\n',
        ),
      }),
    );
    expect(result.status).toBe('pass');
  });

  it('passes with ~/.cache/go-build on Linux', () => {
    expect(
      evaluate(
        ciBuildCacheRule,
        repo({
          '.github/workflows/ci.yml': workflow(
            cacheJob('ubuntu-latest', '~/.cache/go-build'),
          ),
        }),
      ).status,
    ).toBe('pass');
  });

  it('fails when only the module cache is cached', () => {
    const result = evaluate(
      ciBuildCacheRule,
      repo({
        '.github/workflows/ci.yml': workflow(
          cacheJob('ubuntu-latest', '~/go/pkg/mod'),
        ),
      }),
    );
    expect(result.status).toBe('fail');
    expect(result.message).toContain('restores no build cache');
  });

  it('fails when a macOS runner caches the Linux GOCACHE path', () => {
    const result = evaluate(
      ciBuildCacheRule,
      repo({
        '.github/workflows/ci.yml': workflow(
          cacheJob('macos-latest', '~/.cache/go-build'),
        ),
      }),
    );
    expect(result.status).toBe('fail');
    expect(result.message).toContain('Library/Caches/go-build');
  });

  it('passes on macOS with ~/Library/Caches/go-build', () => {
    expect(
      evaluate(
        ciBuildCacheRule,
        repo({
          '.github/workflows/ci.yml': workflow(
            cacheJob('macos-14', '~/Library/Caches/go-build'),
          ),
        }),
      ).status,
    ).toBe('pass');
  });

  it('fails in a job container caching /root/.cache/go-build (HOME is /github/home there)', () => {
    const result = evaluate(
      ciBuildCacheRule,
      repo({
        '.github/workflows/ci.yml': workflow(
          cacheJob(
            'ubuntu-latest',
            '/root/.cache/go-build',
            '    container: golang:1.23\n',
          ),
        ),
      }),
    );
    expect(result.status).toBe('fail');
    expect(result.message).toContain('/github/home/.cache/go-build');
  });

  it('passes in a job container caching /github/home/.cache/go-build', () => {
    expect(
      evaluate(
        ciBuildCacheRule,
        repo({
          '.github/workflows/ci.yml': workflow(
            cacheJob(
              'ubuntu-latest',
              '/github/home/.cache/go-build',
              '    container: golang:1.23\n',
            ),
          ),
        }),
      ).status,
    ).toBe('pass');
  });

  it('fails when a matrix over OSes caches only the Linux path', () => {
    const job = cacheJob(
      '${{ matrix.os }}',
      '~/.cache/go-build',
      '    strategy:\n      matrix:\n        os: [ubuntu-latest, windows-latest]\n',
    );
    const result = evaluate(
      ciBuildCacheRule,
      repo({ '.github/workflows/ci.yml': workflow(job) }),
    );
    expect(result.status).toBe('fail');
    expect(result.message).toContain('windows');
  });

  it('follows GOCACHE moved by job env', () => {
    const job = cacheJob(
      'ubuntu-latest',
      '/tmp/gocache',
      '    env:\n      GOCACHE: /tmp/gocache\n',
    );
    expect(
      evaluate(
        ciBuildCacheRule,
        repo({ '.github/workflows/ci.yml': workflow(job) }),
      ).status,
    ).toBe('pass');
  });

  it('is not applicable without Go jobs', () => {
    expect(evaluate(ciBuildCacheRule, repo({})).status).toBe('not-applicable');
  });
});

describe('ci-build-cache and actions that set up Go themselves', () => {
  it('notes that govulncheck-action caches through a setup-go step the scan cannot see', () => {
    const result = evaluate(
      ciBuildCacheRule,
      repo({
        '.github/workflows/vuln.yml': workflow(
          '  vulncheck:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: golang/govulncheck-action@v1\n',
        ),
      }),
    );
    expect(result.status).toBe('pass');
    expect((result.notes ?? []).join(' ')).toContain(
      'Whether job `vulncheck` of .github/workflows/vuln.yml restores the build cache could not be evaluated: its only Go toolchain use is `golang/govulncheck-action`',
    );
  });

  it('exempts a push job limited to tags by its `if:`', () => {
    const result = evaluate(
      ciBuildCacheRule,
      repo({
        '.github/workflows/ci.yml': workflow(
          "  build:\n    runs-on: ubuntu-latest\n    if: startsWith(github.ref, 'refs/tags/')\n    steps:\n      - uses: actions/checkout@v4\n      - run: go build ./...\n",
          'push:',
        ),
      }),
    );
    expect(result.status).toBe('pass');
  });
});

describe('ci-build-cache names why a job restores nothing', () => {
  it('names setup-go with its cache off and an actions/cache over the module cache only', () => {
    const result = evaluate(
      ciBuildCacheRule,
      repo({
        '.github/workflows/ci.yml': workflow(
          "  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-go@v5\n        with:\n          cache: false\n      - uses: actions/cache@v4\n        with:\n          path: ~/go/pkg/mod\n          key: mod-${{ hashFiles('go.sum') }}\n      - run: go test ./...\n",
        ),
      }),
    );
    expect(result.status).toBe('fail');
    expect(result.message).toContain(
      'restores no build cache (GOCACHE): `actions/setup-go@v5` (.github/workflows/ci.yml line 11) does not cache (`cache: false`); `actions/cache@v4` (.github/workflows/ci.yml line 14) caches only the module cache (`~/go/pkg/mod`)',
    );
    expect(result.locations?.map(l => l.startLine)).toEqual([11, 14]);
  });
});
