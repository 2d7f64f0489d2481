import { ciKeyNotPerRunRule } from './ci-key-not-per-run';
import { evaluate, repo, workflow } from './testing/fixtures';

function cacheJob(
  path: string,
  key: string,
  restoreKeys = '',
  extra = '',
): string {
  const restore = restoreKeys
    ? `          restore-keys: |\n            ${restoreKeys}\n`
    : '';
  return `  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n${extra}      - uses: actions/cache@v4\n        with:\n          path: ${path}\n          key: ${key}\n${restore}      - run: go build ./...\n`;
}

describe('ci-key-not-per-run', () => {
  it('fails when the module-cache key contains github.sha', () => {
    const result = evaluate(
      ciKeyNotPerRunRule,
      repo({
        '.github/workflows/ci.yml': workflow(
          cacheJob(
            '~/go/pkg/mod',
            "go-${{ hashFiles('go.sum') }}-${{ github.sha }}",
          ),
        ),
      }),
    );
    expect(result.status).toBe('fail');
    expect(result.message).toContain('github.sha');
    expect(result.locations?.[0]).toEqual({
      path: '.github/workflows/ci.yml',
      startLine: 14,
      endLine: 14,
    });
  });

  it('fails on a timestamp written to $GITHUB_ENV', () => {
    const step = '      - run: echo "STAMP=$(date +%s)" >> $GITHUB_ENV\n';
    const result = evaluate(
      ciKeyNotPerRunRule,
      repo({
        '.github/workflows/ci.yml': workflow(
          cacheJob(
            '~/go/pkg/mod',
            "go-${{ env.STAMP }}-${{ hashFiles('go.sum') }}",
            '',
            step,
          ),
        ),
      }),
    );
    expect(result.status).toBe('fail');
    expect(result.message).toContain('date +%s');
  });

  it('passes with a note for a weekly rotation', () => {
    const step =
      '      - id: week\n        run: echo "week=$(date +%Y%V)" >> $GITHUB_OUTPUT\n';
    const result = evaluate(
      ciKeyNotPerRunRule,
      repo({
        '.github/workflows/ci.yml': workflow(
          cacheJob(
            '~/go/pkg/mod',
            "go-${{ steps.week.outputs.week }}-${{ hashFiles('go.sum') }}",
            '',
            step,
          ),
        ),
      }),
    );
    expect(result.status).toBe('pass');
    expect(result.notes?.join(' ')).toContain('rotates');
  });

  it('passes a per-run build-cache key with a useful restore-keys prefix, with a note', () => {
    const result = evaluate(
      ciKeyNotPerRunRule,
      repo({
        '.github/workflows/ci.yml': workflow(
          `${cacheJob(
            '~/go/pkg/mod',
            "mod-${{ hashFiles('go.sum') }}",
          )}  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/cache@v4\n        with:\n          path: ~/.cache/go-build\n          key: build-\${{ github.sha }}\n          restore-keys: build-\n      - run: go build ./...\n`,
        ),
      }),
    );
    expect(result.status).toBe('pass');
    expect(result.notes?.join(' ')).toContain('restore-keys falling back');
  });

  it('passes a stable key', () => {
    const result = evaluate(
      ciKeyNotPerRunRule,
      repo({
        '.github/workflows/ci.yml': workflow(
          cacheJob(
            '~/go/pkg/mod',
            "${{ runner.os }}-go-${{ hashFiles('go.sum') }}",
          ),
        ),
      }),
    );
    expect(result.status).toBe('pass');
  });

  it('is not applicable without a module cache', () => {
    expect(evaluate(ciKeyNotPerRunRule, repo({})).status).toBe(
      'not-applicable',
    );
  });
});
