/** Per-repository settings, as read from a fixture's `.simulator.json`. */
export interface RepoSettings {
  defaultBranch?: string;
  archived?: boolean;
  private?: boolean;
  /** An empty repository has no commits: git endpoints answer 409. */
  empty?: boolean;
  /** The repository's new `owner/name`; requests to this one answer 301. */
  renamedTo?: string;
  description?: string;
  topics?: string[];
  /** ISO 8601 time of the last push; also dates the fixture's commit. */
  pushedAt?: string;
  /** Primary language GitHub would detect. */
  language?: string;
  /** Recursive tree listings above this many entries come back truncated. */
  truncateTreesOver?: number;
  ownerType?: 'Organization' | 'User';
}

/** A repository given as data, for tests and benchmarks. */
export interface InMemoryRepo {
  owner: string;
  name: string;
  /** Path (slash-separated, relative to the root) to file content. */
  files: Record<string, string | Buffer>;
  settings?: RepoSettings;
}

/** A file edit for a new commit: `null` deletes the path. */
export type FileChanges = Record<string, string | Buffer | null>;
