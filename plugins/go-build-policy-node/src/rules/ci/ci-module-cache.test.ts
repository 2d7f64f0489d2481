import { ciModuleCacheRule } from './ci-module-cache';
import { evaluate, repo, workflow } from './testing/fixtures';

const checkout = '      - uses: actions/checkout@v4\n';

function job(steps: string, extra = ''): string {
  return `  test:\n    runs-on: ubuntu-latest\n${extra}    steps:\n${steps}      - run: go test ./...\n`;
}

describe('ci-module-cache', () => {
  it('passes when setup-go v5 caches by default', () => {
    const result = evaluate(
      ciModuleCacheRule,
      repo({
        '.github/workflows/ci.yml': workflow(
          job(
            `${checkout}      - uses: actions/setup-go@v5\n        with:\n          go-version-file: go.mod\n`,
          ),
        ),
      }),
    );
    expect(result.status).toBe('pass');
    expect(result.locations?.[0]).toEqual({
      path: '.github/workflows/ci.yml',
      startLine: 11,
      endLine: 13,
    });
  });

  it('fails when setup-go v2 has no cache', () => {
    const result = evaluate(
      ciModuleCacheRule,
      repo({
        '.github/workflows/ci.yml': workflow(
          job(`${checkout}      - uses: actions/setup-go@v2\n`),
        ),
      }),
    );
    expect(result.status).toBe('fail');
    expect(result.message).toContain('job `test` of .github/workflows/ci.yml');
    expect(result.remediation).toContain('actions/setup-go@v5');
  });

  it('fails for setup-go v3 without cache: true, and passes with it', () => {
    const without = evaluate(
      ciModuleCacheRule,
      repo({
        '.github/workflows/ci.yml': workflow(
          job(`${checkout}      - uses: actions/setup-go@v3\n`),
        ),
      }),
    );
    expect(without.status).toBe('fail');
    const withCache = evaluate(
      ciModuleCacheRule,
      repo({
        '.github/workflows/ci.yml': workflow(
          job(
            `${checkout}      - uses: actions/setup-go@v3\n        with:\n          cache: true\n`,
          ),
        ),
      }),
    );
    expect(withCache.status).toBe('pass');
  });

  it('does not guess when cache is an expression', () => {
    const result = evaluate(
      ciModuleCacheRule,
      repo({
        '.github/workflows/ci.yml': workflow(
          job(
            `${checkout}      - uses: actions/setup-go@v5\n        with:\n          cache: \${{ github.event_name == 'push' }}\n`,
          ),
        ),
      }),
    );
    expect(result.status).toBe('pass');
    expect(result.notes?.join(' ')).toContain('could not be evaluated');
  });

  it('fails when setup-go finds no go.sum at the root of a monorepo', () => {
    const result = evaluate(ciModuleCacheRule, {
      'svc/go.mod': 'module example.com/svc\n\ngo 1.23\n',
      'svc/go.sum': '',
      '.github/workflows/ci.yml': workflow(
        job(`${checkout}      - uses: actions/setup-go@v5\n`),
      ),
    });
    expect(result.status).toBe('fail');
    expect(result.message).toContain('no go.sum at the repository root');
    expect(result.remediation).toContain('svc/go.sum');
  });

  it('uses go.mod as the dependency file from setup-go v6.3', () => {
    const result = evaluate(ciModuleCacheRule, {
      'go.mod': 'module example.com/app\n\ngo 1.23\n',
      '.github/workflows/ci.yml': workflow(
        job(`${checkout}      - uses: actions/setup-go@v6\n`),
      ),
    });
    expect(result.status).toBe('pass');
  });

  it('fails when setup-go runs before checkout', () => {
    const result = evaluate(
      ciModuleCacheRule,
      repo({
        '.github/workflows/ci.yml': workflow(
          job(`      - uses: actions/setup-go@v5\n${checkout}`),
        ),
      }),
    );
    expect(result.status).toBe('fail');
    expect(result.message).toContain('before actions/checkout');
  });

  it('fails when the checkout goes into a subfolder', () => {
    const result = evaluate(
      ciModuleCacheRule,
      repo({
        '.github/workflows/ci.yml': workflow(
          job(
            `      - uses: actions/checkout@v4\n        with:\n          path: src\n      - uses: actions/setup-go@v5\n`,
          ),
        ),
      }),
    );
    expect(result.status).toBe('fail');
    expect(result.message).toContain('`src`');
  });

  it('passes with actions/cache over ~/go/pkg/mod', () => {
    const result = evaluate(
      ciModuleCacheRule,
      repo({
        '.github/workflows/ci.yml': workflow(
          job(
            `${checkout}      - uses: actions/cache@v4\n        with:\n          path: ~/go/pkg/mod\n          key: go-\${{ hashFiles('**/go.sum') }}\n`,
          ),
        ),
      }),
    );
    expect(result.status).toBe('pass');
  });

  it('fails when a golang job container caches ~/go/pkg/mod instead of /go/pkg/mod', () => {
    const result = evaluate(
      ciModuleCacheRule,
      repo({
        '.github/workflows/ci.yml': workflow(
          job(
            `${checkout}      - uses: actions/cache@v4\n        with:\n          path: ~/go/pkg/mod\n          key: go-\${{ hashFiles('**/go.sum') }}\n`,
            '    container: golang:1.23\n',
          ),
        ),
      }),
    );
    expect(result.status).toBe('fail');
    expect(result.message).toContain('/go/pkg/mod');
  });

  it('follows a job-level GOMODCACHE env', () => {
    const result = evaluate(
      ciModuleCacheRule,
      repo({
        '.github/workflows/ci.yml': workflow(
          job(
            `${checkout}      - uses: actions/cache@v4\n        with:\n          path: \${{ github.workspace }}/.modcache\n          key: go-\${{ hashFiles('**/go.sum') }}\n`,
            '    env:\n      GOMODCACHE: ${{ github.workspace }}/.modcache\n',
          ),
        ),
      }),
    );
    expect(result.status).toBe('pass');
  });

  it('follows a path written to $GITHUB_OUTPUT by go env', () => {
    const steps = `${checkout}      - id: paths\n        run: echo "mod=$(go env GOMODCACHE)" >> "$GITHUB_OUTPUT"\n      - uses: actions/cache@v4\n        with:\n          path: \${{ steps.paths.outputs.mod }}\n          key: go-\${{ hashFiles('**/go.sum') }}\n`;
    const result = evaluate(
      ciModuleCacheRule,
      repo({ '.github/workflows/ci.yml': workflow(job(steps)) }),
    );
    expect(result.status).toBe('pass');
  });

  it('warns when one Go job restores the cache and another does not', () => {
    const jobs = `${job(
      `${checkout}      - uses: actions/setup-go@v5\n`,
    )}  lint:\n    runs-on: ubuntu-latest\n    steps:\n${checkout}      - uses: actions/setup-go@v5\n        with:\n          cache: false\n      - run: go vet ./...\n`;
    const result = evaluate(
      ciModuleCacheRule,
      repo({ '.github/workflows/ci.yml': workflow(jobs) }),
    );
    expect(result.status).toBe('warn');
    expect(result.message).toContain('job `lint`');
  });

  it('exempts Go jobs that run only on a schedule', () => {
    const result = evaluate(
      ciModuleCacheRule,
      repo({
        '.github/workflows/nightly.yml': workflow(
          job(
            `${checkout}      - uses: actions/setup-go@v5\n        with:\n          cache: false\n`,
          ),
          "schedule:\n    - cron: '0 3 * * *'",
        ),
      }),
    );
    expect(result.status).toBe('pass');
  });

  it('treats tag-only pushes as not routine', () => {
    const result = evaluate(
      ciModuleCacheRule,
      repo({
        '.github/workflows/release.yml': workflow(
          job(
            `${checkout}      - uses: actions/setup-go@v5\n        with:\n          cache: false\n`,
          ),
          "push:\n    tags: ['v*']",
        ),
      }),
    );
    expect(result.status).toBe('pass');
  });

  it('is not applicable without Go jobs', () => {
    const result = evaluate(
      ciModuleCacheRule,
      repo({
        '.github/workflows/ci.yml': workflow(
          '  docs:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm test\n',
        ),
      }),
    );
    expect(result.status).toBe('not-applicable');
  });

  it('is not applicable when every module is vendored', () => {
    const result = evaluate(
      ciModuleCacheRule,
      repo({
        'vendor/modules.txt': '# github.com/pkg/errors v0.9.1\n',
        '.github/workflows/ci.yml': workflow(job(`${checkout}`)),
      }),
    );
    expect(result.status).toBe('not-applicable');
  });

  it('excludes CodeQL autobuild jobs', () => {
    const result = evaluate(
      ciModuleCacheRule,
      repo({
        '.github/workflows/codeql.yml': workflow(
          '  analyze:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: github/codeql-action/init@v3\n      - uses: github/codeql-action/autobuild@v3\n      - run: go build ./...\n',
        ),
      }),
    );
    expect(result.status).toBe('not-applicable');
  });

  it('gives an error when the only workflow is broken YAML', () => {
    const result = evaluate(
      ciModuleCacheRule,
      repo({ '.github/workflows/ci.yml': 'on: [push\njobs: {' }),
    );
    expect(result.status).toBe('error');
    expect(result.message).toContain('.github/workflows/ci.yml');
  });

  it('counts make targets whose recipe runs go, through prerequisites', () => {
    const result = evaluate(
      ciModuleCacheRule,
      repo({
        Makefile: 'check: test\n\ntest:\n\tgo test ./...\n',
        '.github/workflows/ci.yml': workflow(
          '  ci:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: make check\n',
        ),
      }),
    );
    expect(result.status).toBe('fail');
    expect(result.message).toContain('job `ci`');
  });
});

