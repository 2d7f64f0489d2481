import {
  changedLines,
  expectFixMakesRulePass,
  expectNoFix,
} from '../../fixes/testing/fixProof';

const RULE = 'docker-mod-download-layer';
const GO_MOD =
  'module example.com/app\n\ngo 1.23\n\nrequire github.com/pkg/errors v0.9.1\n';
const GO_SUM = 'github.com/pkg/errors v0.9.1 h1:x=\n';
const lines = (...l: string[]) => `${l.join('\n')}\n`;

describe('docker-mod-download-layer fix', () => {
  it('inserts the dependency layer before COPY . . of a multi-stage build', () => {
    const proposal = expectFixMakesRulePass(
      {
        'go.mod': GO_MOD,
        'go.sum': GO_SUM,
        Dockerfile: lines(
          'FROM golang:1.23 AS build',
          'WORKDIR /src',
          '# the whole tree',
          'COPY . .',
          'RUN CGO_ENABLED=0 go build -o /out/app ./cmd/app',
          '',
          'FROM gcr.io/distroless/static',
          'COPY --from=build /out/app /app',
        ),
      },
      RULE,
      { before: 'fail' },
    );
    expect(changedLines(proposal)).toEqual({
      Dockerfile: {
        removed: [],
        added: ['COPY go.mod go.sum ./', 'RUN go mod download'],
      },
    });
    expect(proposal.edits[0].after).toContain(
      'COPY go.mod go.sum ./\nRUN go mod download\nCOPY . .\n',
    );
  });

  it('moves a late download up, with a cache mount when the file uses BuildKit', () => {
    const proposal = expectFixMakesRulePass(
      {
        'go.mod': GO_MOD,
        'go.sum': GO_SUM,
        'build/Dockerfile': lines(
          '# syntax=docker/dockerfile:1',
          'from golang:1.23-alpine as builder',
          'env GOMODCACHE=/cache/mod',
          'workdir /src',
          'copy . .',
          'run go mod download',
          'run go build -o /app .',
        ),
      },
      RULE,
    );
    expect(changedLines(proposal)['build/Dockerfile']).toEqual({
      removed: ['run go mod download'],
      added: [
        'COPY go.mod go.sum ./',
        'RUN --mount=type=cache,target=/cache/mod \\',
        '    go mod download',
      ],
    });
  });

  it("copies go.work and each used module's files for a workspace", () => {
    const proposal = expectFixMakesRulePass(
      {
        'go.work': 'go 1.23\n\nuse (\n\t./api\n\t./lib\n)\n',
        'api/go.mod': GO_MOD.replace('app', 'api'),
        'api/go.sum': GO_SUM,
        'lib/go.mod': 'module example.com/lib\n\ngo 1.23\n',
        'api/Dockerfile': lines(
          'FROM golang:1.23',
          'WORKDIR /workspace',
          'COPY . .',
          'RUN go build -o /app ./api',
        ),
      },
      RULE,
    );
    expect(changedLines(proposal)['api/Dockerfile'].added).toEqual([
      'COPY go.work ./',
      'COPY api/go.mod api/go.sum ./api/',
      'COPY lib/go.mod ./lib/',
      'RUN go mod download',
    ]);
  });

  it('downloads where the source lands when COPY targets another folder than the WORKDIR', () => {
    const proposal = expectFixMakesRulePass(
      {
        'services/api/go.mod': GO_MOD,
        'services/api/Dockerfile': [
          'FROM golang:1.23',
          'COPY --chown=1000:1000 . /src',
          'WORKDIR /src',
          'RUN go build \\',
          '    -o /app .',
          '',
        ].join('\r\n'),
      },
      RULE,
    );
    expect(changedLines(proposal)['services/api/Dockerfile'].added).toEqual([
      'COPY --chown=1000:1000 go.mod /src/\r',
      'RUN cd /src && go mod download\r',
    ]);
  });

  it('adds the download after an existing go.mod copy when the source comes in pieces', () => {
    const proposal = expectFixMakesRulePass(
      {
        'go.mod': GO_MOD,
        'go.sum': GO_SUM,
        Dockerfile: lines(
          'FROM golang:1.23',
          'WORKDIR /src',
          'COPY go.mod ./',
          'COPY cmd ./cmd',
          'COPY internal ./internal',
          'RUN go build -o /app ./cmd/app',
        ),
      },
      RULE,
    );
    expect(changedLines(proposal).Dockerfile).toEqual({
      removed: [],
      added: ['COPY go.sum ./', 'RUN go mod download'],
    });
  });

  it('copies a forgotten go.sum before the download (warn)', () => {
    const proposal = expectFixMakesRulePass(
      {
        'go.mod': GO_MOD,
        'go.sum': GO_SUM,
        Dockerfile: lines(
          'FROM golang:1.23',
          'COPY go.mod ./',
          'RUN go mod download',
          'COPY . .',
          'RUN go build .',
        ),
      },
      RULE,
      { before: 'warn' },
    );
    expect(changedLines(proposal).Dockerfile).toEqual({
      removed: [],
      added: ['COPY go.sum ./'],
    });
  });

  it('offers no fix when it cannot tell which module a Dockerfile builds', () => {
    expectNoFix(
      {
        'a/go.mod': 'module example.com/a\n\ngo 1.23\n',
        'b/go.mod': 'module example.com/b\n\ngo 1.23\n',
        'deploy/Dockerfile': lines(
          'FROM golang:1.23',
          'COPY . .',
          'RUN go build ./...',
        ),
      },
      RULE,
    );
  });
});
