import { ciNoDoubleCacheRule } from './ci-no-double-cache';
import { evaluate, repo, workflow } from './testing/fixtures';

const setupGo = (cache = '') =>
  `      - uses: actions/setup-go@v5\n${
    cache ? `        with:\n          cache: ${cache}\n` : ''
  }`;
const actionsCache =
  "      - uses: actions/cache@v4\n        with:\n          path: ~/go/pkg/mod\n          key: go-${{ hashFiles('go.sum') }}\n";
const job = (steps: string) =>
  `  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n${steps}      - run: go build ./...\n`;

describe('ci-no-double-cache', () => {
  it('fails when setup-go caching and actions/cache restore the module cache in one job', () => {
    const result = evaluate(
      ciNoDoubleCacheRule,
      repo({
        '.github/workflows/ci.yml': workflow(job(setupGo() + actionsCache)),
      }),
    );
    expect(result.status).toBe('fail');
    expect(result.message).toContain('GOMODCACHE twice');
    expect(result.locations).toEqual([
      { path: '.github/workflows/ci.yml', startLine: 11, endLine: 11 },
      { path: '.github/workflows/ci.yml', startLine: 12, endLine: 15 },
    ]);
    expect(result.remediation).toContain('cache: false');
  });

  it('passes when setup-go caching is off', () => {
    expect(
      evaluate(
        ciNoDoubleCacheRule,
        repo({
          '.github/workflows/ci.yml': workflow(
            job(setupGo('false') + actionsCache),
          ),
        }),
      ).status,
    ).toBe('pass');
  });

  it('passes when setup-go v2 (no cache) is used with actions/cache', () => {
    const steps = `      - uses: actions/setup-go@v2\n${actionsCache}`;
    expect(
      evaluate(
        ciNoDoubleCacheRule,
        repo({ '.github/workflows/ci.yml': workflow(job(steps)) }),
      ).status,
    ).toBe('pass');
  });

  it('is not applicable without caches', () => {
    expect(
      evaluate(
        ciNoDoubleCacheRule,
        repo({ '.github/workflows/ci.yml': workflow(job('')) }),
      ).status,
    ).toBe('not-applicable');
  });
});
