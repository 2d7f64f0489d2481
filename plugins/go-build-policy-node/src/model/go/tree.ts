import { RepositorySnapshot } from '../../snapshot/RepositorySnapshot';

/** Directory of a repository path ('' for a file at the root). */
export function dirOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash);
}

/** `dir` joined with a relative name, posix style ('' is the root). */
export function joinRepoPath(dir: string, name: string): string {
  return dir ? `${dir}/${name}` : name;
}

/**
 * The tree's paths indexed once per scan: file lookups and "does any file lie under this
 * directory" in constant time, so resolving replaces and bot directories stays linear.
 */
export class TreeIndex {
  private readonly files: Set<string>;
  private readonly directories = new Set<string>(['']);

  constructor(readonly snapshot: RepositorySnapshot) {
    this.files = new Set(snapshot.paths);
    for (const path of snapshot.paths) {
      for (
        let dir = dirOf(path);
        dir && !this.directories.has(dir);
        dir = dirOf(dir)
      ) {
        this.directories.add(dir);
      }
    }
  }

  hasFile(path: string): boolean {
    return this.files.has(path);
  }

  hasDirectory(dir: string): boolean {
    return this.directories.has(dir);
  }

  /** Every directory of the tree that holds at least one file below it ('' included). */
  allDirectories(): Iterable<string> {
    return this.directories;
  }
}
