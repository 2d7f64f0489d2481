import { GitSha, GitSignature, hashCommit } from '../git/gitObjects';
import {
  BlobObject,
  ObjectStore,
  TreeObject,
  buildTree,
  normaliseFilePath,
} from './buildTree';
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

  /** Drops every commit: the repository answers as GitHub does for an empty one. */
  makeEmpty(): void {
    this.files = new Map();
    this.head = undefined;
    this.settings.empty = true;
  }

  /** Resolves a branch name, `HEAD`, a full or abbreviated commit id. */
  resolveCommit(ref: string): CommitRecord | undefined {
    if (!this.head) return undefined;
    const branch = ref.replace(/^refs\/heads\//, '').replace(/^heads\//, '');
    if (ref === 'HEAD' || branch === this.defaultBranch) return this.headCommit;
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
