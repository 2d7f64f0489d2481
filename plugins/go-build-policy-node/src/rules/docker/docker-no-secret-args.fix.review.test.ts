/** Review cases for the docker-no-secret-args fix: CRLF Dockerfiles and workflows that mix build-args. */
import {
  changedLines,
  expectFixMakesRulePass,
  expectNoFix,
} from '../../fixes/testing/fixProof';
import {
  expectWellFormedEdits,
  instructionDelta,
} from '../../fixes/testing/reviewChecks';

const RULE = 'docker-no-secret-args';
const lines = (...l: string[]) => `${l.join('\n')}\n`;
const base = {
  'go.mod':
    'module example.com/app\n\ngo 1.23\n\nrequire github.com/acme/kit v1.0.0\n',
  'go.sum': 'github.com/acme/kit v1.0.0 h1:abc=\n',
  '.dockerignore': '.git\n',
};
const scan = { settings: { privateModules: ['github.com/acme/*'] } };

describe('docker-no-secret-args fix, on real-world builds', () => {
  it('mounts the token as a secret in a CRLF Dockerfile, keeping the continuation of its RUN', () => {
    const dockerfile = [
      'FROM golang:1.23 AS build',
      'ARG GITHUB_TOKEN',
      'WORKDIR /src',
      'COPY go.mod go.sum ./',
      'RUN git config --global url."https://${GITHUB_TOKEN}@github.com/".insteadOf "https://github.com/" && \\',
      '    go mod download',
      'COPY . .',
      'RUN go build ./...',
      '',
    ].join('\r\n');
    const proposal = expectFixMakesRulePass(
      { ...base, Dockerfile: dockerfile },
      RULE,
      { scan },
    );
    expectWellFormedEdits(proposal);
    expect(instructionDelta(proposal, 'Dockerfile')).toEqual({ ARG: -1 });
    expect(proposal.edits[0].after.split('\r\n')).toEqual([
      'FROM golang:1.23 AS build',
      'WORKDIR /src',
      'COPY go.mod go.sum ./',
      'RUN --mount=type=secret,id=github_token \\',
      '    git config --global url."https://$(cat /run/secrets/github_token)@github.com/".insteadOf "https://github.com/" && \\',
      '    go mod download',
      'COPY . .',
      'RUN go build ./...',
      '',
    ]);
  });

  it('moves only the secret build-arg to `secrets:` and keeps the other inputs in place', () => {
    const files = {
      ...base,
      Dockerfile: lines(
        'FROM golang:1.23 AS build',
        'ARG GO_TOKEN',
        'WORKDIR /src',
        'COPY go.mod go.sum ./',
        'RUN echo "machine github.com login x password $GO_TOKEN" > ~/.netrc && go mod download && rm ~/.netrc',
        'COPY . .',
        'RUN go build ./...',
      ),
      '.github/workflows/image.yml': lines(
        'name: image',
        'on: push',
        'jobs:',
        '  image:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - uses: actions/checkout@v4',
        '      - uses: docker/build-push-action@v6',
        '        with:',
        '          push: false',
        '          build-args: |',
        '            VERSION=${{ github.sha }}',
        '            GO_TOKEN=${{ secrets.GO_TOKEN }}',
        '          tags: app:dev',
      ),
    };
    const proposal = expectFixMakesRulePass(files, RULE, { scan });
    expectWellFormedEdits(proposal);
    expect(changedLines(proposal)['.github/workflows/image.yml']).toEqual({
      removed: ['            GO_TOKEN=${{ secrets.GO_TOKEN }}'],
      added: [
        '          secrets: |',
        '            go_token=${{ secrets.GO_TOKEN }}',
      ],
    });
    expect(changedLines(proposal).Dockerfile).toEqual({
      removed: [
        'ARG GO_TOKEN',
        'RUN echo "machine github.com login x password $GO_TOKEN" > ~/.netrc && go mod download && rm ~/.netrc',
      ],
      added: [
        'RUN --mount=type=secret,id=go_token \\',
        '    echo "machine github.com login x password $(cat /run/secrets/go_token)" > ~/.netrc && go mod download && rm ~/.netrc',
      ],
    });
  });

  it('proposes nothing when the token is configured in a RUN of its own, before the download', () => {
    // Rewriting it would need the credential moved into every later RUN that fetches
    // modules: left to the author, with the remediation text.
    expectNoFix(
      {
        ...base,
        Dockerfile: lines(
          'FROM golang:1.23 AS build',
          'ARG GITHUB_TOKEN',
          'WORKDIR /src',
          'RUN git config --global url."https://${GITHUB_TOKEN}@github.com/".insteadOf "https://github.com/"',
          'COPY go.mod go.sum ./',
          'RUN go mod download',
        ),
      },
      RULE,
      { scan },
    );
  });
});
