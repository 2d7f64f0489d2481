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
import { privateConsistentRule } from './private-consistent';

const RULE = 'private-consistent';
const scan = (privateModules: string[] = PRIVATE_PATTERNS) => ({
  scan: { settings: { privateModules } },
});
const CI = (value: string) => workflow({ env: `  GOPRIVATE: ${value}` });

const BUILDER = `FROM golang:1.23 AS builder
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN go build -o /out/api .
`;

describe('private-consistent fix', () => {
  it('gives the image build the GOPRIVATE that CI sets', () => {
    const fix = expectFixMakesRulePass(
      {
        'go.mod': GO_MOD,
        '.github/workflows/ci.yml': CI('github.com/acme/*'),
        Dockerfile: BUILDER,
      },
      RULE,
      scan(),
    );
    expect(changedLines(fix)).toEqual({
      Dockerfile: { removed: [], added: ['ENV GOPRIVATE=github.com/acme/*'] },
    });
    expect(fix.description).toContain('the union of the values found');
  });

  it('writes the union where CI and the image name different prefixes', () => {
    const fix = expectFixMakesRulePass(
      {
        'go.mod': GO_MOD,
        '.github/workflows/ci.yml': CI('github.com/acme/*'),
        Dockerfile:
          'FROM golang:1.23\nARG GOPRIVATE=go.acme.dev\nRUN go build ./...\n',
      },
      RULE,
      scan(),
    );
    expect(changedLines(fix)).toEqual({
      '.github/workflows/ci.yml': {
        removed: ['  GOPRIVATE: github.com/acme/*'],
        added: ['  GOPRIVATE: github.com/acme/*,go.acme.dev'],
      },
      Dockerfile: {
        removed: ['ARG GOPRIVATE=go.acme.dev'],
        added: ['ARG GOPRIVATE=go.acme.dev,github.com/acme/*'],
      },
    });
    expect(fix.description).toContain('`github.com/acme/*,go.acme.dev`');
  });

  it('adds the workflow-level env to a second workflow that has none', () => {
    const fix = expectFixMakesRulePass(
      {
        'go.mod': GO_MOD,
        '.github/workflows/ci.yml': CI('github.com/acme/*'),
        '.github/workflows/release.yml': workflow({ job: 'release' }),
      },
      RULE,
      scan(),
    );
    expect(changedLines(fix)).toEqual({
      '.github/workflows/release.yml': {
        removed: [],
        added: ['env:', '  GOPRIVATE: github.com/acme/*'],
      },
    });
  });

  it('aligns GONOPROXY and GONOSUMDB that replace GOPRIVATE in the image', () => {
    const fix = expectFixMakesRulePass(
      {
        'go.mod': GO_MOD.replace(
          'require (',
          'require (\n\tgo.acme.dev/billing v0.4.0',
        ),
        '.github/workflows/ci.yml': CI('github.com/acme/*,go.acme.dev'),
        Dockerfile:
          'FROM golang:1.23\nENV GONOPROXY=github.com/acme/* GONOSUMDB=github.com/acme/*\nRUN go build ./...\n',
      },
      RULE,
      scan(['github.com/acme/*', 'go.acme.dev']),
    );
    expect(changedLines(fix)).toEqual({
      Dockerfile: {
        removed: [
          'ENV GONOPROXY=github.com/acme/* GONOSUMDB=github.com/acme/*',
        ],
        added: [
          'ENV GONOPROXY=github.com/acme/*,go.acme.dev GONOSUMDB=github.com/acme/*,go.acme.dev',
        ],
      },
    });
  });

  it('leaves a catch-all glob out of the common value (and so also stops the checksum bypass)', () => {
    const files = {
      'go.mod': GO_MOD,
      '.github/workflows/ci.yml': CI('"*"'),
      Dockerfile:
        'FROM golang:1.23\nENV GOPRIVATE=github.com/acme/*\nRUN go build ./...\n',
    };
    const fix = expectFixMakesRulePass(files, RULE, scan());
    expect(changedLines(fix)).toEqual({
      '.github/workflows/ci.yml': {
        removed: ['  GOPRIVATE: "*"'],
        added: ['  GOPRIVATE: "github.com/acme/*"'],
      },
    });
    expect(fix.description).toContain('left out');
  });

  it('offers no fix when a setting to align sits in a flow-style env map', () => {
    const files = {
      'go.mod': GO_MOD,
      '.github/workflows/ci.yml': workflow().replace(
        'jobs:',
        'env: { GOPRIVATE: github.com/acme/* }\njobs:',
      ),
      Dockerfile:
        'FROM golang:1.23\nENV GOPRIVATE=go.acme.dev\nRUN go build ./...\n',
    };
    expectNoFix(files, RULE, scan());
    expect(evaluate(privateConsistentRule, files).message).toContain(
      'GOPRIVATE=`go.acme.dev` in stage',
    );
  });
});
