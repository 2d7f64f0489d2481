import type { CacheService } from '@backstage/backend-plugin-api';
import { GithubHostClient } from './GithubHostClient';
import { GithubFailure, GithubResult } from './GithubFailure';
import { TreeFile } from './RepositoryCoordinates';
import { ScanCostMeter } from './ScanCostMeter';

interface TreeEntry {
  path: string;
  type: 'blob' | 'tree' | 'commit';
  sha: string;
  size?: number;
}

interface TreeResponse {
  tree?: TreeEntry[];
  truncated?: boolean;
}

export interface TreeReadOptions {
  owner: string;
  name: string;
  commitSha: string;
  /** Whether a directory can hold files the rules read; others are not walked on truncation. */
  isRelevantDirectory: (path: string) => boolean;
  /** Upper bound on tree requests when a truncated tree is walked folder by folder. */
  maxTreeRequests?: number;
}

/** Directories that never hold policy inputs worth a request (vendor keeps modules.txt only). */
const NOISE_DIRECTORIES = new Set(['node_modules', '.git', 'testdata']);

class TreeWalker {
  private requests = 0;

  constructor(
    private readonly client: GithubHostClient,
    private readonly options: TreeReadOptions,
    private readonly meter: ScanCostMeter,
  ) {}

  /** Adds the files below `treeSha` (at `prefix`) to `files`; returns a failure or undefined. */
  async walk(
    treeSha: string,
    prefix: string,
    files: TreeFile[],
  ): Promise<GithubFailure | undefined> {
    const recursive = await this.list(treeSha, true);
    if (!recursive.ok) return recursive.failure;
    if (!recursive.data.truncated) {
      addFiles(recursive.data.tree ?? [], prefix, files);
      return undefined;
    }
    const level = await this.list(treeSha, false);
    if (!level.ok) return level.failure;
    for (const entry of level.data.tree ?? []) {
      const path = `${prefix}${entry.path}`;
      if (entry.type === 'blob') files.push(toFile(path, entry));
      if (entry.type !== 'tree' || !this.shouldDescend(path)) continue;
      const failure = await this.walk(entry.sha, `${path}/`, files);
      if (failure) return failure;
    }
    return undefined;
  }

  private shouldDescend(path: string): boolean {
    const name = path.slice(path.lastIndexOf('/') + 1);
    return (
      !NOISE_DIRECTORIES.has(name) && this.options.isRelevantDirectory(path)
    );
  }

  private async list(
    treeSha: string,
    recursive: boolean,
  ): Promise<GithubResult<TreeResponse>> {
    this.requests += 1;
    if (this.requests > (this.options.maxTreeRequests ?? 200)) {
      return {
        ok: false,
        failure: {
          kind: 'unexpected',
          message: `The tree is too large to walk within ${
            this.options.maxTreeRequests ?? 200
          } requests`,
        },
      };
    }
    const params: Record<string, string> = {
      owner: this.options.owner,
      repo: this.options.name,
      tree_sha: treeSha,
    };
    if (recursive) params.recursive = '1';
    const result = await this.client.get<TreeResponse>(
      '/repos/{owner}/{repo}/git/trees/{tree_sha}',
      params,
      this.meter,
    );
    if (result.ok && !Array.isArray(result.data.tree)) {
      return {
        ok: false,
        failure: {
          kind: 'unexpected',
          message: 'GitHub answered a tree request without entries',
        },
      };
    }
    return result;
  }
}

/**
 * The files of a commit. One recursive tree request in the usual case; GitHub truncates
 * recursive trees past 100,000 entries or 7 MB, and then the relevant folders are walked
 * one by one (each again recursively first), skipping folders that cannot matter. Trees
 * of a commit never change, so the listing is cached by commit SHA.
 */
export async function readRepositoryTree(
  client: GithubHostClient,
  cache: CacheService,
  options: TreeReadOptions,
  meter: ScanCostMeter,
): Promise<GithubResult<TreeFile[]>> {
  const cacheKey = `tree:${client.host}:${options.owner}/${options.name}:${options.commitSha}`;
  const cached = await cache.get<any>(cacheKey).catch(() => undefined);
  if (Array.isArray(cached)) {
    return {
      ok: true,
      data: cached as TreeFile[],
      notModified: true,
      url: cacheKey,
    };
  }
  const walker = new TreeWalker(client, options, meter);
  const files: TreeFile[] = [];
  const walked = await walker.walk(options.commitSha, '', files);
  if (walked) return { ok: false, failure: walked };
  // A listing per commit: kept a day, so memory does not grow with every push.
  await cache.set(cacheKey, files as any, { ttl: { days: 1 } }).catch(() => {});
  return { ok: true, data: files, notModified: false, url: cacheKey };
}

function addFiles(
  entries: TreeEntry[],
  prefix: string,
  files: TreeFile[],
): void {
  for (const entry of entries) {
    if (entry.type === 'blob')
      files.push(toFile(`${prefix}${entry.path}`, entry));
  }
}

function toFile(path: string, entry: TreeEntry): TreeFile {
  return entry.size === undefined
    ? { path, sha: entry.sha }
    : { path, sha: entry.sha, size: entry.size };
}
