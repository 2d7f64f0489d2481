import { RuleContext } from '../../engine/RuleContext';
import { snapshotFromFiles } from '../../snapshot/RepositorySnapshot';
import { dockerContextIgnoreRule } from './docker-context-ignore';

const BUILD =
  'FROM golang:1.23\nCOPY go.mod go.sum ./\nRUN go mod download\nCOPY . .\nRUN go build -o /app .\n';

function evaluate(files: Record<string, string>) {
  const snapshot = snapshotFromFiles({
    'go.mod': 'module example.com/app\n\ngo 1.23\n',
    ...files,
  });
  return dockerContextIgnoreRule.evaluate(
    new RuleContext(snapshot, { privateModules: [] }),
  );
}

describe('docker-context-ignore', () => {
  it('passes when .dockerignore excludes .git, pointing at the pattern', () => {
    const result = evaluate({
      Dockerfile: BUILD,
      '.dockerignore': '# junk\nbin/\n/.git/\n',
    });
    expect(result.status).toBe('pass');
    expect(result.locations).toEqual([
      { path: '.dockerignore', startLine: 3, endLine: 3 },
    ]);
  });

  it('fails when there is no .dockerignore and suggests one', () => {
    const result = evaluate({ Dockerfile: BUILD });
    expect(result.status).toBe('fail');
    expect(result.locations).toEqual([
      { path: 'Dockerfile', startLine: 4, endLine: 4 },
    ]);
    expect(result.remediation).toContain('Create `.dockerignore`');
    expect(result.remediation).toContain('.git');
  });

  it('fails when .dockerignore does not exclude .git', () => {
    const result = evaluate({
      Dockerfile: BUILD,
      '.dockerignore': 'bin/\n*.md\n',
    });
    expect(result.status).toBe('fail');
    expect(result.remediation).toContain('Add `.git` to `.dockerignore`');
  });

  it('fails when a negation brings .git back', () => {
    const result = evaluate({
      Dockerfile: BUILD,
      '.dockerignore': '*\n!.git\n!cmd/\n',
    });
    expect(result.status).toBe('fail');
    expect(result.message).toContain('`!.git` on line 2');
  });

  it('accepts patterns that cover .git: `**/.git`, `.*`, and `*` with re-included sources', () => {
    expect(
      evaluate({ Dockerfile: BUILD, '.dockerignore': '**/.git\n' }).status,
    ).toBe('pass');
    expect(
      evaluate({ Dockerfile: BUILD, '.dockerignore': '.*\n' }).status,
    ).toBe('pass');
    expect(
      evaluate({
        Dockerfile: BUILD,
        '.dockerignore': '*\n!go.mod\n!go.sum\n!cmd\n',
      }).status,
    ).toBe('pass');
  });

  it('uses the Dockerfile-specific ignore file first', () => {
    const result = evaluate({
      'build/app.Dockerfile': BUILD,
      'build/app.Dockerfile.dockerignore': '.git\n',
    });
    expect(result.status).toBe('pass');
    expect(result.locations?.[0].path).toBe(
      'build/app.Dockerfile.dockerignore',
    );
  });

  it('judges a Dockerfile in a folder by the nearest ignore file when no workflow names the context', () => {
    const result = evaluate({
      'deploy/Dockerfile': BUILD,
      '.dockerignore': '.git\n',
    });
    expect(result.status).toBe('pass');
    expect(result.notes?.[0]).toContain('deploy/Dockerfile');
  });

  it('is not applicable without a full-context copy', () => {
    const result = evaluate({
      Dockerfile:
        'FROM golang:1.23\nCOPY go.mod go.sum ./\nRUN go mod download\nCOPY cmd/ cmd/\nRUN go build ./cmd/app\n',
    });
    expect(result.status).toBe('not-applicable');
  });

  it('is not applicable for images that only copy a prebuilt binary', () => {
    expect(evaluate({ Dockerfile: 'FROM scratch\nCOPY . /\n' }).status).toBe(
      'not-applicable',
    );
  });
});

describe('docker-context-ignore with workflow contexts', () => {
  it('judges the context a workflow builds with', () => {
    const result = evaluate({
      'services/api/Dockerfile': BUILD,
      'services/api/.dockerignore': '.git\n',
      '.dockerignore': 'bin/\n',
      '.github/workflows/image.yml': [
        'on: push',
        'jobs:',
        '  image:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - uses: actions/checkout@v4',
        '      - run: docker build -f services/api/Dockerfile .',
      ].join('\n'),
    });
    expect(result.status).toBe('fail');
    expect(result.locations?.[0].path).toBe('.dockerignore');
  });
});

describe('docker-context-ignore with a default Dockerfile name', () => {
  it('finds the Dockerfile of a context built without -f', () => {
    const result = evaluate({
      'services/api/Dockerfile': BUILD,
      'services/api/.dockerignore': '.git\n',
      '.github/workflows/image.yml': [
        'on: push',
        'jobs:',
        '  image:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - uses: actions/checkout@v4',
        '      - uses: docker/build-push-action@v6',
        '        with:',
        '          context: ./services/api',
      ].join('\n'),
    });
    expect(result.status).toBe('pass');
    expect(result.notes).toBeUndefined();
  });
});
