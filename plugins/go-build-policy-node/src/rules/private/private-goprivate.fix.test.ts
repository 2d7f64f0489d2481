import {
  changedLines,
  expectFixMakesRulePass,
  expectNoFix,
} from '../../fixes/testing/fixProof';
import {
  evaluate,
  GO_MOD,
  PRIVATE_PATTERNS,
  workflow,
} from './__testUtils__/fixtures';
import { privateGoprivateRule } from './private-goprivate';

const RULE = 'private-goprivate';
const scan = (privateModules: string[] = PRIVATE_PATTERNS) => ({
  scan: { settings: { privateModules } },
});

const TWO_PRIVATE_GO_MOD = `module github.com/acme/api

go 1.23

require (
\tgithub.com/acme/auth v1.2.0
\tgo.acme.dev/billing v0.4.0
\tgithub.com/google/uuid v1.6.0
)
`;

const BUILDER = `FROM golang:1.23 AS builder
ARG TARGETOS
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN go build -o /out/api .

FROM gcr.io/distroless/static
COPY --from=builder /out/api /api
`;

describe('private-goprivate fix', () => {
  it('adds GOPRIVATE to the workflow env and to the building Dockerfile stage', () => {
    const fix = expectFixMakesRulePass(
      {
        'go.mod': GO_MOD,
        '.github/workflows/ci.yml': workflow(),
        Dockerfile: BUILDER,
      },
      RULE,
      scan(),
    );
    expect(changedLines(fix)).toEqual({
      '.github/workflows/ci.yml': {
        removed: [],
        added: ['env:', '  GOPRIVATE: github.com/acme/*'],
      },
      Dockerfile: { removed: [], added: ['ENV GOPRIVATE=github.com/acme/*'] },
    });
    // After FROM, ARG and WORKDIR: before the COPY and the first download.
    const dockerfile = fix.edits.find(e => e.path === 'Dockerfile')!.after;
    expect(dockerfile.split('\n').slice(0, 5)).toEqual([
      'FROM golang:1.23 AS builder',
      'ARG TARGETOS',
      'WORKDIR /src',
      'ENV GOPRIVATE=github.com/acme/*',
      'COPY go.mod go.sum ./',
    ]);
    expect(fix.description).toContain('`github.com/acme/*`');
    expect(fix.description).toContain("workflow's `env`");
  });

  it('extends an existing GOPRIVATE with the fewest patterns that match the missing modules', () => {
    const fix = expectFixMakesRulePass(
      {
        'go.mod': TWO_PRIVATE_GO_MOD,
        '.github/workflows/ci.yml': workflow({
          env: '  GOPRIVATE: github.com/acme/* # org modules',
        }),
      },
      RULE,
      scan([
        'github.com/acme/*',
        'github.com/acme',
        'go.acme.dev',
        'gitlab.acme.dev',
      ]),
    );
    expect(changedLines(fix)['.github/workflows/ci.yml']).toEqual({
      removed: ['  GOPRIVATE: github.com/acme/* # org modules'],
      added: ['  GOPRIVATE: github.com/acme/*,go.acme.dev # org modules'],
    });
  });

  it('adds GOPRIVATE to the one job that lacks it when the jobs of the workflow differ', () => {
    const ci = `name: ci
on: [push]
jobs:
  lint:
    runs-on: ubuntu-latest
    env:
      GOPRIVATE: github.com/acme/*
    steps:
      - uses: actions/checkout@v4
      - run: go vet ./...
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: go test ./...
`;
    const fix = expectFixMakesRulePass(
      { 'go.mod': GO_MOD, '.github/workflows/ci.yml': ci },
      RULE,
      scan(),
    );
    const after = fix.edits[0].after;
    expect(after).toContain(
      '  test:\n    runs-on: ubuntu-latest\n    env:\n      GOPRIVATE: github.com/acme/*\n    steps:',
    );
    expect(changedLines(fix)['.github/workflows/ci.yml'].removed).toEqual([]);
    expect(fix.description).toContain('`env` of job `test`');
  });

  it('keeps globs a job writes too late when it adds GOPRIVATE for every job', () => {
    const ci = `name: ci
on: [push]
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: go build ./...
  tools:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: go install ./cmd/...
      - run: go env -w GOPRIVATE=go.acme.dev
`;
    const fix = expectFixMakesRulePass(
      { 'go.mod': GO_MOD, '.github/workflows/ci.yml': ci },
      RULE,
      scan(),
    );
    expect(changedLines(fix)['.github/workflows/ci.yml']).toEqual({
      removed: [],
      added: ['env:', '  GOPRIVATE: github.com/acme/*,go.acme.dev'],
    });
  });

  it('extends `go env -w` in a Dockerfile RUN where GOPRIVATE is written', () => {
    const dockerfile = `FROM golang:1.23
WORKDIR /src
COPY . .
RUN go env -w GOPRIVATE=github.com/other/* && \\
    go build -o /out/api .
`;
    const fix = expectFixMakesRulePass(
      { 'go.mod': GO_MOD, Dockerfile: dockerfile },
      RULE,
      scan(),
    );
    expect(changedLines(fix)).toEqual({
      Dockerfile: {
        removed: ['RUN go env -w GOPRIVATE=github.com/other/* && \\'],
        added: [
          "RUN go env -w GOPRIVATE='github.com/other/*,github.com/acme/*' && \\",
        ],
      },
    });
  });

  it('extends GONOSUMDB where it replaces GOPRIVATE and misses the module', () => {
    const fix = expectFixMakesRulePass(
      {
        'go.mod': GO_MOD,
        '.github/workflows/ci.yml': workflow({
          env: '  GOPRIVATE: github.com/acme/*\n  GONOSUMDB: go.acme.dev',
        }),
      },
      RULE,
      scan(),
    );
    expect(changedLines(fix)['.github/workflows/ci.yml']).toEqual({
      removed: ['  GONOSUMDB: go.acme.dev'],
      added: ['  GONOSUMDB: go.acme.dev,github.com/acme/*'],
    });
  });

  it('gives the ENV to a parent stage only: stages built FROM it inherit it', () => {
    const dockerfile = `from golang:1.23 as builder
workdir /src
copy go.mod go.sum ./
run go mod download
copy . .

from builder as test
run go test ./...
`;
    const fix = expectFixMakesRulePass(
      { 'go.mod': GO_MOD, Dockerfile: dockerfile },
      RULE,
      scan(),
    );
    expect(changedLines(fix)).toEqual({
      Dockerfile: { removed: [], added: ['env GOPRIVATE=github.com/acme/*'] },
    });
  });

  it('offers no fix when the setting to extend sits in a flow-style env map', () => {
    const files = {
      'go.mod': GO_MOD,
      '.github/workflows/ci.yml': workflow().replace(
        'jobs:',
        'env: { GOPRIVATE: github.com/other }\njobs:',
      ),
    };
    expectNoFix(files, RULE, scan());
    expect(evaluate(privateGoprivateRule, files).message).toContain(
      'GOPRIVATE=`github.com/other`',
    );
  });
});
