import { privateCiAuthRule } from './private-ci-auth';
import {
  CREDENTIAL_STEP,
  evaluate,
  GO_MOD,
  PUBLIC_GO_MOD,
  workflow,
} from './__testUtils__/fixtures';

const run = (files: Record<string, string>) =>
  evaluate(privateCiAuthRule, files);
const ENV = '  GOPRIVATE: github.com/acme/*';

describe('private-ci-auth', () => {
  it('passes when a step builds a git insteadOf from a secret before go runs', () => {
    const result = run({
      'go.mod': GO_MOD,
      '.github/workflows/ci.yml': workflow({
        env: ENV,
        steps: `${CREDENTIAL_STEP}\n      - run: go test ./...`,
      }),
    });
    expect(result.status).toBe('pass');
    expect(result.locations).toEqual([
      { path: '.github/workflows/ci.yml', startLine: 13, endLine: 13 },
    ]);
  });

  it('fails when no credential setup is visible, with a step fitted to the module prefix', () => {
    const result = run({
      'go.mod': GO_MOD,
      '.github/workflows/ci.yml': workflow({ env: ENV }),
    });
    expect(result.status).toBe('fail');
    expect(result.message).toContain('job `test` in .github/workflows/ci.yml');
    expect(result.remediation).toContain(
      'url."https://x-access-token:${{ secrets.GO_MODULES_TOKEN }}@github.com/acme/".insteadOf "https://github.com/acme/"',
    );
  });

  it('is not applicable without private requirements', () => {
    const result = run({
      'go.mod': PUBLIC_GO_MOD,
      '.github/workflows/ci.yml': workflow(),
    });
    expect(result.status).toBe('not-applicable');
  });

  it('does not count credentials set up after the first download', () => {
    const result = run({
      'go.mod': GO_MOD,
      '.github/workflows/ci.yml': workflow({
        env: ENV,
        steps: `      - run: go build ./...\n${CREDENTIAL_STEP}`,
      }),
    });
    expect(result.status).toBe('fail');
  });

  it('follows a token from a step env entry that reads a secret into a .netrc', () => {
    const result = run({
      'go.mod': GO_MOD,
      '.github/workflows/ci.yml': workflow({
        env: ENV,
        steps: `      - run: echo "machine github.com login ci password $TOKEN" > ~/.netrc
        env:
          TOKEN: \${{ secrets.GO_TOKEN }}
      - run: go build ./...`,
      }),
    });
    expect(result.status).toBe('pass');
  });

  it('warns when the only credential is the workflow GITHUB_TOKEN', () => {
    const result = run({
      'go.mod': GO_MOD,
      '.github/workflows/ci.yml': workflow({
        env: ENV,
        steps: `      - run: git config --global url."https://x:\${{ secrets.GITHUB_TOKEN }}@github.com/".insteadOf "https://github.com/"
      - run: go build ./...`,
      }),
    });
    expect(result.status).toBe('warn');
    expect(result.message).toContain('GITHUB_TOKEN');
  });

  it('accepts an SSH key action with an SSH insteadOf, not the key alone', () => {
    const sshKey = `      - uses: webfactory/ssh-agent@v0.9.0
        with:
          ssh-private-key: \${{ secrets.DEPLOY_KEY }}`;
    const withRewrite = run({
      'go.mod': GO_MOD,
      '.github/workflows/ci.yml': workflow({
        env: ENV,
        steps: `${sshKey}
      - run: git config --global url."git@github.com:".insteadOf "https://github.com/"
      - run: go build ./...`,
      }),
    });
    expect(withRewrite.status).toBe('pass');
    const keyOnly = run({
      'go.mod': GO_MOD,
      '.github/workflows/ci.yml': workflow({
        env: ENV,
        steps: `${sshKey}\n      - run: go build ./...`,
      }),
    });
    expect(keyOnly.status).toBe('warn');
    expect(keyOnly.message).toContain('insteadOf');
  });

  it('passes a Dockerfile stage that mounts a secret for the download', () => {
    const result = run({
      'go.mod': GO_MOD,
      Dockerfile: `# syntax=docker/dockerfile:1
FROM golang:1.23 AS builder
ENV GOPRIVATE=github.com/acme/*
RUN --mount=type=secret,id=netrc,target=/root/.netrc go mod download
RUN go build ./...
`,
    });
    expect(result.status).toBe('pass');
    expect(result.locations).toEqual([
      { path: 'Dockerfile', startLine: 4, endLine: 4 },
    ]);
  });

  it('warns when CI authenticates but the image build does not', () => {
    const result = run({
      'go.mod': GO_MOD,
      '.github/workflows/ci.yml': workflow({
        env: ENV,
        steps: `${CREDENTIAL_STEP}\n      - run: go test ./...`,
      }),
      Dockerfile: 'FROM golang:1.23 AS builder\nRUN go mod download\n',
    });
    expect(result.status).toBe('warn');
    expect(result.message).toContain('stage `builder` of Dockerfile');
    expect(result.remediation).toContain(
      'RUN --mount=type=secret,id=netrc,target=/root/.netrc',
    );
  });

  it('calls a token build argument weak: it stays in the image history', () => {
    const result = run({
      'go.mod': GO_MOD,
      Dockerfile: `FROM golang:1.23
ARG GITHUB_TOKEN
RUN git config --global url."https://\${GITHUB_TOKEN}@github.com/".insteadOf "https://github.com/"
RUN go mod download
`,
    });
    expect(result.status).toBe('warn');
    expect(result.message).toContain('image history');
  });

  it('fails a token written into the workflow itself', () => {
    const result = run({
      'go.mod': GO_MOD,
      '.github/workflows/ci.yml': workflow({
        env: ENV,
        steps: `      - run: git config --global url."https://ghp_abc123@github.com/".insteadOf "https://github.com/"
      - run: go build ./...`,
      }),
    });
    expect(result.status).toBe('fail');
    expect(result.message).toContain('file itself');
  });

  it('passes an authenticated private GOPROXY', () => {
    const result = run({
      'go.mod': GO_MOD,
      '.github/workflows/ci.yml': workflow({
        env: '  GOPROXY: https://ci:${{ secrets.PROXY_TOKEN }}@athens.acme.dev\n  GONOSUMDB: github.com/acme',
      }),
    });
    expect(result.status).toBe('pass');
  });
});

