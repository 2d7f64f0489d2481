import { ciKeyDependencyHashRule } from './ci-key-dependency-hash';
import { evaluate, repo, workflow } from './testing/fixtures';

function cacheJob(key: string, extra = ''): string {
  return `  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n${extra}      - uses: actions/cache@v4\n        with:\n          path: ~/go/pkg/mod\n          key: ${key}\n      - run: go build ./...\n`;
}

describe('ci-key-dependency-hash', () => {
  it('passes when the key hashes go.sum', () => {
    const result = evaluate(
      ciKeyDependencyHashRule,
      repo({
        '.github/workflows/ci.yml': workflow(
          cacheJob("go-${{ hashFiles('**/go.sum') }}"),
        ),
      }),
    );
    expect(result.status).toBe('pass');
    expect(result.locations?.[0].startLine).toBe(14);
  });

  it('fails for a static key', () => {
    const result = evaluate(
      ciKeyDependencyHashRule,
      repo({
        '.github/workflows/ci.yml': workflow(
          cacheJob('${{ runner.os }}-go-mod'),
        ),
      }),
    );
    expect(result.status).toBe('fail');
    expect(result.message).toContain('hashes no go.sum');
    expect(result.remediation).toContain("hashFiles('go.sum')");
  });

  it('fails when the key hashes other files only', () => {
    const result = evaluate(
      ciKeyDependencyHashRule,
      repo({
        '.github/workflows/ci.yml': workflow(
          cacheJob("go-${{ hashFiles('**/package-lock.json') }}"),
        ),
      }),
    );
    expect(result.status).toBe('fail');
  });

  it('passes with a glob that matches go.sum files', () => {
    const result = evaluate(
      ciKeyDependencyHashRule,
      repo({
        '.github/workflows/ci.yml': workflow(
          cacheJob("go-${{ hashFiles('**/go.*') }}"),
        ),
      }),
    );
    expect(result.status).toBe('pass');
  });

  it('follows a key built in an earlier step', () => {
    const step = `      - id: key\n        run: echo "key=go-\${{ hashFiles('go.sum') }}" >> $GITHUB_OUTPUT\n`;
    const result = evaluate(
      ciKeyDependencyHashRule,
      repo({
        '.github/workflows/ci.yml': workflow(
          cacheJob('${{ steps.key.outputs.key }}', step),
        ),
      }),
    );
    expect(result.status).toBe('pass');
  });

  it('says so instead of failing when the key comes from a step it cannot follow', () => {
    const step = '      - id: key\n        uses: ./.github/actions/make-key\n';
    const result = evaluate(
      ciKeyDependencyHashRule,
      repo({
        '.github/workflows/ci.yml': workflow(
          cacheJob('${{ steps.key.outputs.key }}', step),
        ),
      }),
    );
    expect(result.status).toBe('pass');
    expect(result.notes?.join(' ')).toContain('cannot follow');
  });

  it('passes for setup-go with its built-in key over an existing go.sum', () => {
    const result = evaluate(
      ciKeyDependencyHashRule,
      repo({
        '.github/workflows/ci.yml': workflow(
          '  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-go@v5\n      - run: go test ./...\n',
        ),
      }),
    );
    expect(result.status).toBe('pass');
  });

  it('fails for setup-go caching where its dependency file is missing, even if nothing else caches', () => {
    const result = evaluate(ciKeyDependencyHashRule, {
      'go.mod': 'module example.com/app\n\ngo 1.23\n',
      '.github/workflows/ci.yml': workflow(
        '  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-go@v5.0.2\n      - run: go test ./...\n',
      ),
    });
    expect(result.status).toBe('fail');
    expect(result.message).toContain('go.sum');
  });

  it('is not applicable without a module cache', () => {
    const result = evaluate(
      ciKeyDependencyHashRule,
      repo({
        '.github/workflows/ci.yml': workflow(
          '  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-go@v5\n        with:\n          cache: false\n      - run: go test ./...\n',
        ),
      }),
    );
    expect(result.status).toBe('not-applicable');
  });
});

describe('ci-key-dependency-hash in a monorepo', () => {
  const files = (key: string) => ({
    'go.mod': 'module example.com/root\n\ngo 1.23\n',
    'go.sum': '',
    'svc/go.mod': 'module example.com/svc\n\ngo 1.23\n',
    'svc/go.sum': '',
    '.github/workflows/ci.yml': workflow(
      `  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/cache@v4\n        with:\n          path: ~/go/pkg/mod\n          key: ${key}\n      - run: go test ./...\n        working-directory: svc\n`,
    ),
  });

  it('warns when the key hashes the root go.sum but the job builds svc', () => {
    const result = evaluate(
      ciKeyDependencyHashRule,
      files("go-${{ hashFiles('go.sum') }}"),
    );
    expect(result.status).toBe('warn');
    expect(result.message).toContain('svc/go.sum');
  });

  it('passes when the key hashes every go.sum', () => {
    expect(
      evaluate(
        ciKeyDependencyHashRule,
        files("go-${{ hashFiles('**/go.sum') }}"),
      ).status,
    ).toBe('pass');
  });
});

describe('ci-key-dependency-hash and files that do not exist', () => {
  it('fails when hashFiles names go.sum but no go.sum exists (the hash is empty)', () => {
    const result = evaluate(ciKeyDependencyHashRule, {
      'go.mod': 'module example.com/app\n\ngo 1.23\n',
      '.github/workflows/ci.yml': workflow(
        cacheJob("go-${{ hashFiles('**/go.sum') }}"),
      ),
    });
    expect(result.status).toBe('fail');
  });
});
