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
import { privateNoChecksumBypassRule } from './private-no-checksum-bypass';

const RULE = 'private-no-checksum-bypass';
const scan = (privateModules: string[] = PRIVATE_PATTERNS) => ({
  scan: { settings: { privateModules } },
});

describe('private-no-checksum-bypass fix', () => {
  it('removes a Dockerfile ENV GOSUMDB=off that GOPRIVATE makes unnecessary', () => {
    const dockerfile = `FROM golang:1.23 AS builder
ENV GOPRIVATE=github.com/acme/*
ENV GOSUMDB=off
WORKDIR /src
COPY . .
RUN go build -o /out/api .
`;
    const fix = expectFixMakesRulePass(
      { 'go.mod': GO_MOD, Dockerfile: dockerfile },
      RULE,
      scan(),
    );
    expect(changedLines(fix)).toEqual({
      Dockerfile: { removed: ['ENV GOSUMDB=off'], added: [] },
    });
    expect(fix.description).toContain('GOSUMDB=`off` removed');
  });

  it('turns GOSUMDB=off into GONOSUMDB for the private patterns when it was what kept them private', () => {
    const dockerfile = `FROM golang:1.23
ENV GONOPROXY=github.com/acme/* GOSUMDB=off
WORKDIR /src
COPY . .
RUN go build -o /out/api .
`;
    const fix = expectFixMakesRulePass(
      { 'go.mod': GO_MOD, Dockerfile: dockerfile },
      RULE,
      scan(),
    );
    expect(changedLines(fix)).toEqual({
      Dockerfile: {
        removed: ['ENV GONOPROXY=github.com/acme/* GOSUMDB=off'],
        added: ['ENV GONOPROXY=github.com/acme/* GONOSUMDB=github.com/acme/*'],
      },
    });
  });

  it('replaces catch-all GOPRIVATE and GONOSUMDB globs by the configured private patterns', () => {
    const fix = expectFixMakesRulePass(
      {
        'go.mod': GO_MOD,
        '.github/workflows/ci.yml': workflow({
          env: '  GOPRIVATE: "*"',
          steps:
            '      - run: go env -w GONOSUMDB=*\n      - run: go build ./...',
        }),
      },
      RULE,
      scan(['github.com/acme/*', 'go.acme.dev']),
    );
    expect(changedLines(fix)['.github/workflows/ci.yml']).toEqual({
      removed: ['  GOPRIVATE: "*"', '      - run: go env -w GONOSUMDB=*'],
      added: [
        '  GOPRIVATE: "github.com/acme/*"',
        "      - run: go env -w GONOSUMDB='github.com/acme/*'",
      ],
    });
  });

  it('removes only -insecure from GOFLAGS and drops a GOINSECURE written to $GITHUB_ENV', () => {
    const fix = expectFixMakesRulePass(
      {
        'go.mod': GO_MOD,
        '.github/workflows/ci.yml': workflow({
          env: '  GOPRIVATE: github.com/acme/*',
          jobEnv: '      GOFLAGS: -mod=mod -insecure',
          steps: `      - run: |
          echo "GOINSECURE=go.acme.dev" >> "$GITHUB_ENV"
          go mod download
      - run: go build ./...`,
        }),
      },
      RULE,
      scan(),
    );
    expect(changedLines(fix)['.github/workflows/ci.yml']).toEqual({
      removed: [
        '      GOFLAGS: -mod=mod -insecure',
        '          echo "GOINSECURE=go.acme.dev" >> "$GITHUB_ENV"',
      ],
      added: ['      GOFLAGS: -mod=mod'],
    });
  });

  it('removes `go env -w GOSUMDB=off &&` from a RUN and an exported GOSUMDB from the Makefile', () => {
    const fix = expectFixMakesRulePass(
      {
        'go.mod': GO_MOD,
        Dockerfile: `FROM golang:1.23
ENV GOPRIVATE=github.com/acme/*
COPY . .
RUN go env -w GOSUMDB=off && go build -o /out/api .
`,
        Makefile: 'export GOSUMDB := off\n\nbuild:\n\tgo build ./...\n',
      },
      RULE,
      scan(),
    );
    expect(changedLines(fix)).toEqual({
      Dockerfile: {
        removed: ['RUN go env -w GOSUMDB=off && go build -o /out/api .'],
        added: ['RUN go build -o /out/api .'],
      },
      Makefile: { removed: ['export GOSUMDB := off'], added: [] },
    });
  });

  it('narrows a GONOSUMDB that covers all of github.com (a warning) to the private prefix', () => {
    const fix = expectFixMakesRulePass(
      {
        'go.mod': GO_MOD,
        '.github/workflows/ci.yml': workflow({
          env: '  GOPRIVATE: github.com/acme/*\n  GONOSUMDB: github.com,go.acme.dev',
        }),
      },
      RULE,
      { ...scan(), before: 'warn' },
    );
    expect(changedLines(fix)['.github/workflows/ci.yml']).toEqual({
      removed: ['  GONOSUMDB: github.com,go.acme.dev'],
      added: ['  GONOSUMDB: github.com/acme/*,go.acme.dev'],
    });
  });

  it('drops -insecure from a go get in a script', () => {
    const fix = expectFixMakesRulePass(
      {
        'go.mod': GO_MOD,
        '.github/workflows/ci.yml': workflow({
          env: '  GOPRIVATE: github.com/acme/*',
          steps:
            '      - run: go get -insecure go.acme.dev/tool\n      - run: go build ./...',
        }),
      },
      RULE,
      scan(),
    );
    expect(changedLines(fix)['.github/workflows/ci.yml']).toEqual({
      removed: ['      - run: go get -insecure go.acme.dev/tool'],
      added: ['      - run: go get go.acme.dev/tool'],
    });
  });

  it('offers no fix for GOPRIVATE=* when no private patterns are configured', () => {
    const files = {
      'go.mod': GO_MOD,
      '.github/workflows/ci.yml': workflow({ env: '  GOPRIVATE: "*"' }),
    };
    expectNoFix(files, RULE, scan([]));
    // Without configured patterns, the scan cannot tell which prefixes to keep.
    expect(
      evaluate(privateNoChecksumBypassRule, files, []).remediation,
    ).toContain('<your private prefixes>');
  });
});
