import { snapshotFromFiles } from '../../snapshot/RepositorySnapshot';
import { buildGoModel } from '../go';
import { buildDockerModel } from '.';

function model(files: Parameters<typeof snapshotFromFiles>[0]) {
  const snapshot = snapshotFromFiles(files);
  return buildDockerModel(snapshot, buildGoModel(snapshot));
}

describe('buildDockerModel', () => {
  it('finds Dockerfiles by their usual names and skips node_modules', () => {
    const result = model({
      Dockerfile: 'FROM scratch\n',
      'Dockerfile.dev': 'FROM scratch\n',
      'deploy/api.Dockerfile': 'FROM scratch\n',
      Containerfile: 'FROM scratch\n',
      'web/node_modules/pkg/Dockerfile': 'FROM scratch\n',
      'README.md': '# Dockerfile\n',
    });
    expect(result.dockerfiles.map(d => d.path)).toEqual([
      'Containerfile',
      'Dockerfile',
      'Dockerfile.dev',
      'deploy/api.Dockerfile',
    ]);
  });

  it('reads .dockerignore files, and Dockerfile-specific ones, apart from Dockerfiles', () => {
    const result = model({
      Dockerfile: 'FROM scratch\n',
      '.dockerignore': '.git\n',
      'Dockerfile.dockerignore': 'bin\n',
    });
    expect(result.dockerfiles.map(d => d.path)).toEqual(['Dockerfile']);
    expect(result.dockerignores.map(i => [i.path, i.forDockerfile])).toEqual([
      ['.dockerignore', undefined],
      ['Dockerfile.dockerignore', 'Dockerfile'],
    ]);
  });

  it('keeps an error for files it cannot parse instead of throwing', () => {
    const result = model({
      Dockerfile: { kind: 'too-large', size: 5_000_000 },
      'b/Dockerfile': 'FROM golang\u0000',
      '.dockerignore': { kind: 'unavailable', reason: 'GitHub answered 403' },
    });
    expect(result.dockerfiles.map(d => d.error)).toEqual([
      'the file is too large to parse (5000000 bytes)',
      'the file is binary',
    ]);
    expect(result.dockerignores[0].error).toBe(
      'the file could not be read: GitHub answered 403',
    );
  });
});
