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
 * The directory index is built on first use: many scans never ask for it.
 */
export class TreeIndex {
  private directories?: Set<string>;

  constructor(readonly snapshot: RepositorySnapshot) {}

  /** The snapshot answers this in constant time: `file()` is undefined only off the tree. */
  hasFile(path: string): boolean {
    return this.snapshot.file(path) !== undefined;
  }

  hasDirectory(dir: string): boolean {
    return this.directoryIndex().has(dir);
  }

  /** Every directory of the tree that holds at least one file below it ('' included). */
  allDirectories(): Iterable<string> {
    return this.directoryIndex();
  }

  private directoryIndex(): Set<string> {
    if (this.directories) return this.directories;
    const directories = new Set<string>(['']);
    for (const path of this.snapshot.paths) {
      for (
        let dir = dirOf(path);
        dir && !directories.has(dir);
        dir = dirOf(dir)
      ) {
        directories.add(dir);
      }
    }
    this.directories = directories;
    return directories;
  }
}
