import { GitSha, GitSignature, hashBlob, hashCommit } from '../git/gitObjects';
import {
  BlobObject,
  ObjectStore,
  TreeObject,
  buildTree,
  normaliseFilePath,
} from './buildTree';
import { PullRequestRecord } from './pullRequests';
import { FileChanges, RepoSettings } from './types';

export interface CommitRecord {
  sha: GitSha;
  tree: GitSha;
  parents: GitSha[];
  message: string;
  author: GitSignature;
}

/** The first commit of every fixture is dated here unless `pushedAt` says otherwise. */
const DEFAULT_FIRST_COMMIT_TIME = Date.parse('2026-01-05T09:00:00Z') / 1000;
/** Later commits are an hour apart, so history stays deterministic. */
const COMMIT_INTERVAL_SECONDS = 3600;
const FIXTURE_AUTHOR = {
  name: 'Acme Fixtures',
  email: 'fixtures@acme.example',
};

function toBuffer(content: string | Buffer): Buffer {
  return typeof content === 'string' ? Buffer.from(content) : content;
}

/** One repository's state: settings, files, git objects and history. */
export class SimulatedRepository {
  owner: string;
  name: string;
  readonly id: number;
  readonly createdAt: string;
  settings: RepoSettings;
  private files = new Map<string, Buffer>();
  private readonly objects: ObjectStore = new Map();
  private readonly commits = new Map<GitSha, CommitRecord>();
  private head: GitSha | undefined;
  /** Branches besides the default one (created through the git refs API). */
  private readonly branches = new Map<string, GitSha>();
  /** Pull requests, numbered from 1 in the order they were opened. */
  readonly pulls: PullRequestRecord[] = [];

  constructor(options: {
    owner: string;
    name: string;
    id: number;
    files: Record<string, string | Buffer>;
    settings?: RepoSettings;
  }) {
    this.owner = options.owner;
    this.name = options.name;
    this.id = options.id;
    this.settings = { ...options.settings };
    this.createdAt = new Date(
      DEFAULT_FIRST_COMMIT_TIME * 1000 - 86400_000 * 30,
    ).toISOString();
    if (!this.settings.empty) {
      this.commitChanges(
        options.files,
        'Initial import',
        this.firstCommitTime(),
      );
    }
  }

  get fullName(): string {
    return `${this.owner}/${this.name}`;
  }

  get defaultBranch(): string {
    return this.settings.defaultBranch ?? 'main';
  }

  get isEmpty(): boolean {
    return this.head === undefined;
  }

  get headCommit(): CommitRecord | undefined {
    return this.head ? this.commits.get(this.head) : undefined;
  }

  /** Bytes of all current files, in KB as GitHub's `size` reports it. */
  get sizeKb(): number {
    let total = 0;
    for (const content of this.files.values()) total += content.length;
    return Math.ceil(total / 1024);
  }

  get pushedAt(): string | undefined {
    const head = this.headCommit;
    return head
      ? new Date(head.author.timestamp * 1000).toISOString()
      : undefined;
  }

  /** Applies edits as a new commit on the default branch; returns its id. */
  commitChanges(
    changes: FileChanges,
    message: string,
    timestamp?: number,
  ): GitSha {
    const next = new Map(this.files);
    for (const [rawPath, content] of Object.entries(changes)) {
      const path = normaliseFilePath(rawPath);
      if (!path) throw new Error(`Invalid file path '${rawPath}'`);
      if (content === null) next.delete(path);
      else next.set(path, toBuffer(content));
    }
    const tree = buildTree(next, this.objects);
    const parent = this.headCommit;
    const when =
      timestamp ??
      (parent
        ? parent.author.timestamp + COMMIT_INTERVAL_SECONDS
        : this.firstCommitTime());
    const signature = { ...FIXTURE_AUTHOR, timestamp: when };
    const fields = {
      tree,
      parents: parent ? [parent.sha] : [],
      author: signature,
      committer: signature,
      message,
    };
    const sha = hashCommit(fields);
    this.commits.set(sha, {
      sha,
      tree,
      parents: fields.parents,
      message,
      author: signature,
    });
    this.files = next;
    this.head = sha;
    this.settings.empty = false;
    return sha;
  }

  /** The head of a branch (default or not), or undefined when there is no such branch. */
  branchHead(branch: string): CommitRecord | undefined {
    if (branch === this.defaultBranch) return this.headCommit;
    const sha = this.branches.get(branch);
    return sha ? this.commits.get(sha) : undefined;
  }

  /** Every branch name, the default one first. */
  branchNames(): string[] {
    if (this.isEmpty) return [];
    return [this.defaultBranch, ...[...this.branches.keys()].sort()];
  }

