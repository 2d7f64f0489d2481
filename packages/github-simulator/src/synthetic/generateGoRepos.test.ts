import { RepoRegistry } from '../model/RepoRegistry';
import { generateGoRepos } from './generateGoRepos';

describe('generateGoRepos', () => {
  it('is deterministic for a seed', () => {
    const first = new RepoRegistry();
    const second = new RepoRegistry();
    for (const repo of generateGoRepos({ count: 20, seed: 7 })) first.add(repo);
    for (const repo of generateGoRepos({ count: 20, seed: 7 }))
      second.add(repo);
    expect(second.list().map(repo => repo.headCommit!.sha)).toEqual(
      first.list().map(repo => repo.headCommit!.sha),
    );
  });

  it('varies workflows, Dockerfiles, private requirements and monorepos across 1,000 repositories', () => {
    const repos = generateGoRepos({ count: 1000 });
    expect(new Set(repos.map(repo => repo.name)).size).toBe(1000);
    const has = (
      predicate: (files: Record<string, string | Buffer>) => boolean,
    ) => repos.filter(repo => predicate(repo.files)).length;
    expect(has(files => 'go.work' in files)).toBeGreaterThan(50);
    expect(has(files => 'Dockerfile' in files)).toBeGreaterThan(300);
    expect(
      has(files =>
        String(files['go.mod'] ?? '').includes('github.com/bench/platform-kit'),
      ),
    ).toBeGreaterThan(100);
    expect(
      has(files =>
        String(files['.github/workflows/ci.yml']).includes('github.sha'),
      ),
    ).toBeGreaterThan(50);
    expect(
      has(files =>
        String(files['.github/workflows/ci.yml']).includes('setup-go@v5'),
      ),
    ).toBeGreaterThan(300);
  });
});
