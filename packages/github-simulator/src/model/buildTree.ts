import {
  GitSha,
  GitTreeEntry,
  hashBlob,
  hashTree,
  sortTreeEntries,
} from '../git/gitObjects';

export interface BlobObject {
  kind: 'blob';
  content: Buffer;
}

export interface TreeObject {
  kind: 'tree';
  entries: GitTreeEntry[];
}

/** Objects of one snapshot, keyed by git id. */
export type ObjectStore = Map<GitSha, BlobObject | TreeObject>;

interface FolderNode {
  files: Map<string, Buffer>;
  folders: Map<string, FolderNode>;
}

function emptyFolder(): FolderNode {
  return { files: new Map(), folders: new Map() };
}

export function normaliseFilePath(path: string): string | undefined {
  const parts = path.split('/').filter(part => part !== '' && part !== '.');
  if (parts.length === 0 || parts.some(part => part === '..')) {
    return undefined;
  }
  return parts.join('/');
}

function insertFile(root: FolderNode, path: string, content: Buffer) {
  const parts = path.split('/');
  let node = root;
  for (const part of parts.slice(0, -1)) {
    let child = node.folders.get(part);
    if (!child) {
      child = emptyFolder();
      node.folders.set(part, child);
    }
    node = child;
  }
  node.files.set(parts[parts.length - 1], content);
}

function writeFolder(node: FolderNode, store: ObjectStore): GitSha {
  const entries: GitTreeEntry[] = [];
  for (const [name, content] of node.files) {
    const sha = hashBlob(content);
    store.set(sha, { kind: 'blob', content });
    entries.push({
      name,
      mode: '100644',
      type: 'blob',
      sha,
      size: content.length,
    });
  }
  for (const [name, child] of node.folders) {
    entries.push({
      name,
      mode: '040000',
      type: 'tree',
      sha: writeFolder(child, store),
    });
  }
  const sorted = sortTreeEntries(entries);
  const sha = hashTree(sorted);
  store.set(sha, { kind: 'tree', entries: sorted });
  return sha;
}

/**
 * Turns a flat file map into git blobs and trees, adding them to `store`.
 * Returns the root tree id: equal content always gives an equal id.
 */
export function buildTree(
  files: ReadonlyMap<string, Buffer>,
  store: ObjectStore,
): GitSha {
  const root = emptyFolder();
  for (const [path, content] of files) {
    insertFile(root, path, content);
  }
  return writeFolder(root, store);
}
