import { ciReleaseNoCacheRule } from './ci-release-no-cache';
import { evaluate, repo, workflow } from './testing/fixtures';

const releaseJob = (setupGo: string, extra = '') =>
  `  release:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n${setupGo}${extra}      - uses: goreleaser/goreleaser-action@v6\n        with:\n          args: release --clean\n`;

describe('ci-release-no-cache', () => {
  it('fails when goreleaser runs after setup-go with its default cache', () => {
    const result = evaluate(
      ciReleaseNoCacheRule,
      repo({
        '.github/workflows/release.yml': workflow(
          releaseJob('      - uses: actions/setup-go@v5\n'),
          "push:\n    tags: ['v*']",
        ),
      }),
    );
    expect(result.status).toBe('fail');
    expect(result.message).toContain('goreleaser');
    expect(result.remediation).toContain('cache: false');
  });

  it('passes when the release job turns the cache off', () => {
    const result = evaluate(
      ciReleaseNoCacheRule,
      repo({
        '.github/workflows/release.yml': workflow(
          releaseJob(
            '      - uses: actions/setup-go@v5\n        with:\n          cache: false\n',
          ),
          "push:\n    tags: ['v*']",
        ),
      }),
    );
    expect(result.status).toBe('pass');
  });

  it('ignores Docker layer caches', () => {
    const job =
      '  image:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: docker/build-push-action@v6\n        with:\n          push: true\n          cache-from: type=gha\n          cache-to: type=gha,mode=max\n';
    expect(
      evaluate(
        ciReleaseNoCacheRule,
        repo({ '.github/workflows/image.yml': workflow(job) }),
      ).status,
    ).toBe('pass');
  });

  it('fails when a push job restores actions/cache before docker push', () => {
    const job =
      '  image:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/cache@v4\n        with:\n          path: ~/go/pkg/mod\n          key: mod\n      - run: go build ./... && docker build -t x . && docker push x\n';
    const result = evaluate(
      ciReleaseNoCacheRule,
      repo({ '.github/workflows/image.yml': workflow(job) }),
    );
    expect(result.status).toBe('fail');
    expect(result.message).toContain('docker push');
  });

  it('is not applicable when nothing publishes', () => {
    const job =
      '  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/setup-go@v5\n      - run: go test ./...\n';
    expect(
      evaluate(
        ciReleaseNoCacheRule,
        repo({ '.github/workflows/ci.yml': workflow(job) }),
      ).status,
    ).toBe('not-applicable');
  });
});

describe('ci-release-no-cache: which jobs of a tag or release run publish', () => {
  const testJob =
    '  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-go@v5\n      - run: go test ./...\n';
  const tags = "push:\n    tags: ['v*']";

  it('does not count a test job of a tag-triggered workflow as publishing', () => {
    const result = evaluate(
      ciReleaseNoCacheRule,
      repo({ '.github/workflows/tags.yml': workflow(testJob, tags) }),
    );
    expect(result.status).toBe('not-applicable');
  });

  it('judges only the publishing job when a test job runs beside it', () => {
    const result = evaluate(
      ciReleaseNoCacheRule,
      repo({
        '.github/workflows/release.yml': workflow(
          testJob +
            releaseJob(
              '      - uses: actions/setup-go@v5\n        with:\n          cache: false\n',
            ),
          tags,
        ),
      }),
    );
    expect(result.status).toBe('pass');
    expect(result.message).toContain('job `release`');
    expect(result.message).not.toContain('job `test`');
  });

  it('counts a release-upload step on release events as publishing', () => {
    const result = evaluate(
      ciReleaseNoCacheRule,
      repo({
        '.github/workflows/release.yml': workflow(
          '  assets:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-go@v5\n      - run: go build -o app ./cmd/app\n      - uses: softprops/action-gh-release@v2\n        with:\n          files: app\n',
          'release:\n    types: [published]',
        ),
      }),
    );
    expect(result.status).toBe('fail');
    expect(result.message).toContain(
      'uploads release assets with `softprops/action-gh-release@v2`',
    );
  });

  it('counts the jobs that build the artifacts a release job uploads', () => {
    const result = evaluate(
      ciReleaseNoCacheRule,
      repo({
        '.github/workflows/release.yml': workflow(
          '  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-go@v5\n      - run: go build -o app ./cmd/app\n      - uses: actions/upload-artifact@v4\n        with:\n          name: app\n          path: app\n  publish:\n    needs: build\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/download-artifact@v4\n      - run: gh release upload ${{ github.ref_name }} app\n',
          tags,
        ),
      }),
    );
    expect(result.status).toBe('fail');
    expect(result.message).toContain(
      'job `build` of .github/workflows/release.yml publishes (uploads artifacts that job `publish` publishes',
    );
  });
});
