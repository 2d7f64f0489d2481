/** Where a catalog entity's Go code lives on GitHub. */
export interface RepositoryCoordinates {
  /** Integration host, e.g. `github.com` or `ghe.example.com`. */
  host: string;
  owner: string;
  name: string;
  /** Repo-relative directory of the module (`go-build-policy/module-root`), no slashes around. */
  moduleRoot?: string;
}

/** The repository's state at its default branch head. */
export interface RepositoryHead {
  owner: string;
  name: string;
  defaultBranch: string;
  archived: boolean;
  /** `owner/name` the entity pointed at, when GitHub redirected to a new name. */
  renamedFrom?: string;
  commitSha: string;
  /** Private repositories may hold private modules; used by module learning. */
  private: boolean;
}

/** One file of the git tree. */
export interface TreeFile {
  path: string;
  /** Blob SHA: the content's identity, so a cache key that never goes stale. */
  sha: string;
  size?: number;
}
