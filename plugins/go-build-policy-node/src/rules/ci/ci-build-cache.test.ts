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
