import { RuleContext } from '../../engine/RuleContext';
import { snapshotFromFiles } from '../../snapshot/RepositorySnapshot';
import { dockerCacheMountsRule } from './docker-cache-mounts';

function evaluate(dockerfile: string, extra: Record<string, string> = {}) {
  const snapshot = snapshotFromFiles({
    'go.mod': 'module example.com/app\n\ngo 1.23\n',
    'go.sum': '',
    Dockerfile: dockerfile,
    ...extra,
  });
  return dockerCacheMountsRule.evaluate(
    new RuleContext(snapshot, { privateModules: [] }),
  );
}

const lines = (...l: string[]) => `${l.join('\n')}\n`;

describe('docker-cache-mounts', () => {
  it('passes with module cache on the download and both caches on the build', () => {
    const result = evaluate(
      lines(
        'FROM golang:1.23',
        'COPY go.mod go.sum ./',
        'RUN --mount=type=cache,target=/go/pkg/mod go mod download',
        'COPY . .',
        'RUN --mount=type=cache,target=/go/pkg/mod \\',
        '    --mount=type=cache,target=/root/.cache/go-build \\',
        '    go build -o /app .',
      ),
    );
    expect(result.status).toBe('pass');
    expect(result.locations).toEqual([
      { path: 'Dockerfile', startLine: 3, endLine: 3 },
      { path: 'Dockerfile', startLine: 5, endLine: 7 },
    ]);
  });

  it('fails without cache mounts and rewrites the RUN with them', () => {
    const result = evaluate(
      lines(
        'FROM golang:1.23 AS build',
        'COPY . .',
        'RUN CGO_ENABLED=0 go build -o /app ./cmd/app',
      ),
    );
    expect(result.status).toBe('fail');
    expect(result.message).toContain('stage `build`');
    expect(result.remediation).toContain(
      '--mount=type=cache,target=/go/pkg/mod',
    );
    expect(result.remediation).toContain(
      '--mount=type=cache,target=/root/.cache/go-build',
    );
    expect(result.remediation).toContain(
      'CGO_ENABLED=0 go build -o /app ./cmd/app',
    );
  });

  it('fails when the mounts are at paths Go does not use in the image', () => {
    const result = evaluate(
      lines(
        'FROM golang:1.23',
        'RUN --mount=type=cache,target=/root/go/pkg/mod \\',
        '    --mount=type=cache,target=/tmp/cache go build .',
      ),
    );
    expect(result.status).toBe('fail');
    expect(result.message).toContain('/root/go/pkg/mod');
  });

  it('follows ENV GOCACHE and GOMODCACHE', () => {
    const result = evaluate(
      lines(
        'FROM golang:1.23',
        'ENV GOCACHE=/cache/build GOMODCACHE=/cache/mod',
        'RUN --mount=type=cache,target=/cache go build .',
      ),
    );
    expect(result.status).toBe('pass');
  });

  it('expects the build cache under HOME when HOME changes', () => {
    const result = evaluate(
      lines(
        'FROM golang:1.23',
        'ENV HOME=/home/builder',
        'RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build go build .',
      ),
    );
    expect(result.status).toBe('fail');
    expect(result.message).toContain('/home/builder/.cache/go-build');
  });

  it('warns when only the module cache is mounted on a build', () => {
    const result = evaluate(
      lines(
        'FROM golang:1.23',
        'RUN --mount=type=cache,target=/go/pkg/mod go test ./...',
      ),
    );
    expect(result.status).toBe('warn');
    expect(result.message).toContain('build cache `/root/.cache/go-build`');
  });

  it('does not fail on paths it cannot know for a non-root user', () => {
    const result = evaluate(
      lines(
        'FROM golang:1.23',
        'USER builder',
        'RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/cache go build .',
      ),
    );
    expect(result.status).toBe('pass');
    expect(result.notes?.[0]).toContain('could not be checked');
  });

  it('asks vendored builds for the build cache only', () => {
    const result = evaluate(
      lines(
        'FROM golang:1.23',
        'RUN --mount=type=cache,target=/root/.cache/go-build go build -mod=vendor .',
      ),
    );
    expect(result.status).toBe('pass');
  });

  it('is not applicable for an image that only copies a prebuilt binary', () => {
    expect(evaluate(lines('FROM scratch', 'COPY dist/app /app')).status).toBe(
      'not-applicable',
    );
  });

  it('is not applicable for an empty Dockerfile', () => {
    expect(evaluate('').status).toBe('not-applicable');
  });
});

describe('docker-cache-mounts with misplaced and unrelated mounts', () => {
  it('fails when the module cache is mounted at the path of another image, beside a good build cache', () => {
    const result = evaluate(
      lines(
        'FROM golang:1.24-bookworm',
        'RUN --mount=type=cache,target=/root/go/pkg/mod \\',
        '    --mount=type=cache,target=/root/.cache/go-build \\',
        '    go build -o /app .',
      ),
    );
    expect(result.status).toBe('fail');
    expect(result.message).toContain(
      'mounts at `/root/go/pkg/mod` are paths Go does not use there',
    );
  });

  it('does not count a package-manager cache as a misplaced Go cache', () => {
    const result = evaluate(
      lines(
        'FROM golang:1.23',
        'RUN --mount=type=cache,target=/var/cache/apt --mount=type=cache,target=/go/pkg/mod go build .',
      ),
    );
    expect(result.status).toBe('warn');
  });
});
