import { RuleContext } from '../../engine/RuleContext';
import { snapshotFromFiles } from '../../snapshot/RepositorySnapshot';
import { toolchainDockerVersionRule } from './toolchain-docker-version';

function evaluate(
  dockerfile: string,
  goLine = '1.23.4',
  extra: Record<string, string> = {},
) {
  const snapshot = snapshotFromFiles({
    'go.mod': `module example.com/app\n\ngo ${goLine}\n`,
    Dockerfile: dockerfile,
    ...extra,
  });
  return toolchainDockerVersionRule.evaluate(
    new RuleContext(snapshot, { privateModules: [] }),
  );
}

const build = (from: string) => `${from}\nCOPY . .\nRUN go build -o /app .\n`;

describe('toolchain-docker-version', () => {
  it('passes for a minor tag that covers the go line (golang:1.23 satisfies go 1.23.4)', () => {
    const result = evaluate(build('FROM golang:1.23-alpine AS build'));
    expect(result.status).toBe('pass');
    expect(result.locations).toEqual([
      { path: 'Dockerfile', startLine: 1, endLine: 1 },
    ]);
  });

  it('passes for an exact tag with a variant not older than go.mod', () => {
    expect(evaluate(build('FROM golang:1.23.4-bookworm')).status).toBe('pass');
  });

  it('fails for a tag older than go.mod, pointing at the FROM and the go line', () => {
    const result = evaluate(build('FROM golang:1.22-alpine AS build'));
    expect(result.status).toBe('fail');
    expect(result.message).toContain('older than `go 1.23.4`');
    expect(result.locations).toContainEqual({
      path: 'go.mod',
      startLine: 3,
      endLine: 3,
    });
    expect(result.remediation).toContain('FROM golang:1.23-alpine AS build');
  });

  it('fails for a patch older than the go line', () => {
    expect(evaluate(build('FROM golang:1.23.1'), '1.23.4').status).toBe('fail');
  });

  it('fails for golang:latest, an untagged golang and golang:alpine', () => {
    expect(evaluate(build('FROM golang:latest')).status).toBe('fail');
    const untagged = evaluate(build('FROM golang'));
    expect(untagged.status).toBe('fail');
    expect(untagged.message).toContain('no tag');
    const alpine = evaluate(build('FROM golang:alpine'));
    expect(alpine.status).toBe('fail');
    expect(alpine.remediation).toContain('golang:1.23-alpine');
  });

  it('resolves ARG defaults and points at the ARG line', () => {
    const result = evaluate(
      build(
        'ARG GO_VERSION=1.21\nFROM --platform=$BUILDPLATFORM golang:${GO_VERSION} AS build',
      ),
    );
    expect(result.status).toBe('fail');
    expect(result.locations).toContainEqual({
      path: 'Dockerfile',
      startLine: 1,
      endLine: 1,
    });
    expect(result.remediation).toContain('ARG GO_VERSION=1.23');
    expect(
      evaluate(build('ARG GO_VERSION=1.23\nFROM golang:${GO_VERSION}-alpine'))
        .status,
    ).toBe('pass');
  });

  it('gives an error when the version comes from a build argument without default', () => {
    const result = evaluate(build('ARG GO_VERSION\nFROM golang:${GO_VERSION}'));
    expect(result.status).toBe('error');
    expect(result.notes?.[0]).toContain('no default');
  });

  it('accepts a digest pin', () => {
    const result = evaluate(build('FROM golang@sha256:0123456789abcdef'));
    expect(result.status).toBe('pass');
  });

  it('follows stages built FROM the golang stage', () => {
    const result = evaluate(
      'FROM golang:1.20 AS base\nWORKDIR /src\nFROM base AS build\nCOPY . .\nRUN go build .\nFROM scratch\nCOPY --from=build /app /app\n',
    );
    expect(result.status).toBe('fail');
    expect(result.message).toContain('golang:1.20');
  });

  it('checks a toolchain copied with COPY --from=golang', () => {
    const result = evaluate(
      'FROM debian:12\nCOPY --from=golang:1.19 /usr/local/go /usr/local/go\nRUN /usr/local/go/bin/go build .\n',
    );
    expect(result.status).toBe('fail');
    expect(result.remediation).toContain(
      'COPY --from=golang:1.23 /usr/local/go /usr/local/go',
    );
  });

  it('warns when one image is pinned and another floats', () => {
    const result = evaluate(build('FROM golang:1.23'), '1.23', {
      'tools/Dockerfile': build('FROM golang:latest'),
    });
    expect(result.status).toBe('warn');
    expect(result.message).toContain('tools/Dockerfile');
  });

  it('is not applicable when no Dockerfile builds Go (prebuilt binary image)', () => {
    expect(evaluate('FROM scratch\nCOPY app /app\n').status).toBe(
      'not-applicable',
    );
    expect(evaluate('FROM golang:latest\nRUN echo hi\n').status).toBe(
      'not-applicable',
    );
  });

  it('is not applicable when Go is built on a non-golang image', () => {
    const result = evaluate(build('FROM alpine:3.20\nRUN apk add go'));
    expect(result.status).toBe('not-applicable');
  });
});
