import { privateConsistentRule } from './private-consistent';
import {
  evaluate,
  GO_MOD,
  PUBLIC_GO_MOD,
  workflow,
} from './__testUtils__/fixtures';

const run = (files: Record<string, string>) =>
  evaluate(privateConsistentRule, files);
const CI = (value: string) => workflow({ env: `  GOPRIVATE: ${value}` });

describe('private-consistent', () => {
  it('passes when CI and the image set the same GOPRIVATE', () => {
    const result = run({
      'go.mod': GO_MOD,
      '.github/workflows/ci.yml': CI('github.com/acme/*'),
      Dockerfile:
        'FROM golang:1.23\nENV GOPRIVATE=github.com/acme/*\nRUN go build ./...\n',
    });
    expect(result.status).toBe('pass');
    expect(result.locations).toEqual([
      { path: '.github/workflows/ci.yml', startLine: 4, endLine: 4 },
      { path: 'Dockerfile', startLine: 2, endLine: 2 },
    ]);
  });

  it('fails when the image build lacks the GOPRIVATE that CI sets', () => {
    const result = run({
      'go.mod': GO_MOD,
      '.github/workflows/ci.yml': CI('github.com/acme/*'),
      Dockerfile: 'FROM golang:1.23 AS builder\nRUN go mod download\n',
    });
    expect(result.status).toBe('fail');
    expect(result.message).toContain(
      'GOPRIVATE=`github.com/acme/*` in job `test` in .github/workflows/ci.yml',
    );
    expect(result.message).toContain(
      'no GOPRIVATE in stage `builder` of Dockerfile',
    );
    expect(result.locations).toEqual([
      { path: '.github/workflows/ci.yml', startLine: 4, endLine: 4 },
      { path: 'Dockerfile', startLine: 2, endLine: 2 },
    ]);
    expect(result.remediation).toContain('ENV GOPRIVATE=github.com/acme/*');
  });

  it('fails when the patterns differ for a required module', () => {
    const result = run({
      'go.mod': GO_MOD,
      '.github/workflows/ci.yml': CI('github.com/acme/*'),
      Dockerfile:
        'FROM golang:1.23\nARG GOPRIVATE=go.acme.dev\nRUN go build ./...\n',
    });
    expect(result.status).toBe('fail');
  });

  it('treats GONOPROXY+GONOSUMDB like the same GOPRIVATE, and glob order as irrelevant', () => {
    const result = run({
      'go.mod': GO_MOD,
      '.github/workflows/ci.yml': CI('go.acme.dev,github.com/acme'),
      Dockerfile:
        'FROM golang:1.23\nENV GONOPROXY=github.com/acme,go.acme.dev GONOSUMDB=github.com/acme,go.acme.dev\nRUN go build ./...\n',
    });
    expect(result.status).toBe('pass');
  });

  it('passes with a note when values are written differently but match the same modules', () => {
    const result = run({
      'go.mod': GO_MOD,
      '.github/workflows/ci.yml': CI('github.com/acme'),
      Dockerfile:
        'FROM golang:1.23\nENV GOPRIVATE=github.com/acme/*\nRUN go build ./...\n',
    });
    expect(result.status).toBe('pass');
    expect(result.notes?.[0]).toContain('Written differently');
  });

  it('compares the workflows with each other too', () => {
    const result = run({
      'go.mod': GO_MOD,
      '.github/workflows/ci.yml': CI('github.com/acme/*'),
      '.github/workflows/release.yml': workflow({ job: 'release' }),
    });
    expect(result.status).toBe('fail');
    expect(result.message).toContain('job `release`');
  });

  it('is not applicable without private requirements and without settings', () => {
    const result = run({
      'go.mod': PUBLIC_GO_MOD,
      '.github/workflows/ci.yml': workflow(),
      Dockerfile: 'FROM golang:1.23\nRUN go build ./...\n',
    });
    expect(result.status).toBe('not-applicable');
  });

  it('does not guess when a value comes from an expression', () => {
    const result = run({
      'go.mod': GO_MOD,
      '.github/workflows/ci.yml': CI('${{ vars.GOPRIVATE }}'),
      Dockerfile:
        'FROM golang:1.23\nENV GOPRIVATE=github.com/acme/*\nRUN go build ./...\n',
    });
    expect(result.status).toBe('pass');
    expect(result.notes?.join(' ')).toContain('cannot see');
  });
});
