import { modTidyVerifiedRule } from './mod-tidy-verified';
import { evaluate, repo, workflow } from '../ci/testing/fixtures';

const job = (run: string, extra = '') =>
  `  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n${extra}      - run: |\n          go build ./...\n          ${run}\n`;

describe('mod-tidy-verified', () => {
  it('passes with go mod verify', () => {
    const result = evaluate(
      modTidyVerifiedRule,
      repo({ '.github/workflows/ci.yml': workflow(job('go mod verify')) }),
    );
    expect(result.status).toBe('pass');
    expect(result.locations).toEqual([
      { path: '.github/workflows/ci.yml', startLine: 13, endLine: 13 },
    ]);
  });

  it('passes with go mod tidy -diff', () => {
    expect(
      evaluate(
        modTidyVerifiedRule,
        repo({
          '.github/workflows/ci.yml': workflow(job('go mod tidy -diff')),
        }),
      ).status,
    ).toBe('pass');
  });

  it('passes with go mod tidy followed by git diff --exit-code in a later step', () => {
    const wf = workflow(
      `${job(
        'go mod tidy',
      )}      - run: git diff --exit-code -- go.mod go.sum\n`,
    );
    expect(
      evaluate(modTidyVerifiedRule, repo({ '.github/workflows/ci.yml': wf }))
        .status,
    ).toBe('pass');
  });

  it('fails with go mod tidy and no diff check, saying so', () => {
    const result = evaluate(
      modTidyVerifiedRule,
      repo({ '.github/workflows/ci.yml': workflow(job('go mod tidy')) }),
    );
    expect(result.status).toBe('fail');
    expect(result.notes?.join(' ')).toContain('never checks');
    expect(result.remediation).toContain('go mod tidy -diff');
  });

  it('passes through a Makefile target', () => {
    const result = evaluate(
      modTidyVerifiedRule,
      repo({
        Makefile:
          'check:\n\tgo mod tidy\n\tgit diff --exit-code go.mod go.sum\n',
        '.github/workflows/ci.yml': workflow(job('make check')),
      }),
    );
    expect(result.status).toBe('pass');
    expect(result.locations?.[0].path).toBe('Makefile');
  });

  it('passes through a Dockerfile that CI builds', () => {
    const result = evaluate(
      modTidyVerifiedRule,
      repo({
        'build/Dockerfile':
          'FROM golang:1.23\nWORKDIR /src\nCOPY go.mod go.sum ./\nRUN go mod download && go mod verify\nCOPY . .\nRUN go build -o /app .\n',
        '.github/workflows/ci.yml': workflow(
          job('docker build -f build/Dockerfile .'),
        ),
      }),
    );
    expect(result.status).toBe('pass');
    expect(result.message).toContain('build/Dockerfile');
  });

  it('is not applicable without Go jobs', () => {
    expect(evaluate(modTidyVerifiedRule, repo({})).status).toBe(
      'not-applicable',
    );
  });
});
