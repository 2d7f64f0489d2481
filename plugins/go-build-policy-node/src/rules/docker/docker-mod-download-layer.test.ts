import { RuleContext } from '../../engine/RuleContext';
import {
  snapshotFromFiles,
  SnapshotFile,
} from '../../snapshot/RepositorySnapshot';
import { dockerModDownloadLayerRule } from './docker-mod-download-layer';

const GO_MOD =
  'module example.com/app\n\ngo 1.23\n\nrequire github.com/pkg/errors v0.9.1\n';

function evaluate(files: Record<string, string | SnapshotFile>) {
  const snapshot = snapshotFromFiles({
    'go.mod': GO_MOD,
    'go.sum': 'x',
    ...files,
  });
  return dockerModDownloadLayerRule.evaluate(
    new RuleContext(snapshot, { privateModules: [] }),
  );
}

const lines = (...l: string[]) => `${l.join('\n')}\n`;

describe('docker-mod-download-layer', () => {
  it('passes when go.mod and go.sum are copied and downloaded before the source', () => {
    const result = evaluate({
      Dockerfile: lines(
        'FROM golang:1.23 AS build',
        'WORKDIR /src',
        'COPY go.mod go.sum ./',
        'RUN go mod download',
        'COPY . .',
        'RUN go build -o /app ./cmd/app',
      ),
    });
    expect(result.status).toBe('pass');
    expect(result.locations).toEqual([
      { path: 'Dockerfile', startLine: 3, endLine: 3 },
      { path: 'Dockerfile', startLine: 4, endLine: 4 },
    ]);
  });

  it('fails when the whole context is copied before go mod download, naming stage and lines', () => {
    const result = evaluate({
      'build/Dockerfile': lines(
        'FROM golang:1.23 AS builder',
        'WORKDIR /src',
        'COPY . .',
        'RUN go mod download',
        'RUN go build -o /app .',
      ),
    });
    expect(result.status).toBe('fail');
    expect(result.message).toContain('`build/Dockerfile` stage `builder`');
    expect(result.message).toContain('line 3');
    expect(result.locations?.[0]).toEqual({
      path: 'build/Dockerfile',
      startLine: 3,
      endLine: 3,
    });
    expect(result.remediation).toContain('COPY go.mod go.sum ./');
    expect(result.remediation).toContain('WORKDIR /src');
    expect(result.remediation).toContain('go build -o /app .');
  });

  it('fails when nothing downloads modules before the build', () => {
    const result = evaluate({
      Dockerfile: lines('FROM golang:1.23', 'COPY . .', 'RUN go build ./...'),
    });
    expect(result.status).toBe('fail');
    expect(result.message).toContain('`COPY . .`');
  });

  it('accepts COPY go.* and lowercase instructions with ADD', () => {
    expect(
      evaluate({
        Dockerfile: lines(
          'from golang:1.23',
          'copy go.* ./',
          'run go mod download',
          'copy . .',
          'run go build .',
        ),
      }).status,
    ).toBe('pass');
    expect(
      evaluate({
        Dockerfile: lines(
          'FROM golang:1.23',
          'ADD go.mod go.sum ./',
          'RUN go mod download',
          'ADD . .',
          'RUN go build .',
        ),
      }).status,
    ).toBe('pass');
  });

  it('follows a stage built FROM a dependency stage', () => {
    const result = evaluate({
      Dockerfile: lines(
        'FROM golang:1.23 AS deps',
        'COPY go.mod go.sum ./',
        'RUN go mod download',
        'FROM deps AS build',
        'COPY . .',
        'RUN go build -o /out/app .',
        'FROM gcr.io/distroless/static',
        'COPY --from=build /out/app /app',
      ),
    });
    expect(result.status).toBe('pass');
    expect(result.message).toContain('stage `build`');
  });

  it('accepts bind-mounted dependency files for the download', () => {
    const result = evaluate({
      Dockerfile: lines(
        'FROM golang:1.23',
        'RUN --mount=type=bind,source=go.mod,target=go.mod \\',
        '    --mount=type=bind,source=go.sum,target=go.sum \\',
        '    go mod download',
        'COPY . .',
        'RUN go build .',
      ),
    });
    expect(result.status).toBe('pass');
  });

  it('warns when go.sum stays behind while the repository has one', () => {
    const result = evaluate({
      Dockerfile: lines(
        'FROM golang:1.23',
        'COPY go.mod ./',
        'RUN go mod download',
        'COPY . .',
        'RUN go build .',
      ),
    });
    expect(result.status).toBe('warn');
  });

  it('warns when one Dockerfile passes and another fails', () => {
    const result = evaluate({
      Dockerfile: lines(
        'FROM golang:1.23',
        'COPY go.mod go.sum ./',
        'RUN go mod download',
        'COPY . .',
        'RUN go build .',
      ),
      'tools/Dockerfile': lines(
        'FROM golang:1.23',
        'COPY . .',
        'RUN go build .',
      ),
    });
    expect(result.status).toBe('warn');
    expect(result.message).toContain('tools/Dockerfile');
    expect(result.message).not.toContain('`Dockerfile`');
  });

  it('is not applicable for vendored builds', () => {
    const result = evaluate({
      Dockerfile: lines(
        'FROM golang:1.23',
        'COPY . .',
        'RUN go build -mod=vendor -o /app .',
      ),
    });
    expect(result.status).toBe('not-applicable');
    expect(result.message).toContain('vendored');
  });

  it('treats vendor/modules.txt with go >= 1.14 as vendored by default', () => {
    const result = evaluate({
      'vendor/modules.txt': '# github.com/pkg/errors v0.9.1\n',
      Dockerfile: lines('FROM golang:1.23', 'COPY . .', 'RUN go build .'),
    });
    expect(result.status).toBe('not-applicable');
  });

  it('is not applicable when the build binds the context with both cache mounts', () => {
    const result = evaluate({
      Dockerfile: lines(
        'FROM golang:1.23',
        'RUN --mount=type=bind,target=. \\',
        '    --mount=type=cache,target=/go/pkg/mod \\',
        '    --mount=type=cache,target=/root/.cache/go-build \\',
        '    go build -o /app .',
      ),
    });
    expect(result.status).toBe('not-applicable');
    expect(result.message).toContain('bind mount');
  });

  it('is not applicable when no stage builds Go (prebuilt binary image)', () => {
    const result = evaluate({
      Dockerfile: lines('FROM scratch', 'COPY app /app', 'ENTRYPOINT ["/app"]'),
    });
    expect(result.status).toBe('not-applicable');
  });

  it('reads heredoc RUNs and comments inside continuations', () => {
    const result = evaluate({
      Dockerfile: lines(
        '# syntax=docker/dockerfile:1',
        'FROM golang:1.23',
        'COPY go.mod go.sum ./',
        'RUN go mod \\',
        '    # fetch everything once',
        '    download',
        'COPY . .',
        'RUN <<EOF',
        'set -e',
        'go build -o /app .',
        'EOF',
      ),
    });
    expect(result.status).toBe('pass');
  });

  it('gives an error when the only Dockerfile is binary', () => {
    const result = evaluate({ Dockerfile: { kind: 'binary' } });
    expect(result.status).toBe('error');
    expect(result.message).toContain('binary');
  });

  it('decides from readable Dockerfiles and notes the unreadable one', () => {
    const result = evaluate({
      Dockerfile: lines('FROM golang:1.23', 'COPY . .', 'RUN go build .'),
      'other/Dockerfile': '\u0000\u0001garbage',
    });
    expect(result.status).toBe('fail');
    expect(result.notes?.join(' ')).toContain('other/Dockerfile');
  });
});

