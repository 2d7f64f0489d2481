/**
 * Review cases for the docker-cache-mounts fix: Dockerfiles shaped like real ones
 * (heredocs, BuildKit platform args, CRLF, tabs, backtick escapes, misplaced mounts).
 */
import {
  changedLines,
  expectFixMakesRulePass,
  expectNoFix,
} from '../../fixes/testing/fixProof';
import {
  expectWellFormedEdits,
  instructionDelta,
} from '../../fixes/testing/reviewChecks';

const RULE = 'docker-cache-mounts';
const lines = (...l: string[]) => `${l.join('\n')}\n`;
const base = {
  'go.mod':
    'module example.com/app\n\ngo 1.23\n\nrequire github.com/pkg/errors v0.9.1\n',
  'go.sum': 'github.com/pkg/errors v0.9.1 h1:abc=\n',
  '.dockerignore': '.git\n',
};

describe('docker-cache-mounts fix, on real-world Dockerfiles', () => {
  it('keeps a heredoc on the RUN line and its body untouched', () => {
    const files = {
      ...base,
      Dockerfile: lines(
        '# syntax=docker/dockerfile:1.7',
        'FROM golang:1.23 AS build',
        'WORKDIR /src',
        'COPY . .',
        'RUN <<EOF',
        'set -e',
        'go vet ./...',
        'go build -o /out/app ./cmd/app',
        'EOF',
        'FROM scratch',
        'COPY --from=build /out/app /app',
      ),
    };
    const proposal = expectFixMakesRulePass(files, RULE);
    expectWellFormedEdits(proposal);
    expect(instructionDelta(proposal, 'Dockerfile')).toEqual({});
    expect(changedLines(proposal).Dockerfile).toEqual({
      removed: ['RUN <<EOF'],
      added: [
        'RUN --mount=type=cache,target=/go/pkg/mod \\',
        '    --mount=type=cache,target=/root/.cache/go-build \\',
        '    <<EOF',
      ],
    });
  });

  it('handles $BUILDPLATFORM, an ARG version, COPY --chown, a relative WORKDIR, tabs and CRLF without a final newline', () => {
    const dockerfile = [
      'ARG GO_VERSION=1.23',
      'FROM --platform=$BUILDPLATFORM golang:${GO_VERSION}-alpine AS build',
      'WORKDIR src',
      'COPY --chown=65532:65532 go.mod go.sum ./',
      '\tRUN go mod download',
      'COPY --chown=65532:65532 . .',
      'RUN\tCGO_ENABLED=0 go build -o /out/app .',
      'FROM build AS test',
      'RUN go test ./...',
      'FROM scratch',
      'COPY --from=build /out/app /app',
    ].join('\r\n');
    const proposal = expectFixMakesRulePass(
      { ...base, Dockerfile: dockerfile },
      RULE,
    );
    expectWellFormedEdits(proposal);
    expect(instructionDelta(proposal, 'Dockerfile')).toEqual({});
    const after = proposal.edits[0].after;
    expect(after.split('\r\n')).toEqual([
      'ARG GO_VERSION=1.23',
      'FROM --platform=$BUILDPLATFORM golang:${GO_VERSION}-alpine AS build',
      'WORKDIR src',
      'COPY --chown=65532:65532 go.mod go.sum ./',
      '\tRUN --mount=type=cache,target=/go/pkg/mod \\',
      '\t    go mod download',
      'COPY --chown=65532:65532 . .',
      'RUN --mount=type=cache,target=/go/pkg/mod \\',
      '    --mount=type=cache,target=/root/.cache/go-build \\',
      '    CGO_ENABLED=0 go build -o /out/app .',
      'FROM build AS test',
      'RUN --mount=type=cache,target=/go/pkg/mod \\',
      '    --mount=type=cache,target=/root/.cache/go-build \\',
      '    go test ./...',
      'FROM scratch',
      'COPY --from=build /out/app /app',
    ]);
  });

  it('points misplaced Go cache mounts at the image paths instead of adding a second mount', () => {
    const files = {
      ...base,
      Dockerfile: lines(
        'FROM golang:1.24-bookworm AS build',
        'WORKDIR /src',
        'COPY go.mod go.sum ./',
        'RUN --mount=type=cache,target=/root/go/pkg/mod go mod download',
        'COPY . .',
        'RUN --mount=type=cache,target=/root/go/pkg/mod --mount=type=cache,target=/tmp/go-build go build ./...',
      ),
    };
    const proposal = expectFixMakesRulePass(files, RULE);
    expectWellFormedEdits(proposal);
    expect(changedLines(proposal).Dockerfile).toEqual({
      removed: [
        'RUN --mount=type=cache,target=/root/go/pkg/mod go mod download',
        'RUN --mount=type=cache,target=/root/go/pkg/mod --mount=type=cache,target=/tmp/go-build go build ./...',
      ],
      added: [
        'RUN --mount=type=cache,target=/go/pkg/mod go mod download',
        'RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build go build ./...',
      ],
    });
    expect(proposal.description).toContain(
      '`--mount=type=cache,target=/root/go/pkg/mod` → `--mount=type=cache,target=/go/pkg/mod`',
    );
  });

  it('keeps the id and the dst= spelling of a retargeted mount', () => {
    const files = {
      ...base,
      Dockerfile: lines(
        'FROM golang:1.23',
        'WORKDIR /src',
        'COPY . .',
        'RUN --mount=type=cache,id=gomod,dst=/root/go/pkg/mod go build ./...',
      ),
    };
    const proposal = expectFixMakesRulePass(files, RULE);
    expect(changedLines(proposal).Dockerfile.added).toEqual([
      'RUN --mount=type=cache,target=/root/.cache/go-build \\',
      '    --mount=type=cache,id=gomod,dst=/go/pkg/mod go build ./...',
    ]);
  });

  it('follows ENV GOPATH and a backtick escape directive', () => {
    const files = {
      ...base,
      Dockerfile: lines(
        '# escape=`',
        'FROM golang:1.23',
        'ENV GOPATH=/gopath',
        'WORKDIR /src',
        'COPY . .',
        'RUN go build `',
        '    ./...',
      ),
    };
    const proposal = expectFixMakesRulePass(files, RULE);
    expectWellFormedEdits(proposal);
    expect(instructionDelta(proposal, 'Dockerfile')).toEqual({});
    expect(changedLines(proposal).Dockerfile).toEqual({
      removed: ['RUN go build `'],
      added: [
        'RUN --mount=type=cache,target=/gopath/pkg/mod `',
        '    --mount=type=cache,target=/root/.cache/go-build `',
        '    go build `',
      ],
    });
  });

  it('proposes nothing for a non-root USER, whose home the scan cannot see', () => {
    expectNoFix(
      {
        ...base,
        Dockerfile: lines(
          'FROM golang:1.23',
          'USER app',
          'WORKDIR /src',
          'COPY . .',
          'RUN go build ./...',
        ),
      },
      RULE,
    );
  });
});
