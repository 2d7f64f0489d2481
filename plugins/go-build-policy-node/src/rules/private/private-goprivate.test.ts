import { privateGoprivateRule } from './private-goprivate';
import {
  CREDENTIAL_STEP,
  evaluate,
  GO_MOD,
  PUBLIC_GO_MOD,
  workflow,
} from './__testUtils__/fixtures';

const run = (files: Record<string, string>, patterns?: string[]) =>
  evaluate(privateGoprivateRule, files, patterns);

describe('private-goprivate', () => {
  it('passes when the workflow sets GOPRIVATE to a pattern matching the private requirement', () => {
    const result = run({
      'go.mod': GO_MOD,
      '.github/workflows/ci.yml': workflow({
        env: '  GOPRIVATE: github.com/acme/*',
      }),
    });
    expect(result.status).toBe('pass');
    expect(result.locations).toEqual([
      { path: '.github/workflows/ci.yml', startLine: 4, endLine: 4 },
    ]);
  });

  it('fails when a Go job downloads the private module without GOPRIVATE', () => {
    const result = run({
      'go.mod': GO_MOD,
      '.github/workflows/ci.yml': workflow(),
    });
    expect(result.status).toBe('fail');
    expect(result.message).toContain('`github.com/acme/auth`');
    expect(result.message).toContain('job `test` in .github/workflows/ci.yml');
    expect(result.message).toContain('no GOPRIVATE is set');
    expect(result.locations).toContainEqual({
      path: 'go.mod',
      startLine: 6,
      endLine: 6,
    });
    expect(result.remediation).toContain('GOPRIVATE: github.com/acme/*');
  });

  it('is not applicable when no requirement matches the private patterns', () => {
    const result = run({
      'go.mod': PUBLIC_GO_MOD,
      '.github/workflows/ci.yml': workflow(),
    });
    expect(result.status).toBe('not-applicable');
    expect(result.message).toContain('`github.com/acme/*`');
  });

  it('is not applicable when no private patterns are configured', () => {
    const result = run(
      { 'go.mod': GO_MOD, '.github/workflows/ci.yml': workflow() },
      [],
    );
    expect(result.status).toBe('not-applicable');
    expect(result.message).toContain('privateModules');
  });

  it('counts go env -w GOPRIVATE in an earlier step', () => {
    const result = run({
      'go.mod': GO_MOD,
      '.github/workflows/ci.yml': workflow({
        steps: `      - run: go env -w GOPRIVATE=github.com/acme
      - run: go build ./...`,
      }),
    });
    expect(result.status).toBe('pass');
    expect(result.locations?.[0].startLine).toBe(11);
  });

  it('lets a non-empty env value override go env -w, as Go does', () => {
    const result = run({
      'go.mod': GO_MOD,
      '.github/workflows/ci.yml': workflow({
        env: '  GOPRIVATE: github.com/other',
        steps: `      - run: go env -w GOPRIVATE=github.com/acme
      - run: go build ./...`,
      }),
    });
    expect(result.status).toBe('fail');
    expect(result.message).toContain('GOPRIVATE=`github.com/other`');
  });

  it('accepts GONOPROXY and GONOSUMDB instead of GOPRIVATE', () => {
    const result = run({
      'go.mod': GO_MOD,
      '.github/workflows/ci.yml': workflow({
        jobEnv:
          '      GONOPROXY: github.com/acme/*\n      GONOSUMDB: github.com/acme/*',
      }),
    });
    expect(result.status).toBe('pass');
  });

  it('fails when GONOSUMDB replaces GOPRIVATE with patterns that miss the module', () => {
    const result = run({
      'go.mod': GO_MOD,
      '.github/workflows/ci.yml': workflow({
        env: '  GOPRIVATE: github.com/acme/*\n  GONOSUMDB: go.acme.dev',
      }),
    });
    expect(result.status).toBe('fail');
    expect(result.message).toContain('checksum database');
    expect(result.message).toContain(
      'GONOSUMDB=`go.acme.dev` replaces GOPRIVATE',
    );
  });

  it('fails when only GONOPROXY is set: the checksum database still sees the name', () => {
    const result = run({
      'go.mod': GO_MOD,
      '.github/workflows/ci.yml': workflow({
        env: '  GONOPROXY: github.com/acme/*',
      }),
    });
    expect(result.status).toBe('fail');
  });

  it('accepts a private proxy with GONOSUMDB for the private prefixes', () => {
    const result = run({
      'go.mod': GO_MOD,
      '.github/workflows/ci.yml': workflow({
        env: '  GOPROXY: https://athens.acme.dev\n  GONOSUMDB: github.com/acme',
      }),
    });
    expect(result.status).toBe('pass');
  });

  it('fails a Dockerfile stage that downloads without GOPRIVATE while CI has it', () => {
    const result = run({
      'go.mod': GO_MOD,
      '.github/workflows/ci.yml': workflow({
        env: '  GOPRIVATE: github.com/acme/*',
      }),
      Dockerfile: `FROM golang:1.23 AS builder
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN go build -o /app .
`,
    });
    expect(result.status).toBe('fail');
    expect(result.message).toContain('stage `builder` of Dockerfile');
    expect(result.locations).toContainEqual({
      path: 'Dockerfile',
      startLine: 4,
      endLine: 4,
    });
    expect(result.remediation).toContain('ENV GOPRIVATE=github.com/acme/*');
  });

  it('follows ENV from a parent stage and go env -w in a RUN', () => {
    const result = run({
      'go.mod': GO_MOD,
      Dockerfile: `FROM golang:1.23 AS base
ENV GOPRIVATE=github.com/acme/*
FROM base AS builder
RUN go mod download
FROM golang:1.23 AS other
RUN go env -w GOPRIVATE=github.com/acme/*
RUN go build ./...
`,
    });
    expect(result.status).toBe('pass');
  });

  it('takes an ARG default, and a --build-arg the workflow passes', () => {
    const dockerfile = `FROM golang:1.23
ARG GOPRIVATE
RUN go build ./...
`;
    const withArg = run({
      'go.mod': GO_MOD,
      Dockerfile: dockerfile,
      '.github/workflows/image.yml': `on: push
jobs:
  image:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: docker/build-push-action@v6
        with:
          context: .
          build-args: |
            GOPRIVATE=github.com/acme/*
`,
    });
    expect(withArg.status).toBe('pass');
    const unknown = run({ 'go.mod': GO_MOD, Dockerfile: dockerfile });
    expect(unknown.status).toBe('error');
    expect(unknown.message).toContain('build argument');
    const notPassed = run({
      'go.mod': GO_MOD,
      Dockerfile: dockerfile,
      '.github/workflows/image.yml': `on: push
jobs:
  image:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: docker build -t app .
`,
    });
    expect(notPassed.status).toBe('fail');
  });

  it('honours a command prefix in the same RUN', () => {
    const result = run({
      'go.mod': GO_MOD,
      Dockerfile:
        'FROM golang:1.23\nRUN GOPRIVATE=github.com/acme/* go mod download && go build ./...\n',
    });
    expect(result.status).toBe('pass');
  });

  it('ignores requirements replaced by a local directory', () => {
    const result = run({
      'go.mod': `${GO_MOD}\nreplace github.com/acme/auth => ./auth\n`,
      'auth/go.mod': 'module github.com/acme/auth\n\ngo 1.23\n',
      '.github/workflows/ci.yml': workflow(),
    });
    expect(result.status).toBe('not-applicable');
  });

  it('is not applicable when the private requirements are vendored', () => {
    const result = run({
      'go.mod': GO_MOD,
      'vendor/modules.txt': '# github.com/acme/auth v1.2.0\n',
      '.github/workflows/ci.yml': workflow(),
    });
    expect(result.status).toBe('not-applicable');
    expect(result.message).toContain('vendored');
  });

  it('notes a pattern with spaces, which Go never matches', () => {
    const result = run({
      'go.mod': GO_MOD,
      '.github/workflows/ci.yml': workflow({
        env: '  GOPRIVATE: "go.acme.dev, github.com/acme/*"',
      }),
    });
    expect(result.status).toBe('fail');
    expect(result.notes?.join(' ')).toContain('spaces');
  });

  it('reports a broken go.mod as an error instead of guessing', () => {
    const result = run({
      'go.mod': '\u0000\u0001binary',
      '.github/workflows/ci.yml': workflow(),
    });
    expect(['error', 'not-applicable']).toContain(result.status);
  });

  it('stops checking a job after a covered full go mod download', () => {
    const result = run({
      'go.mod': GO_MOD,
      '.github/workflows/ci.yml': workflow({
        steps: `${CREDENTIAL_STEP}
      - run: go mod download
        env:
          GOPRIVATE: github.com/acme/*
      - run: go build ./...`,
      }),
    });
    expect(result.status).toBe('pass');
  });
});

describe('private-goprivate remediation', () => {
  it('adds the prefix to a GONOSUMDB that replaces GOPRIVATE, at the level it is set', () => {
    const result = run({
      'go.mod': GO_MOD,
      '.github/workflows/ci.yml': workflow({
        jobEnv:
          '      GOPRIVATE: github.com/acme/*\n      GONOSUMDB: go.acme.dev',
      }),
    });
    expect(result.status).toBe('fail');
    expect(result.remediation).toContain(
      [
        'jobs:',
        '  test:',
        '    env:',
        '      GOPRIVATE: github.com/acme/*',
        '      GONOSUMDB: go.acme.dev,github.com/acme/*',
      ].join('\n'),
    );
  });
});
