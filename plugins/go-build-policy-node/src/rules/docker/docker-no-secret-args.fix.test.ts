import {
  changedLines,
  expectFixMakesRulePass,
  expectNoFix,
} from '../../fixes/testing/fixProof';

const RULE = 'docker-no-secret-args';
const GO_MOD =
  'module example.com/app\n\ngo 1.23\n\nrequire github.com/acme/private v1.0.0\n';
const lines = (...l: string[]) => `${l.join('\n')}\n`;

const PRIVATE_BUILD = lines(
  '# syntax=docker/dockerfile:1',
  'FROM golang:1.23 AS build',
  'ARG GITHUB_TOKEN',
  'ENV GOPRIVATE=github.com/acme/*',
  'WORKDIR /src',
  'COPY go.mod go.sum ./',
  'RUN git config --global url."https://x-access-token:${GITHUB_TOKEN}@github.com/".insteadOf "https://github.com/" && \\',
  '    go mod download',
  'COPY . .',
  'RUN go build -o /app .',
);

describe('docker-no-secret-args fix', () => {
  it('replaces a token ARG by a secret mount of the RUN that downloads with it', () => {
    const proposal = expectFixMakesRulePass(
      { 'go.mod': GO_MOD, 'go.sum': '', Dockerfile: PRIVATE_BUILD },
      RULE,
      { before: 'fail' },
    );
    expect(changedLines(proposal).Dockerfile).toEqual({
      removed: [
        'ARG GITHUB_TOKEN',
        'RUN git config --global url."https://x-access-token:${GITHUB_TOKEN}@github.com/".insteadOf "https://github.com/" && \\',
      ],
      added: [
        'RUN --mount=type=secret,id=github_token \\',
        '    git config --global url."https://x-access-token:$(cat /run/secrets/github_token)@github.com/".insteadOf "https://github.com/" && \\',
      ],
    });
    expect(proposal.description).toContain('`github_token`');
  });

  it('moves secrets from build-args to secrets in the workflow as well', () => {
    const workflow = lines(
      'name: image',
      'on: push',
      'jobs:',
      '  image:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: actions/checkout@v4',
      '      # build and push',
      '      - uses: docker/build-push-action@v6',
      '        with:',
      '          context: .',
      '          push: true',
      '          build-args: |',
      '            VERSION=${{ github.sha }}',
      '            GITHUB_TOKEN=${{ secrets.GH_PAT }}',
    );
    const proposal = expectFixMakesRulePass(
      {
        'go.mod': GO_MOD,
        'go.sum': '',
        Dockerfile: PRIVATE_BUILD,
        '.github/workflows/image.yml': workflow,
      },
      RULE,
    );
    const workflowLines = changedLines(proposal)['.github/workflows/image.yml'];
    expect(workflowLines.removed).toEqual([
      '            GITHUB_TOKEN=${{ secrets.GH_PAT }}',
    ]);
    expect(workflowLines.added.join('\n')).toContain(
      'github_token=${{ secrets.GH_PAT }}',
    );
    expect(workflowLines.added[0]).toMatch(/^ {10}secrets:/);
  });

  it('rewrites a lowercase CRLF multi-stage file whose RUN reads $TOKEN', () => {
    const proposal = expectFixMakesRulePass(
      {
        'go.mod': GO_MOD,
        'go.sum': '',
        'build/Dockerfile': [
          'from golang:1.23 as build',
          'arg GO_MODULES_TOKEN',
          'workdir /src',
          'copy . .',
          'run git config --global url."https://oauth2:$GO_MODULES_TOKEN@github.com/".insteadOf "https://github.com/" \\',
          '    && go build -o /app .',
          'from alpine:3.20',
          'copy --from=build /app /app',
          '',
        ].join('\r\n'),
      },
      RULE,
    );
    expect(changedLines(proposal)['build/Dockerfile']).toEqual({
      removed: [
        'arg GO_MODULES_TOKEN\r',
        'run git config --global url."https://oauth2:$GO_MODULES_TOKEN@github.com/".insteadOf "https://github.com/" \\\r',
      ],
      added: [
        'run --mount=type=secret,id=go_modules_token \\\r',
        '    git config --global url."https://oauth2:$(cat /run/secrets/go_modules_token)@github.com/".insteadOf "https://github.com/" \\\r',
      ],
    });
  });

  it('offers no fix for a credential baked into ENV', () => {
    expectNoFix(
      {
        'go.mod': GO_MOD,
        'go.sum': '',
        Dockerfile: lines(
          'FROM golang:1.23',
          'ARG GITHUB_TOKEN',
          'ENV GIT_TOKEN=$GITHUB_TOKEN',
          'RUN echo "machine github.com login x password $GIT_TOKEN" > ~/.netrc',
          'RUN go mod download',
        ),
      },
      RULE,
    );
  });

  it('offers no fix when a script passes the secret with --build-arg', () => {
    expectNoFix(
      {
        'go.mod': GO_MOD,
        'go.sum': '',
        Dockerfile: lines('FROM golang:1.23', 'COPY . .', 'RUN go build .'),
        '.github/workflows/image.yml': lines(
          'on: push',
          'jobs:',
          '  image:',
          '    runs-on: ubuntu-latest',
          '    steps:',
          '      - run: docker build --build-arg TOKEN=${{ secrets.GH_PAT }} .',
        ),
      },
      RULE,
    );
  });
});
