import type { CacheService } from '@backstage/backend-plugin-api';
import {
  MAX_PARSED_FILE_BYTES,
  SnapshotFile,
} from '@go-build-policy/plugin-go-build-policy-node';
import { GithubHostClient } from './GithubHostClient';
import { GithubFailure, isTransient } from './GithubFailure';
import { TreeFile } from './RepositoryCoordinates';
import { ScanCostMeter } from './ScanCostMeter';

// Blob contents never change for a SHA; the TTL only bounds memory in the default cache.
const BLOB_TTL = { days: 7 };

interface BlobResponse {
  content?: string;
  encoding?: string;
  size?: number;
}

type CachedBlob = { text: string } | { binary: true };

export interface PolicyFilesResult {
  files: Record<string, SnapshotFile>;
  /** Blobs read from GitHub (the rest came from the cache or were too large). */
  fetchedBlobs: number;
}

/**
 * Reads the contents of the given files through the git blobs API (which, unlike the
 * contents API, serves files over 1 MB). A blob's content never changes, so it is cached
 * by SHA and shared by every repository and commit holding the same file. A transient
 * failure (rate limit, GitHub down) aborts, so that the scan is retried instead of
 * storing findings built on missing files; other failures mark the one file unavailable.
 */
export async function readPolicyFiles(
  client: GithubHostClient,
  cache: CacheService,
  repository: { owner: string; name: string },
  wanted: readonly TreeFile[],
  meter: ScanCostMeter,
  concurrency = 4,
): Promise<
  { ok: true; data: PolicyFilesResult } | { ok: false; failure: GithubFailure }
> {
  const files: Record<string, SnapshotFile> = {};
  let fetchedBlobs = 0;
  let abort: GithubFailure | undefined;
  const queue = [...wanted];
  const worker = async () => {
    for (let file = queue.shift(); file && !abort; file = queue.shift()) {
      if (file.size !== undefined && file.size > MAX_PARSED_FILE_BYTES) {
        files[file.path] = { kind: 'too-large', size: file.size };
        continue;
      }
      const cacheKey = `blob:${file.sha}`;
      const cached = await cache.get<any>(cacheKey).catch(() => undefined);
      if (cached) {
        files[file.path] = fromCache(cached as CachedBlob);
        continue;
      }
      const blob = await client.get<BlobResponse>(
        '/repos/{owner}/{repo}/git/blobs/{file_sha}',
        { owner: repository.owner, repo: repository.name, file_sha: file.sha },
        meter,
      );
      if (!blob.ok) {
        if (isTransient(blob.failure)) abort = blob.failure;
        files[file.path] = {
          kind: 'unavailable',
          reason: blob.failure.message,
        };
        continue;
      }
      fetchedBlobs += 1;
      const decoded = decodeBlob(blob.data);
      if (decoded.kind === 'text') {
        await cache
          .set(cacheKey, { text: decoded.text }, { ttl: BLOB_TTL })
          .catch(() => {});
      } else if (decoded.kind === 'binary') {
        await cache
          .set(cacheKey, { binary: true }, { ttl: BLOB_TTL })
          .catch(() => {});
      }
      files[file.path] = decoded;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  if (abort) return { ok: false, failure: abort };
  return { ok: true, data: { files, fetchedBlobs } };
}

function fromCache(cached: CachedBlob): SnapshotFile {
  return 'text' in cached
    ? { kind: 'text', text: cached.text }
    : { kind: 'binary' };
}

/** Turns a blob answer into snapshot content: text, binary (NUL bytes) or too large. */
export function decodeBlob(blob: BlobResponse): SnapshotFile {
  if (typeof blob.content !== 'string') {
    return {
      kind: 'unavailable',
      reason: 'GitHub answered without the blob content',
    };
  }
  const bytes =
    blob.encoding === 'base64'
      ? Buffer.from(blob.content, 'base64')
      : Buffer.from(blob.content, 'utf8');
  if (bytes.length > MAX_PARSED_FILE_BYTES)
    return { kind: 'too-large', size: bytes.length };
  if (bytes.includes(0)) return { kind: 'binary' };
  return { kind: 'text', text: bytes.toString('utf8') };
}
