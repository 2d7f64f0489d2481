import {
  RepositorySnapshot,
  SnapshotFile,
} from '../snapshot/RepositorySnapshot';
import { FileEdit } from './types';

/** The snapshot as it would be after a fix's edits: what a rescan of the pull request sees. */
export function applyEdits(
  snapshot: RepositorySnapshot,
  edits: readonly FileEdit[],
): RepositorySnapshot {
  const written = new Map<string, SnapshotFile>(
    edits.map(edit => [edit.path, { kind: 'text', text: edit.after }]),
  );
  const paths = [...new Set([...snapshot.paths, ...written.keys()])].sort();
  return {
    paths,
    commitSha: snapshot.commitSha,
    file: path => written.get(path) ?? snapshot.file(path),
  };
}
