import { GitSha } from '../git/gitObjects';
import type { CommitRecord, SimulatedRepository } from './SimulatedRepository';

/** Who opened or merged a pull request. */
export interface Actor {
  login: string;
  type: 'User' | 'Bot';
}

/** One pull request of a simulated repository (the head branch is in the same repository). */
export interface PullRequestRecord {
  number: number;
  title: string;
  body: string | null;
  /** Branch names. */
  head: string;
  base: string;
  draft: boolean;
  state: 'open' | 'closed';
  user: Actor;
  /** ISO 8601 times, second precision as GitHub writes them. */
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  mergedAt: string | null;
  mergedBy: Actor | null;
  mergeCommitSha: string | null;
}

export type MergeOutcome =
  | { ok: true; sha: GitSha }
  | { ok: false; status: 405 | 409; message: string };

export function githubTime(date = new Date()): string {
  return date.toISOString().replace(/\.\d+Z$/, 'Z');
}

function ancestors(repo: SimulatedRepository, from: CommitRecord): Set<GitSha> {
  const seen = new Set<GitSha>();
  const queue = [from.sha];
  for (let sha = queue.shift(); sha; sha = queue.shift()) {
    if (seen.has(sha)) continue;
    seen.add(sha);
    queue.push(...(repo.resolveCommit(sha)?.parents ?? []));
  }
  return seen;
}

/** The nearest common ancestor of two commits (breadth first from `b`). */
function mergeBase(
  repo: SimulatedRepository,
  a: CommitRecord,
  b: CommitRecord,
): CommitRecord | undefined {
  const ofA = ancestors(repo, a);
  const queue = [b.sha];
  const seen = new Set<GitSha>();
  for (let sha = queue.shift(); sha; sha = queue.shift()) {
    if (ofA.has(sha)) return repo.resolveCommit(sha);
    if (seen.has(sha)) continue;
    seen.add(sha);
    queue.push(...(repo.resolveCommit(sha)?.parents ?? []));
  }
  return undefined;
}

const same = (a: Buffer | undefined, b: Buffer | undefined) =>
  a === b || (a !== undefined && b !== undefined && a.equals(b));

/**
 * A file-level three-way merge: a path changed on one side only takes that side; a path
 * changed differently on both sides is a conflict (GitHub would merge lines; the
 * simulator's fixtures never need that).
 */
function mergeFiles(
  base: Map<string, Buffer>,
  ours: Map<string, Buffer>,
  theirs: Map<string, Buffer>,
): Map<string, Buffer> | undefined {
  const merged = new Map<string, Buffer>();
  const paths = new Set([...base.keys(), ...ours.keys(), ...theirs.keys()]);
  for (const path of paths) {
    const [b, o, t] = [base.get(path), ours.get(path), theirs.get(path)];
    let pick: Buffer | undefined;
    if (same(t, b) || same(o, t)) pick = o;
    else if (same(o, b)) pick = t;
    else return undefined;
    if (pick) merged.set(path, pick);
  }
  return merged;
}

/** Merges an open pull request into its base with a merge commit, as GitHub's default. */
export function mergePullRequest(
  repo: SimulatedRepository,
  pull: PullRequestRecord,
  actor: Actor,
): MergeOutcome {
  if (pull.state !== 'open')
    return { ok: false, status: 405, message: 'Pull Request is not mergeable' };
  const ours = repo.branchHead(pull.base);
  const theirs = repo.branchHead(pull.head);
  if (!ours || !theirs)
    return { ok: false, status: 405, message: 'Pull Request is not mergeable' };
  const base = mergeBase(repo, ours, theirs);
  const files = mergeFiles(
    base ? repo.filesOf(base.tree) : new Map(),
    repo.filesOf(ours.tree),
    repo.filesOf(theirs.tree),
  );
  if (!files) return { ok: false, status: 409, message: 'Merge conflict' };
  const now = new Date();
  const commit = repo.storeCommit({
    tree: repo.storeTree(files),
    parents: [ours.sha, theirs.sha],
    message: `Merge pull request #${pull.number} from ${repo.owner}/${pull.head}\n\n${pull.title}`,
    author: {
      name: actor.login,
      email: `${actor.login}@users.noreply.simulator`,
      timestamp: Math.floor(now.getTime() / 1000),
    },
  });
  repo.setBranchHead(pull.base, commit.sha);
  const at = githubTime(now);
  Object.assign(pull, {
    state: 'closed',
    closedAt: at,
    updatedAt: at,
    mergedAt: at,
    mergedBy: actor,
    mergeCommitSha: commit.sha,
  });
  return { ok: true, sha: commit.sha };
}