describe('ci-module-cache with event-dependent caching', () => {
  it("decides `cache: ${{ github.event_name != 'schedule' }}` per event: on for pushes and pull requests", () => {
    const wf = workflow(
      "  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-go@v5\n        with:\n          cache: ${{ github.event_name != 'schedule' }}\n      - run: go test ./...\n",
      "push:\n    branches: [main]\n  pull_request:\n  schedule:\n    - cron: '0 5 * * 1'",
    );
    const result = evaluate(
      ciModuleCacheRule,
      repo({ '.github/workflows/ci.yml': wf }),
    );
    expect(result.status).toBe('pass');
    expect(result.notes ?? []).toEqual([]);
  });
});

describe('ci-module-cache and actions that set up Go themselves', () => {
  const vulncheckJob = (withCache = '') =>
    `  vulncheck:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: golang/govulncheck-action@v1\n        with:\n          go-version-file: go.mod\n${withCache}`;

  it('does not guess for a job whose only Go use is govulncheck-action: a note says why', () => {
    const result = evaluate(
      ciModuleCacheRule,
      repo({ '.github/workflows/vuln.yml': workflow(vulncheckJob()) }),
    );
    expect(result.status).toBe('pass');
    expect(result.message).toContain('could be shown to go without');
    const note = (result.notes ?? []).join(' ');
    expect(note).toContain('job `vulncheck` of .github/workflows/vuln.yml');
    expect(note).toContain('runs its own `actions/setup-go`');
    expect(note).toContain('the scan cannot see that step');
  });

  it('names the cache input the step passes to the hidden setup-go', () => {
    const result = evaluate(
      ciModuleCacheRule,
      repo({
        '.github/workflows/vuln.yml': workflow(
          vulncheckJob('          cache: false\n'),
        ),
      }),
    );
    expect(result.status).toBe('pass');
    expect((result.notes ?? []).join(' ')).toContain(
      'the step sets `cache: false`',
    );
  });

  it('still fails a job that also runs go test with no cache', () => {
    const result = evaluate(
      ciModuleCacheRule,
      repo({
        '.github/workflows/vuln.yml': workflow(
          `${vulncheckJob()}      - run: go test ./...\n`,
        ),
      }),
    );
    expect(result.status).toBe('fail');
    expect(result.message).toContain('job `vulncheck`');
  });
});

