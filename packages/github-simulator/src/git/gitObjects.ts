import { createHash } from 'node:crypto';

/** A git object id: 40 lowercase hex characters (SHA-1). */
export type GitSha = string;

/** Mode strings exactly as git writes them into tree objects. */
export type GitFileMode = '100644' | '100755' | '040000';

export interface GitTreeEntry {
  name: string;
  mode: GitFileMode;
  type: 'blob' | 'tree';
  sha: GitSha;
  /** Byte size, for blobs only. */
  size?: number;
}

export interface GitSignature {
  name: string;
  email: string;
  /** Seconds since the epoch. */
  timestamp: number;
}

export interface GitCommitFields {
  tree: GitSha;
  parents: GitSha[];
  author: GitSignature;
  committer: GitSignature;
  message: string;
}

/** Hashes `<type> <len>\0<content>` the way `git hash-object` does. */
export function hashGitObject(
  type: 'blob' | 'tree' | 'commit',
  content: Buffer,
): GitSha {
  return createHash('sha1')
    .update(`${type} ${content.length}\0`)
    .update(content)
    .digest('hex');
}

export function hashBlob(content: Buffer): GitSha {
  return hashGitObject('blob', content);
}

/**
 * Git sorts tree entries by name, comparing a subtree's name as if it ended
 * with "/": that is why "a.go" sorts before the folder "a" + "/".
 */
function treeSortKey(entry: GitTreeEntry): Buffer {
  return Buffer.from(entry.type === 'tree' ? `${entry.name}/` : entry.name);
}

export function sortTreeEntries(entries: GitTreeEntry[]): GitTreeEntry[] {
  return [...entries].sort((a, b) =>
    Buffer.compare(treeSortKey(a), treeSortKey(b)),
  );
}

/** Serialises a tree object (entries are sorted here) and returns its id. */
export function hashTree(entries: GitTreeEntry[]): GitSha {
  const parts: Buffer[] = [];
  for (const entry of sortTreeEntries(entries)) {
    // Git writes directory modes without the leading zero.
    const mode = entry.mode === '040000' ? '40000' : entry.mode;
    parts.push(Buffer.from(`${mode} ${entry.name}\0`));
    parts.push(Buffer.from(entry.sha, 'hex'));
  }
  return hashGitObject('tree', Buffer.concat(parts));
}

function formatSignature(signature: GitSignature): string {
  return `${signature.name} <${signature.email}> ${signature.timestamp} +0000`;
}

export function serialiseCommit(fields: GitCommitFields): Buffer {
  const lines = [`tree ${fields.tree}`];
  for (const parent of fields.parents) {
    lines.push(`parent ${parent}`);
  }
  lines.push(`author ${formatSignature(fields.author)}`);
  lines.push(`committer ${formatSignature(fields.committer)}`);
  const message = fields.message.endsWith('\n')
    ? fields.message
    : `${fields.message}\n`;
  return Buffer.from(`${lines.join('\n')}\n\n${message}`);
}

export function hashCommit(fields: GitCommitFields): GitSha {
  return hashGitObject('commit', serialiseCommit(fields));
}
