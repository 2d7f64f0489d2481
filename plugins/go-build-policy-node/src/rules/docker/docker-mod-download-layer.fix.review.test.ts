/** Review cases for the docker-mod-download-layer fix on real-world shaped Dockerfiles. */
import {
  changedLines,
  expectFixMakesRulePass,
} from '../../fixes/testing/fixProof';
import {
  expectWellFormedEdits,
  instructionDelta,
} from '../../fixes/testing/reviewChecks';

const RULE = 'docker-mod-download-layer';
const lines = (...l: string[]) => `${l.join('\n')}\n`;
const base = {
  'go.mod':
    'module example.com/app\n\ngo 1.23\n\nrequire github.com/pkg/errors v0.9.1\n',
  'go.sum': 'github.com/pkg/errors v0.9.1 h1:abc=\n',
  '.dockerignore': '.git\n',
};

describe('docker-mod-download-layer fix, on real-world Dockerfiles', () => {
  it('copies the dependency files with the same --chown, in a CRLF file without a final newline', () => {
    const files = {
      ...base,
      Dockerfile: [
        'FROM --platform=$BUILDPLATFORM golang:1.23-alpine AS build',
        'WORKDIR app',
        'COPY --chown=app:app . .',
        'RUN go build -o /out/app .',
      ].join('\r\n'),
    };
    const proposal = expectFixMakesRulePass(files, RULE);
    expectWellFormedEdits(proposal);
    expect(instructionDelta(proposal, 'Dockerfile')).toEqual({
      COPY: 1,
      RUN: 1,
    });
    expect(proposal.edits[0].after).toBe(
      [
        'FROM --platform=$BUILDPLATFORM golang:1.23-alpine AS build',
        'WORKDIR app',
        'COPY --chown=app:app go.mod go.sum ./',
        'RUN go mod download',
        'COPY --chown=app:app . .',
        'RUN go build -o /out/app .',
      ].join('\r\n'),
    );
  });

  it('lines new instructions up with tab-indented neighbours and mounts the module cache like the build does', () => {
    const files = {
      ...base,
      Dockerfile: lines(
        'FROM golang:1.23 AS build',
        '\tWORKDIR /src',
        '\tCOPY . .',
        '\tRUN --mount=type=cache,target=/go/pkg/mod go build ./...',
      ),
    };
    const proposal = expectFixMakesRulePass(files, RULE);
    expectWellFormedEdits(proposal);
    expect(changedLines(proposal).Dockerfile).toEqual({
      removed: [],
      added: [
        '\tCOPY go.mod go.sum ./',
        '\tRUN --mount=type=cache,target=/go/pkg/mod \\',
        '\t    go mod download',
      ],
    });
  });

  it('downloads before ADD . . and leaves a heredoc RUN as it is', () => {
    const files = {
      ...base,
      Dockerfile: lines(
        'FROM golang:1.23 AS build',
        'WORKDIR /src',
        'ADD . .',
        'RUN <<EOF',
        'go mod download',
        'go build ./...',
        'EOF',
      ),
    };
    const proposal = expectFixMakesRulePass(files, RULE);
    expectWellFormedEdits(proposal);
    expect(instructionDelta(proposal, 'Dockerfile')).toEqual({
      COPY: 1,
      RUN: 1,
    });
    expect(changedLines(proposal).Dockerfile).toEqual({
      removed: [],
      added: ['COPY go.mod go.sum ./', 'RUN go mod download'],
    });
  });

  it('fixes the base stage once for the stages built FROM it', () => {
    const files = {
      ...base,
      Dockerfile: lines(
        'FROM golang:1.23 AS base',
        'WORKDIR /src',
        'COPY . .',
        'FROM base AS build',
        'RUN go build ./...',
        'FROM base AS test',
        'RUN go test ./...',
      ),
    };
    const proposal = expectFixMakesRulePass(files, RULE);
    expectWellFormedEdits(proposal);
    expect(changedLines(proposal).Dockerfile).toEqual({
      removed: [],
      added: ['COPY go.mod go.sum ./', 'RUN go mod download'],
    });
    expect(proposal.edits[0].after).toContain(
      'WORKDIR /src\nCOPY go.mod go.sum ./\nRUN go mod download\nCOPY . .\n',
    );
  });
});