describe('private-ci-auth with what the scan cannot see', () => {
  it('notes a reusable workflow from another repository instead of judging it', () => {
    const result = run({
      'go.mod': GO_MOD,
      '.github/workflows/ci.yml': workflow({
        env: ENV,
        steps: `${CREDENTIAL_STEP}\n      - run: go test ./...`,
      }),
      '.github/workflows/shared.yml': `on: push
jobs:
  shared:
    uses: acme/workflows/.github/workflows/go.yml@v1
`,
    });
    expect(result.status).toBe('pass');
    expect(result.notes?.join(' ')).toContain(
      'acme/workflows/.github/workflows/go.yml@v1',
    );
  });
});

describe('private-ci-auth severity', () => {
  it('fails when one environment has nothing and the other only a build-arg token', () => {
    const result = run({
      'go.mod': GO_MOD,
      '.github/workflows/ci.yml': workflow({ env: ENV }),
      Dockerfile: `FROM golang:1.23
ARG GITHUB_TOKEN
RUN git config --global url."https://\${GITHUB_TOKEN}@github.com/".insteadOf "https://github.com/"
RUN go mod download
`,
    });
    expect(result.status).toBe('fail');
    expect(result.message).toContain(
      'no credential setup before the first download',
    );
    expect(result.message).toContain('image history');
  });
});

describe('private-ci-auth hosts', () => {
  it('calls credentials for another code host weak', () => {
    const result = run({
      'go.mod': GO_MOD,
      '.github/workflows/ci.yml': workflow({
        env: ENV,
        steps: `      - run: git config --global url."https://ci:\${{ secrets.GL_TOKEN }}@gitlab.com/".insteadOf "https://gitlab.com/"
      - run: go build ./...`,
      }),
    });
    expect(result.status).toBe('warn');
    expect(result.message).toContain(
      'is for gitlab.com, but the modules are on github.com',
    );
  });
});