describe('ci-module-cache and job-level conditions', () => {
  const taggedJob = (condition: string) =>
    `  release:\n    runs-on: ubuntu-latest\n    if: ${condition}\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-go@v2\n      - run: go build ./...\n`;
  const onPush = 'push:';

  it.each([
    "startsWith(github.ref, 'refs/tags/')",
    "${{ startsWith(github.ref, 'refs/tags/v') }}",
    "github.ref_type == 'tag'",
    "github.event_name == 'push' && contains(github.ref, 'refs/tags/')",
    "github.event_name == 'release'",
  ])('exempts a job limited to tags or releases by `if: %s`', condition => {
    const result = evaluate(
      ciModuleCacheRule,
      repo({
        '.github/workflows/ci.yml': workflow(
          taggedJob(condition),
          `${onPush}\n  pull_request:\n  release:\n    types: [published]`,
        ),
      }),
    );
    expect(result.status).toBe('pass');
    expect(result.message).toContain(
      'No Go job runs on pushes or pull requests',
    );
  });

  it.each([
    "${{ !startsWith(github.ref, 'refs/tags/') }}",
    "github.ref == 'refs/heads/main'",
    "github.repository == 'acme/app'",
    "startsWith(github.ref, 'refs/tags/') || github.event_name == 'pull_request'",
  ])(
    'keeps checking a job that `if: %s` lets run on branches or pull requests',
    condition => {
      const result = evaluate(
        ciModuleCacheRule,
        repo({
          '.github/workflows/ci.yml': workflow(
            taggedJob(condition),
            `${onPush}\n  pull_request:`,
          ),
        }),
      );
      expect(result.status).toBe('fail');
    },
  );

  it("limits the jobs of a local reusable workflow by the caller's `if:`", () => {
    const result = evaluate(
      ciModuleCacheRule,
      repo({
        '.github/workflows/ci.yml': workflow(
          "  publish:\n    if: github.ref_type == 'tag'\n    uses: ./.github/workflows/build.yml\n",
          onPush,
        ),
        '.github/workflows/build.yml':
          'on:\n  workflow_call:\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-go@v2\n      - run: go build ./...\n',
      }),
    );
    expect(result.status).toBe('pass');
  });
});
