import type { Entity } from '@backstage/catalog-model';
import { Octokit } from '@octokit/rest';
import {
  isPolicyInput,
  scanSnapshot,
  snapshotFromFiles,
} from '@go-build-policy/plugin-go-build-policy-node';
import type { ScanStore } from '../src/database/ScanStore';
import { entityInfo } from '../src/scanning/entityInfo';
import { ScanOutcome } from '../src/scanning/ScanOutcome';

/**
 * The baseline the benchmark compares with: what a scanner written without care for the
 * rate limit does. It lists the tree (a courtesy: a truly naive one walks directories
 * through the contents API), then fetches every policy file through the contents API,
 * with no conditional requests, no cache and no skip of unchanged repositories. It runs
 * behind the same queue, worker and store as ours, so only the GitHub strategy differs.
 */
export class NaiveScanner {
  constructor(
    private readonly octokit: Octokit,
    private readonly store: ScanStore,
  ) {}

  async scan(entity: Entity): Promise<ScanOutcome> {
    const [owner, repo] =
      entity.metadata.annotations!['github.com/project-slug'].split('/');
    const startedAt = new Date();
    let requests = 0;
    const get = async (route: string, params: Record<string, string>) => {
      requests += 1;
      return (await this.octokit.request(route, params)).data as any;
    };
    const meta = await get('GET /repos/{owner}/{repo}', { owner, repo });
    const tree = await get('GET /repos/{owner}/{repo}/git/trees/{tree_sha}', {
      owner,
      repo,
      tree_sha: meta.default_branch,
      recursive: '1',
    });
    const files: Record<string, string> = {};
    const paths: string[] = [];
    for (const entry of tree.tree) {
      if (entry.type !== 'blob') continue;
      paths.push(entry.path);
      if (!isPolicyInput(entry.path)) continue;
      const file = await get('GET /repos/{owner}/{repo}/contents/{path}', {
        owner,
        repo,
        path: entry.path,
      });
      files[entry.path] = Buffer.from(file.content ?? '', 'base64').toString(
        'utf8',
      );
    }
    const result = scanSnapshot(
      snapshotFromFiles(files, { extraPaths: paths }),
    );
    const cost = { requests, rateLimitPoints: requests };
    const { scanId } = await this.store.recordScan({
      entity: entityInfo(entity),
      repository: {
        host: 'naive',
        owner,
        name: repo,
        defaultBranch: meta.default_branch,
        commitSha: tree.sha,
      },
      result,
      policyFingerprint: 'naive',
      cost,
      timings: { startedAt, finishedAt: new Date() },
    });
    return { kind: 'scanned', scanId, cost };
  }
}
