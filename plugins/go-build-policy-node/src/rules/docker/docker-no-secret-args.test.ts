import { RuleContext } from '../../engine/RuleContext';
import { snapshotFromFiles } from '../../snapshot/RepositorySnapshot';
import { dockerNoSecretArgsRule } from './docker-no-secret-args';

function evaluate(files: Record<string, string>) {
  const snapshot = snapshotFromFiles({
    'go.mod': 'module example.com/app\n\ngo 1.23\n',
    ...files,
  });
  return dockerNoSecretArgsRule.evaluate(
    new RuleContext(snapshot, { privateModules: [] }),
  );
}

const lines = (...l: string[]) => `${l.join('\n')}\n`;

describe('docker-no-secret-args', () => {
  it('fails when a token ARG is written into git config, and proposes a .netrc secret mount', () => {
    const result = evaluate({
      Dockerfile: lines(
        'FROM golang:1.23',
        'ARG GITHUB_TOKEN',
        'RUN git config --global url."https://x-access-token:${GITHUB_TOKEN}@github.com/".insteadOf "https://github.com/"',
        'COPY go.mod go.sum ./',
        'RUN go mod download',
      ),
    });
    expect(result.status).toBe('fail');
    expect(result.locations).toEqual([
      { path: 'Dockerfile', startLine: 2, endLine: 2 },
    ]);
    expect(result.message).toContain('`ARG GITHUB_TOKEN`');
    expect(result.message).toContain(
      'line 3 writes it into a git or .netrc file',
    );
    expect(result.remediation).toContain(
      '--mount=type=secret,id=netrc,target=/root/.netrc',
    );
    expect(result.remediation).toContain('the RUN at line 3');
  });

  it('proposes an env secret mount on the RUN that reads a token directly', () => {
    const result = evaluate({
      Dockerfile: lines(
        'FROM golang:1.23',
        'ARG PROXY_TOKEN',
        'RUN GOPROXY=https://ci:${PROXY_TOKEN}@proxy.acme.dev go mod download',
      ),
    });
    expect(result.status).toBe('fail');
    expect(result.remediation).toContain(
      'RUN --mount=type=secret,id=proxy_token,env=PROXY_TOKEN',
    );
    expect(result.remediation).toContain('go mod download');
  });

  it('fails for a token ARG even when no RUN names it, since RUN history records it', () => {
    const result = evaluate({
      Dockerfile: lines(
        'FROM golang:1.23',
        'ARG NPM_AUTH_TOKEN',
        'RUN go build .',
      ),
    });
    expect(result.status).toBe('fail');
  });

  it('fails when ENV stores a credential from an ARG', () => {
    const result = evaluate({
      Dockerfile: lines(
        'FROM golang:1.23',
        'ARG GH_PAT',
        'ENV GOPROXY=https://user:${GH_PAT}@proxy.acme.dev',
        'RUN go mod download',
      ),
    });
    expect(result.status).toBe('fail');
    expect(result.message).toContain('`ENV GOPROXY`');
  });

  it('passes when credentials come through secret and ssh mounts', () => {
    const result = evaluate({
      Dockerfile: lines(
        'FROM golang:1.23',
        'RUN --mount=type=secret,id=netrc,target=/root/.netrc go mod download',
        'RUN --mount=type=ssh go build .',
      ),
    });
    expect(result.status).toBe('pass');
    expect(result.locations).toEqual([
      { path: 'Dockerfile', startLine: 2, endLine: 2 },
      { path: 'Dockerfile', startLine: 3, endLine: 3 },
    ]);
  });

  it('is not applicable when the build uses no credentials', () => {
    const result = evaluate({
      Dockerfile: lines(
        'FROM golang:1.23',
        'ARG VERSION=dev',
        'ARG CACHE_KEY',
        'RUN go build -ldflags "-X main.v=${VERSION}" .',
      ),
    });
    expect(result.status).toBe('not-applicable');
  });

  it('does not take TOKEN_FILE or AUTHOR for credentials', () => {
    const result = evaluate({
      Dockerfile: lines(
        'FROM golang:1.23',
        'ARG TOKEN_FILE=/run/secrets/token',
        'ARG AUTHOR=me',
        'RUN go build .',
      ),
    });
    expect(result.status).toBe('not-applicable');
  });

  it('fails when a workflow passes a secret with --build-arg', () => {
    const result = evaluate({
      Dockerfile: lines('FROM golang:1.23', 'RUN go build .'),
      '.github/workflows/image.yml': lines(
        'on: push',
        'jobs:',
        '  image:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - uses: actions/checkout@v4',
        '      - run: docker build --build-arg GH_TOKEN=${{ secrets.GH_TOKEN }} -t app .',
      ),
    });
    expect(result.status).toBe('fail');
    expect(result.locations).toEqual([
      { path: '.github/workflows/image.yml', startLine: 7, endLine: 7 },
    ]);
    expect(result.remediation).toContain('GH_TOKEN=${{ secrets.GH_TOKEN }}');
  });

  it('fails when build-push-action gets a secret in build-args', () => {
    const result = evaluate({
      Dockerfile: lines('FROM golang:1.23', 'RUN go build .'),
      '.github/workflows/image.yml': lines(
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
        '            GOPROXY_TOKEN=${{ secrets.PROXY_TOKEN }}',
      ),
    });
    expect(result.status).toBe('fail');
    expect(result.message).toContain('GOPROXY_TOKEN');
  });

  it('notes unreadable Dockerfiles and still decides from the rest', () => {
    const result = evaluate({
      Dockerfile: lines(
        'FROM golang:1.23',
        'RUN --mount=type=ssh go mod download',
      ),
      'broken/Dockerfile': '\u0000\u0000',
    });
    expect(result.status).toBe('pass');
    expect(result.notes?.[0]).toContain('broken/Dockerfile');
  });
});
