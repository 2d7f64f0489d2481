import {
  isDockerfileName,
  isPolicyInput,
  MAX_PARSED_FILE_BYTES,
  snapshotFromFiles,
} from './RepositorySnapshot';

describe('isPolicyInput', () => {
  it.each([
    '.github/workflows/ci.yml',
    '.github/workflows/release.yaml',
    '.github/actions/setup/action.yml',
    '.github/actions/go/setup/action.yaml',
    'Dockerfile',
    'build/Dockerfile',
    'Dockerfile.release',
    'api.Dockerfile',
    'Containerfile',
    '.dockerignore',
    'go.mod',
    'services/api/go.mod',
    'go.work',
    'vendor/modules.txt',
    'services/api/vendor/modules.txt',
    '.go-version',
    '.tool-versions',
    '.github/dependabot.yml',
    'renovate.json',
    '.github/renovate.json5',
    '.renovaterc',
    'Makefile',
    'GNUmakefile',
    'makefile',
  ])('reads %s', path => {
    expect(isPolicyInput(path)).toBe(true);
  });

  it.each([
    'main.go',
    'go.sum',
    'README.md',
    '.github/workflows/nested/ci.yml',
    '.github/workflows/ci.json',
    'vendor/github.com/x/y/go.mod',
    'services/Makefile',
    'node_modules/pkg/Dockerfile',
    'docs/dependabot.yml',
  ])('lists %s without reading it', path => {
    expect(isPolicyInput(path)).toBe(false);
  });
});

describe('isDockerfileName', () => {
  it('recognises the usual Dockerfile and Containerfile names in any folder', () => {
    expect(isDockerfileName('deploy/api/Dockerfile')).toBe(true);
    expect(isDockerfileName('worker.Dockerfile')).toBe(true);
    expect(isDockerfileName('Containerfile.dev')).toBe(true);
    expect(isDockerfileName('Dockerfile-alpine')).toBe(true);
    expect(isDockerfileName('docker-compose.yml')).toBe(false);
    expect(isDockerfileName('MyDockerfileNotes.txt')).toBe(false);
  });
});

describe('snapshotFromFiles', () => {
  it('lists paths sorted and once, including paths without contents', () => {
    const snapshot = snapshotFromFiles(
      { 'go.mod': 'module a\n', Dockerfile: 'FROM scratch\n' },
      { extraPaths: ['main.go', 'go.mod', 'cmd/a/main.go'] },
    );
    expect(snapshot.paths).toEqual([
      'Dockerfile',
      'cmd/a/main.go',
      'go.mod',
      'main.go',
    ]);
  });

  it('gives text for given strings, unavailable for listed-only paths, undefined outside the tree', () => {
    const snapshot = snapshotFromFiles(
      { 'go.mod': 'module a\n' },
      { extraPaths: ['main.go'] },
    );
    expect(snapshot.file('go.mod')).toEqual({
      kind: 'text',
      text: 'module a\n',
    });
    expect(snapshot.file('main.go')).toEqual({
      kind: 'unavailable',
      reason: 'not read by the source',
    });
    expect(snapshot.file('missing.go')).toBeUndefined();
  });

  it('keeps non-text kinds as given', () => {
    const snapshot = snapshotFromFiles({
      Dockerfile: { kind: 'binary' },
      'go.mod': { kind: 'too-large', size: MAX_PARSED_FILE_BYTES + 1 },
    });
    expect(snapshot.file('Dockerfile')).toEqual({ kind: 'binary' });
    expect(snapshot.file('go.mod')).toEqual({
      kind: 'too-large',
      size: MAX_PARSED_FILE_BYTES + 1,
    });
  });

  it('carries the commit it was taken at', () => {
    expect(snapshotFromFiles({}, { commitSha: 'abc123' }).commitSha).toBe(
      'abc123',
    );
  });
});