  /**
   * Points a branch at a stored commit, creating it if needed. Moving the default branch
   * also moves the files the repository reports (size, contents of HEAD).
   */
  setBranchHead(branch: string, sha: GitSha): void {
    const commit = this.commits.get(sha);
    if (!commit) throw new Error(`No commit ${sha} in ${this.fullName}`);
    if (branch !== this.defaultBranch) {
      this.branches.set(branch, sha);
      return;
    }
    this.files = this.filesOf(commit.tree);
    this.head = sha;
    this.settings.empty = false;
  }

  /** Deletes a branch other than the default one. */
  deleteBranch(branch: string): boolean {
    return this.branches.delete(branch);
  }

  /** Stores a blob and returns its id (equal content, equal id). */
  storeBlob(content: Buffer): GitSha {
    const sha = hashBlob(content);
    this.objects.set(sha, { kind: 'blob', content });
    return sha;
  }

  /** Stores the trees of a flat file map; returns the root tree id. */
  storeTree(files: ReadonlyMap<string, Buffer>): GitSha {
    return buildTree(files, this.objects);
  }

  /** Stores a commit of an existing tree on existing parents. */
  storeCommit(fields: {
    tree: GitSha;
    parents: GitSha[];
    message: string;
    author: GitSignature;
  }): CommitRecord {
    const sha = hashCommit({ ...fields, committer: fields.author });
    const record: CommitRecord = { sha, ...fields };
    this.commits.set(sha, record);
    return record;
  }

  /** The files below a tree, by repo-relative path. */
  filesOf(treeSha: GitSha, prefix = ''): Map<string, Buffer> {
    const out = new Map<string, Buffer>();
    const tree = this.objects.get(treeSha);
    if (tree?.kind !== 'tree') return out;
    for (const entry of tree.entries) {
      const path = `${prefix}${entry.name}`;
      const object = this.objects.get(entry.sha);
      if (object?.kind === 'blob') out.set(path, object.content);
      else if (object?.kind === 'tree') {
        for (const [child, content] of this.filesOf(entry.sha, `${path}/`))
          out.set(child, content);
      }
    }
    return out;
  }

  /** Drops every commit: the repository answers as GitHub does for an empty one. */
  makeEmpty(): void {
    this.files = new Map();
    this.head = undefined;
    this.branches.clear();
    this.settings.empty = true;
  }

  /** Resolves a branch name, `HEAD`, a full or abbreviated commit id. */
  resolveCommit(ref: string): CommitRecord | undefined {
    if (!this.head) return undefined;
    const branch = ref.replace(/^refs\/heads\//, '').replace(/^heads\//, '');
    if (ref === 'HEAD' || branch === this.defaultBranch) return this.headCommit;
    const branchHead = this.branches.get(branch);
    if (branchHead) return this.commits.get(branchHead);
    const exact = this.commits.get(ref.toLowerCase());
    if (exact) return exact;
    if (/^[0-9a-f]{7,39}$/i.test(ref)) {
      for (const commit of this.commits.values()) {
        if (commit.sha.startsWith(ref.toLowerCase())) return commit;
      }
    }
    return undefined;
  }

  /** Commits reachable from the head, newest first. */
  history(from?: CommitRecord): CommitRecord[] {
    const out: CommitRecord[] = [];
    let current = from ?? this.headCommit;
    while (current) {
      out.push(current);
      current = current.parents[0]
        ? this.commits.get(current.parents[0])
        : undefined;
    }
    return out;
  }

  getObject(sha: string): BlobObject | TreeObject | undefined {
    return this.objects.get(sha.toLowerCase());
  }

  /** Finds the object at `path` inside the tree `treeSha` (empty path: the tree). */
  lookupPath(
    treeSha: GitSha,
    path: string,
  ): { sha: GitSha; object: BlobObject | TreeObject } | undefined {
    let sha = treeSha;
    let object = this.objects.get(sha);
    for (const part of path.split('/').filter(Boolean)) {
      if (!object || object.kind !== 'tree') return undefined;
      const entry = object.entries.find(candidate => candidate.name === part);
      if (!entry) return undefined;
      sha = entry.sha;
      object = this.objects.get(sha);
    }
    return object ? { sha, object } : undefined;
  }

  private firstCommitTime(): number {
    const pushed = this.settings.pushedAt
      ? Date.parse(this.settings.pushedAt)
      : NaN;
    return Number.isFinite(pushed)
      ? Math.floor(pushed / 1000)
      : DEFAULT_FIRST_COMMIT_TIME;
  }
}
