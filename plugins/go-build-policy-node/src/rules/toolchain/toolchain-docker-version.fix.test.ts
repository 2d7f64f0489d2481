import {
  changedLines,
  expectFixMakesRulePass,
  expectNoFix,
} from '../../fixes/testing/fixProof';

const RULE = 'toolchain-docker-version';
const lines = (...l: string[]) => `${l.join('\n')}\n`;
const goMod = (version: string) => `module example.com/app\n\ngo ${version}\n`;

describe('toolchain-docker-version fix', () => {
  it('pins golang:latest and keeps the stage name and platform', () => {
    const proposal = expectFixMakesRulePass(
      {
        'go.mod': goMod('1.23.4'),
        'go.sum': '',
        Dockerfile: lines(
          'FROM --platform=$BUILDPLATFORM golang:latest AS build',
          'WORKDIR /src',
          'COPY . .',
          'RUN go build -o /app .',
          'FROM alpine:3.20',
          'COPY --from=build /app /app',
        ),
      },
      RULE,
    );
    expect(changedLines(proposal).Dockerfile).toEqual({
      removed: ['FROM --platform=$BUILDPLATFORM golang:latest AS build'],
      added: ['FROM --platform=$BUILDPLATFORM golang:1.23 AS build'],
    });
  });

  it('keeps the variant of a floating or too-old tag, in lowercase and CRLF files', () => {
    const proposal = expectFixMakesRulePass(
      {
        'go.mod': goMod('1.24'),
        'go.sum': '',
        'services/api/Dockerfile': [
          'from golang:alpine as deps',
          'run go version',
          'from golang:1.21.5-bookworm',
          'copy . .',
          'run go build ./...',
          '',
        ].join('\r\n'),
      },
      RULE,
    );
    expect(proposal.edits[0].after).toBe(
      [
        'from golang:alpine as deps',
        'run go version',
        'from golang:1.24-bookworm',
        'copy . .',
        'run go build ./...',
        '',
      ].join('\r\n'),
    );
  });

  it('pins an untagged image and a COPY --from toolchain, using the nearest module', () => {
    const proposal = expectFixMakesRulePass(
      {
        'go.mod': goMod('1.20'),
        'tools/go.mod': 'module example.com/tools\n\ngo 1.22\n',
        'tools/Dockerfile': lines(
          'FROM golang',
          'COPY --from=golang:1.19 /usr/local/go /usr/local/go',
          'RUN go install ./...',
        ),
      },
      RULE,
    );
    expect(changedLines(proposal)['tools/Dockerfile']).toEqual({
      removed: [
        'FROM golang',
        'COPY --from=golang:1.19 /usr/local/go /usr/local/go',
      ],
      added: [
        'FROM golang:1.22',
        'COPY --from=golang:1.22 /usr/local/go /usr/local/go',
      ],
    });
  });

  it('edits the ARG default rather than the FROM that uses it', () => {
    const proposal = expectFixMakesRulePass(
      {
        'go.mod': goMod('1.23'),
        'go.sum': '',
        Dockerfile: lines(
          '# syntax=docker/dockerfile:1',
          'ARG GO_VERSION="1.21"',
          'FROM golang:${GO_VERSION}-alpine AS build',
          'RUN go build .',
        ),
      },
      RULE,
    );
    expect(changedLines(proposal).Dockerfile).toEqual({
      removed: ['ARG GO_VERSION="1.21"'],
      added: ['ARG GO_VERSION="1.23"'],
    });
  });

  it('offers no fix for a digest-pinned old image, whose digest decides the version', () => {
    expectNoFix(
      {
        'go.mod': goMod('1.23'),
        Dockerfile: lines(
          'FROM golang:1.21@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
          'RUN go build .',
        ),
      },
      RULE,
    );
  });

  it('offers no fix when no go.mod says which version to pin', () => {
    expectNoFix(
      {
        'go.work': 'go 1.23\n',
        Dockerfile: lines('FROM golang:latest', 'RUN go build .'),
      },
      RULE,
    );
  });
});
