import { ciNoModcacheWipeRule } from './ci-no-modcache-wipe';
import { evaluate, repo, workflow } from './testing/fixtures';

const job = (run: string) =>
  `  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ${run}\n`;

describe('ci-no-modcache-wipe', () => {
  it('fails on go clean -modcache in a push workflow', () => {
    const result = evaluate(
      ciNoModcacheWipeRule,
      repo({
        '.github/workflows/ci.yml': workflow(
          job('go clean -modcache && go build ./...'),
        ),
      }),
    );
    expect(result.status).toBe('fail');
    expect(result.locations).toEqual([
      { path: '.github/workflows/ci.yml', startLine: 10, endLine: 10 },
    ]);
  });

  it('fails on rm -rf of the module cache', () => {
    expect(
      evaluate(
        ciNoModcacheWipeRule,
        repo({
          '.github/workflows/ci.yml': workflow(job('rm -rf ~/go/pkg/mod')),
        }),
      ).status,
    ).toBe('fail');
  });

  it('fails on a Makefile target that CI calls', () => {
    const result = evaluate(
      ciNoModcacheWipeRule,
      repo({
        Makefile:
          'ci: clean test\n\nclean:\n\tgo clean -modcache\n\ntest:\n\tgo test ./...\n',
        '.github/workflows/ci.yml': workflow(job('make ci')),
      }),
    );
    expect(result.status).toBe('fail');
    expect(result.locations).toEqual([
      { path: 'Makefile', startLine: 4, endLine: 4 },
    ]);
  });

  it('fails on a Dockerfile RUN', () => {
    const result = evaluate(
      ciNoModcacheWipeRule,
      repo({
        Dockerfile:
          'FROM golang:1.23\nWORKDIR /src\nCOPY . .\nRUN go build -o /app . && go clean -modcache\n',
      }),
    );
    expect(result.status).toBe('fail');
    expect(result.locations?.[0].path).toBe('Dockerfile');
  });

  it('passes when the wipe runs only on a schedule', () => {
    const result = evaluate(
      ciNoModcacheWipeRule,
      repo({
        '.github/workflows/clean.yml': workflow(
          job('go clean -modcache'),
          "schedule:\n    - cron: '0 3 * * 1'",
        ),
      }),
    );
    expect(result.status).toBe('pass');
  });

  it('passes when nothing wipes, ignoring go clean -cache', () => {
    expect(
      evaluate(
        ciNoModcacheWipeRule,
        repo({
          '.github/workflows/ci.yml': workflow(
            job('go clean -cache -testcache'),
          ),
        }),
      ).status,
    ).toBe('pass');
  });
});