describe('docker-mod-download-layer with a Go workspace', () => {
  it("passes when go.work and the modules' go.mod/go.sum are copied first", () => {
    const result = evaluate({
      'go.work': 'go 1.23\n\nuse ./svc\n',
      'svc/go.mod': 'module example.com/svc\n\ngo 1.23\n',
      Dockerfile: lines(
        'FROM golang:1.23',
        'COPY go.work go.work.sum ./',
        'COPY svc/go.mod svc/go.sum ./svc/',
        'RUN go mod download',
        'COPY . .',
        'RUN go build ./svc/...',
      ),
    });
    expect(result.status).toBe('pass');
  });

  it('fails when only go.work is copied before the download', () => {
    const result = evaluate({
      'go.work': 'go 1.23\n\nuse ./svc\n',
      Dockerfile: lines(
        'FROM golang:1.23',
        'COPY go.work ./',
        'RUN go mod download',
        'COPY . .',
        'RUN go build ./svc/...',
      ),
    });
    expect(result.status).toBe('fail');
    expect(result.message).toContain('go.work is copied');
  });
});

describe('docker-mod-download-layer with a module cache copied from another stage', () => {
  it('accepts modules downloaded in a deps stage and copied in before the source', () => {
    const result = evaluate({
      Dockerfile: lines(
        'FROM golang:1.23 AS deps',
        'COPY go.mod go.sum ./',
        'RUN go mod download',
        'FROM golang:1.23 AS build',
        'COPY --from=deps /go/pkg/mod /go/pkg/mod',
        'COPY . .',
        'RUN go build -o /app .',
      ),
    });
    expect(result.status).toBe('pass');
    expect(result.message).toContain('stage `deps`');
  });
});
