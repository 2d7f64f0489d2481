import { createHash } from 'node:crypto';
import { GitSha } from '../git/gitObjects';
import { SimulatedRepository } from './SimulatedRepository';
import { FileChanges, InMemoryRepo, RepoSettings } from './types';

export type RepoLookup =
  | { kind: 'found'; repo: SimulatedRepository }
  | { kind: 'moved'; repo: SimulatedRepository }
  | { kind: 'missing' };

function keyOf(owner: string, name: string): string {
  return `${owner}/${name}`.toLowerCase();
}

function splitFullName(fullName: string): [string, string] {
  const [owner, name, ...rest] = fullName.split('/');
  if (!owner || !name || rest.length > 0) {
    throw new Error(`Expected 'owner/name', got '${fullName}'`);
  }
  return [owner, name];
}

/** Stable ids from names, so URLs such as /repositories/{id} survive restarts. */
function idFromName(fullName: string): number {
  const digest = createHash('sha1').update(fullName.toLowerCase()).digest();
  return 100_000_000 + (digest.readUInt32BE(0) % 800_000_000);
}

/**
 * All simulated repositories, by name (case-insensitive, like GitHub), with
 * the old names of renamed repositories kept as redirects.
 */
export class RepoRegistry {
  private readonly byName = new Map<string, SimulatedRepository>();
  private readonly byId = new Map<number, SimulatedRepository>();
  private readonly redirects = new Map<string, SimulatedRepository>();

  /** Adds (or replaces) a repository; `renamedTo` serves it under its new name. */
  add(input: InMemoryRepo): SimulatedRepository {
    const { renamedTo, ...settings } = input.settings ?? {};
    const [owner, name] = renamedTo
      ? splitFullName(renamedTo)
      : [input.owner, input.name];
    this.remove(owner, name);
    let id = idFromName(`${input.owner}/${input.name}`);
    while (this.byId.has(id)) id += 1;
    const repo = new SimulatedRepository({
      owner,
      name,
      id,
      files: input.files,
      settings,
    });
    this.byName.set(keyOf(owner, name), repo);
    this.byId.set(id, repo);
    if (renamedTo) this.redirects.set(keyOf(input.owner, input.name), repo);
    return repo;
  }

  lookup(owner: string, name: string): RepoLookup {
    const key = keyOf(owner, name);
    const repo = this.byName.get(key);
    if (repo) return { kind: 'found', repo };
    const moved = this.redirects.get(key);
    if (moved && this.byId.get(moved.id) === moved)
      return { kind: 'moved', repo: moved };
    return { kind: 'missing' };
  }

  get(owner: string, name: string): SimulatedRepository | undefined {
    return this.byName.get(keyOf(owner, name));
  }

  getById(id: number): SimulatedRepository | undefined {
    return this.byId.get(id);
  }

  /** Repositories of one owner (any owner when omitted), sorted by name. */
  list(owner?: string): SimulatedRepository[] {
    const all = [...this.byName.values()].filter(
      repo => !owner || repo.owner.toLowerCase() === owner.toLowerCase(),
    );
    return all.sort((a, b) => a.fullName.localeCompare(b.fullName));
  }

  owners(): string[] {
    return [
      ...new Set([...this.byName.values()].map(repo => repo.owner)),
    ].sort();
  }

  /** Deletes a repository: its name and old names answer 404 afterwards. */
  remove(owner: string, name: string): boolean {
    const repo = this.byName.get(keyOf(owner, name));
    if (!repo) return false;
    this.byName.delete(keyOf(owner, name));
    this.byId.delete(repo.id);
    for (const [oldName, target] of this.redirects) {
      if (target === repo) this.redirects.delete(oldName);
    }
    return true;
  }

  /** Renames like GitHub: the old name redirects (301) to the new one. */
  rename(
    owner: string,
    name: string,
    newFullName: string,
  ): SimulatedRepository {
    const repo = this.require(owner, name);
    const [newOwner, newName] = splitFullName(newFullName);
    if (this.byName.has(keyOf(newOwner, newName))) {
      throw new Error(`Repository ${newFullName} already exists`);
    }
    this.byName.delete(keyOf(owner, name));
    this.redirects.set(keyOf(owner, name), repo);
    repo.owner = newOwner;
    repo.name = newName;
    this.byName.set(keyOf(newOwner, newName), repo);
    this.redirects.delete(keyOf(newOwner, newName));
    return repo;
  }

  updateSettings(
    owner: string,
    name: string,
    settings: RepoSettings,
  ): SimulatedRepository {
    const repo = this.require(owner, name);
    const { renamedTo, empty, ...rest } = settings;
    Object.assign(repo.settings, rest);
    if (empty) repo.makeEmpty();
    if (renamedTo) this.rename(owner, name, renamedTo);
    return repo;
  }

  archive(owner: string, name: string, archived = true): SimulatedRepository {
    return this.updateSettings(owner, name, { archived });
  }

  empty(owner: string, name: string): SimulatedRepository {
    return this.updateSettings(owner, name, { empty: true });
  }

  /** Commits file edits to the default branch; returns the new head. */
  editFiles(
    owner: string,
    name: string,
    changes: FileChanges,
    message = 'Update files',
  ): GitSha {
    return this.require(owner, name).commitChanges(changes, message);
  }

  private require(owner: string, name: string): SimulatedRepository {
    const repo = this.get(owner, name);
    if (!repo) throw new Error(`No repository ${owner}/${name}`);
    return repo;
  }
}
