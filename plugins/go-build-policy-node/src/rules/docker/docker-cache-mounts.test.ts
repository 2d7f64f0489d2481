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

describe('docker-cache-mounts: paths follow GOPATH, GOMODCACHE, GOCACHE, HOME and USER', () => {
  const build = (...mounts: string[]) =>
    `RUN ${mounts
      .map(m => `--mount=type=cache,target=${m}`)
      .join(' ')} go build .`;

  it('fails ENV GOPATH=/x then USER nonroot with the module cache at /go/pkg/mod', () => {
    const result = evaluate(
      lines(
        'FROM golang:1.23',
        'ENV GOPATH=/x',
        'USER nonroot',
        build('/go/pkg/mod', '/home/nonroot/.cache/go-build'),
      ),
    );
    expect(result.status).toBe('fail');
    expect(result.message).toContain('module cache `/x/pkg/mod`');
    expect(result.message).toContain('`/go/pkg/mod` are paths Go does not use');
  });

  it('passes ENV GOPATH=/x then USER nonroot with /x/pkg/mod and the conventional home cache', () => {
    const result = evaluate(
      lines(
        'FROM golang:1.23',
        'ENV GOPATH=/x',
        'USER nonroot',
        build('/x/pkg/mod', '/home/nonroot/.cache/go-build'),
      ),
    );
    expect(result.status).toBe('pass');
    expect(result.notes ?? []).toEqual([]);
  });

  it('does not guess the build cache of a non-root user from a spare mount, but checks the module cache', () => {
    const result = evaluate(
      lines(
        'FROM golang:1.23',
        'USER nonroot',
        'ENV GOPATH=/x',
        build('/x/pkg/mod', '/root/.cache/go-build'),
      ),
    );
    expect(result.status).toBe('pass');
    expect(result.notes?.join(' ')).toContain(
      'the path of the build cache (`/home/nonroot/.cache/go-build`?) depends on what the scan cannot see (the home of USER `nonroot`',
    );
  });

  it('warns when a non-root user mounts only the module cache (no mount could be the build cache)', () => {
    const result = evaluate(
      lines('FROM golang:1.23', 'USER nonroot', build('/go/pkg/mod')),
    );
    expect(result.status).toBe('warn');
    expect(result.message).toContain('build cache');
  });

  it('lets GOMODCACHE win over GOPATH, and GOCACHE over HOME, whatever the user', () => {
    const result = evaluate(
      lines(
        'FROM golang:1.23',
        'ENV GOPATH=/x GOMODCACHE=/mods',
        'USER nonroot',
        'ENV GOCACHE=/build',
        build('/x/pkg/mod', '/build'),
      ),
    );
    expect(result.status).toBe('fail');
    expect(result.message).toContain('module cache `/mods`');
  });

  it('follows ENV HOME set after USER for the build cache', () => {
    const result = evaluate(
      lines(
        'FROM golang:1.23',
        'USER app',
        'ENV HOME=/srv/app',
        build('/go/pkg/mod', '/root/.cache/go-build'),
      ),
    );
    expect(result.status).toBe('fail');
    expect(result.message).toContain('build cache `/srv/app/.cache/go-build`');
  });

  it('does not guess for a base image whose ENV it cannot see (it may set GOPATH)', () => {
    const result = evaluate(
      lines(
        'FROM alpine:3.20',
        'ENV HOME=/work',
        build('/root/go/pkg/mod', '/work/.cache/go-build'),
      ),
    );
    expect(result.status).toBe('pass');
    expect(result.notes?.join(' ')).toContain(
      'the path of the module cache (`/work/go/pkg/mod`?)',
    );
  });

  it('follows HOME into GOPATH when the base image is known and sets none (scratch)', () => {
    const result = evaluate(
      lines(
        'FROM scratch',
        'ENV HOME=/work',
        build('/root/go/pkg/mod', '/work/.cache/go-build'),
      ),
    );
    expect(result.status).toBe('fail');
    expect(result.message).toContain('module cache `/work/go/pkg/mod`');
  });

  it('goes back to root paths after USER root', () => {
    const result = evaluate(
      lines(
        'FROM golang:1.23',
        'USER nonroot',
        'USER root',
        build('/go/pkg/mod', '/home/nonroot/.cache/go-build'),
      ),
    );
    expect(result.status).toBe('fail');
    expect(result.message).toContain('build cache `/root/.cache/go-build`');
  });
});
