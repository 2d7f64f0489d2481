import {
  changedLines,
  expectFixMakesRulePass,
  expectNoFix,
} from '../../fixes/testing/fixProof';

const RULE = 'docker-cache-mounts';
const GO_MOD = 'module example.com/app\n\ngo 1.23\n';
const lines = (...l: string[]) => `${l.join('\n')}\n`;

describe('docker-cache-mounts fix', () => {
  it('mounts both caches on a multi-stage build, keeping continuations', () => {
    const proposal = expectFixMakesRulePass(
      {
        'go.mod': GO_MOD,
        'go.sum': '',
        Dockerfile: lines(
          '# syntax=docker/dockerfile:1',
          'FROM golang:1.23 AS build',
          'WORKDIR /src',
          'COPY go.mod go.sum ./',
          'RUN go mod download',
          'COPY . .',
          'RUN CGO_ENABLED=0 \\',
          '    go build -o /app ./cmd/app',
          '',
          'FROM gcr.io/distroless/static',
          'COPY --from=build /app /app',
        ),
      },
      RULE,
    );
    expect(changedLines(proposal).Dockerfile).toEqual({
      removed: ['RUN go mod download', 'RUN CGO_ENABLED=0 \\'],
      added: [
        'RUN --mount=type=cache,target=/go/pkg/mod \\',
        '    go mod download',
        'RUN --mount=type=cache,target=/go/pkg/mod \\',
        '    --mount=type=cache,target=/root/.cache/go-build \\',
        '    CGO_ENABLED=0 \\',
      ],
    });
    expect(proposal.edits[0].after).toContain(
      '    go build -o /app ./cmd/app\n',
    );
  });

  it('uses the paths ENV and USER give, with lowercase instructions and CRLF', () => {
    const proposal = expectFixMakesRulePass(
      {
        'go.mod': GO_MOD,
        'go.sum': '',
        'build/Dockerfile': [
          'from golang:1.23-alpine',
          'env GOPATH=/workspace/go HOME=/home/builder',
          'user builder',
          'workdir /src',
          'copy . .',
          'run go build ./...',
          '',
        ].join('\r\n'),
      },
      RULE,
    );
    expect(changedLines(proposal)['build/Dockerfile']).toEqual({
      removed: ['run go build ./...\r'],
      added: [
        'run --mount=type=cache,target=/workspace/go/pkg/mod \\\r',
        '    --mount=type=cache,target=/home/builder/.cache/go-build \\\r',
        '    go build ./...\r',
      ],
    });
    expect(proposal.edits[0].after.split('\r\n')).toHaveLength(9);
  });

  it('adds only the missing build cache beside a correct module mount', () => {
    const proposal = expectFixMakesRulePass(
      {
        'go.mod': GO_MOD,
        'go.sum': '',
        Dockerfile: lines(
          'FROM golang:1.23',
          'ENV GOCACHE=/cache/go-build',
          'RUN --mount=type=cache,target=/go/pkg/mod \\',
          '    go test ./...',
        ),
      },
      RULE,
    );
    expect(changedLines(proposal).Dockerfile).toEqual({
      removed: ['RUN --mount=type=cache,target=/go/pkg/mod \\'],
      added: [
        'RUN --mount=type=cache,target=/cache/go-build \\',
        '    --mount=type=cache,target=/go/pkg/mod \\',
      ],
    });
  });

  it('keeps a heredoc body intact and mounts only the build cache for vendored builds', () => {
    const proposal = expectFixMakesRulePass(
      {
        'go.mod': GO_MOD,
        'vendor/modules.txt': '# github.com/pkg/errors v0.9.1\n',
        Dockerfile: lines(
          '# syntax=docker/dockerfile:1',
          'FROM golang:1.23',
          'COPY . .',
          'RUN <<EOF',
          'set -e',
          'go build -mod=vendor -o /app .',
          'EOF',
        ),
      },
      RULE,
    );
    expect(proposal.edits[0].after).toBe(
      lines(
        '# syntax=docker/dockerfile:1',
        'FROM golang:1.23',
        'COPY . .',
        'RUN --mount=type=cache,target=/root/.cache/go-build \\',
        '    <<EOF',
        'set -e',
        'go build -mod=vendor -o /app .',
        'EOF',
      ),
    );
  });

  it('offers no fix when a non-root user hides where the caches are', () => {
    expectNoFix(
      {
        'go.mod': GO_MOD,
        'go.sum': '',
        Dockerfile: lines(
          'FROM golang:1.23',
          'USER app',
          'COPY . .',
          'RUN go build .',
        ),
      },
      RULE,
    );
  });
});
