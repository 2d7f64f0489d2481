import { ciCleanValidationRule } from './ci-clean-validation';
import { evaluate, repo, workflow } from './testing/fixtures';

const cached =
  '  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-go@v5\n      - run: go test ./...\n';
const clean =
  '  clean:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-go@v5\n        with:\n          cache: false\n      - run: go build ./...\n';

describe('ci-clean-validation', () => {
  it('passes with a scheduled clean build', () => {
    const result = evaluate(
      ciCleanValidationRule,
      repo({
        '.github/workflows/ci.yml': workflow(cached),
        '.github/workflows/nightly.yml': workflow(
          clean,
          "schedule:\n    - cron: '0 3 * * *'",
        ),
      }),
    );
    expect(result.status).toBe('pass');
    expect(result.message).toContain(
      'job `clean` of .github/workflows/nightly.yml',
    );
    expect(result.locations?.[0]).toEqual({
      path: '.github/workflows/nightly.yml',
      startLine: 13,
      endLine: 13,
    });
  });

  it('passes with an uncached push job, noting a scheduled run would be better', () => {
    const result = evaluate(
      ciCleanValidationRule,
      repo({ '.github/workflows/ci.yml': workflow(cached + clean) }),
    );
    expect(result.status).toBe('pass');
    expect(result.notes?.join(' ')).toContain('scheduled');
  });

  it('fails when every Go job that builds restores a cache', () => {
    const result = evaluate(
      ciCleanValidationRule,
      repo({ '.github/workflows/ci.yml': workflow(cached) }),
    );
    expect(result.status).toBe('fail');
    expect(result.remediation).toContain('cache: false');
  });

  it('counts goreleaser as building', () => {
    const job =
      '  release:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: goreleaser/goreleaser-action@v6\n';
    expect(
      evaluate(
        ciCleanValidationRule,
        repo({ '.github/workflows/ci.yml': workflow(cached + job) }),
      ).status,
    ).toBe('pass');
  });

  it('is not applicable when Go jobs only lint', () => {
    const job =
      '  lint:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: golangci/golangci-lint-action@v6\n';
    expect(
      evaluate(
        ciCleanValidationRule,
        repo({ '.github/workflows/ci.yml': workflow(job) }),
      ).status,
    ).toBe('not-applicable');
  });

  it('is not applicable without Go jobs', () => {
    expect(evaluate(ciCleanValidationRule, repo({})).status).toBe(
      'not-applicable',
    );
  });
});

describe('ci-clean-validation with event-dependent caching', () => {
  it('counts a job whose setup-go cache is off on its schedule', () => {
    const wf = workflow(
      "  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-go@v5\n        with:\n          cache: ${{ github.event_name != 'schedule' }}\n      - run: go test ./...\n",
      "push:\n    branches: [main]\n  schedule:\n    - cron: '0 5 * * 1'",
    );
    const result = evaluate(
      ciCleanValidationRule,
      repo({ '.github/workflows/ci.yml': wf }),
    );
    expect(result.status).toBe('pass');
    expect(result.message).toContain('on schedule events');
  });
});
