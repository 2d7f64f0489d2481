/** Review cases for the toolchain-docker-version fix: ARG-built references, COPY --from, registries. */
import {
  changedLines,
  expectFixMakesRulePass,
  expectNoFix,
} from '../../fixes/testing/fixProof';
import {
  expectWellFormedEdits,
  instructionDelta,
} from '../../fixes/testing/reviewChecks';

const RULE = 'toolchain-docker-version';
const lines = (...l: string[]) => `${l.join('\n')}\n`;

describe('toolchain-docker-version fix, on real-world Dockerfiles', () => {
  it("pins to go.mod's newer toolchain line through the ARG of a $BUILDPLATFORM stage, in CRLF", () => {
    const dockerfile = [
      'ARG GO_VERSION=1.22',
      'FROM --platform=$BUILDPLATFORM golang:${GO_VERSION}-alpine AS build',
      'WORKDIR /src',
      'COPY . .',
      'RUN go build ./...',
    ].join('\r\n');
    const proposal = expectFixMakesRulePass(
      {
        'go.mod': 'module example.com/app\n\ngo 1.23.0\n\ntoolchain go1.24.2\n',
        'go.sum': '',
        Dockerfile: dockerfile,
      },
      RULE,
    );
    expectWellFormedEdits(proposal);
    expect(instructionDelta(proposal, 'Dockerfile')).toEqual({});
    expect(proposal.edits[0].after).toBe(
      dockerfile.replace('GO_VERSION=1.22', 'GO_VERSION=1.24'),
    );
  });

  it("pins golang:latest to go.mod's minor and says that go.mod's line is only a minimum", () => {
    const proposal = expectFixMakesRulePass(
      {
        'go.mod': 'module example.com/app\n\ngo 1.16\n',
        'go.sum': '',
        Dockerfile: lines(
          'FROM golang:latest',
          'COPY . .',
          'RUN go build ./...',
        ),
      },
      RULE,
    );
    expect(changedLines(proposal).Dockerfile).toEqual({
      removed: ['FROM golang:latest'],
      added: ['FROM golang:1.16'],
    });
    expect(proposal.description).toContain(
      'only the oldest Go the module accepts',
    );
  });

  it('retags a golang image copied from with COPY --from and a registry-qualified image', () => {
    const proposal = expectFixMakesRulePass(
      {
        'go.mod': 'module example.com/app\n\ngo 1.23.4\n',
        'go.sum': '',
        Dockerfile: lines(
          'FROM docker.io/library/golang:1.21-bookworm AS tools',
          'RUN go install golang.org/x/tools/cmd/stringer@latest',
          'FROM debian:bookworm AS build',
          'COPY --from=golang:1.21 /usr/local/go /usr/local/go',
          'ENV PATH=/usr/local/go/bin:$PATH',
          'COPY . .',
          'RUN go build ./...',
        ),
      },
      RULE,
    );
    expectWellFormedEdits(proposal);
    expect(changedLines(proposal).Dockerfile).toEqual({
      removed: [
        'FROM docker.io/library/golang:1.21-bookworm AS tools',
        'COPY --from=golang:1.21 /usr/local/go /usr/local/go',
      ],
      added: [
        'FROM docker.io/library/golang:1.23-bookworm AS tools',
        'COPY --from=golang:1.23 /usr/local/go /usr/local/go',
      ],
    });
  });

  it('proposes nothing for an old image pinned by digest: a tag beside the digest changes nothing', () => {
    expectNoFix(
      {
        'go.mod': 'module example.com/app\n\ngo 1.23.4\n',
        'go.sum': '',
        Dockerfile: lines(
          `FROM golang:1.21@sha256:${'a'.repeat(64)}`,
          'COPY . .',
          'RUN go build ./...',
        ),
      },
      RULE,
    );
  });
});
