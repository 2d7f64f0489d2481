import { RepositorySnapshot } from '../../snapshot/RepositorySnapshot';
import { readText } from './readText';
import { GoVersionFile } from './types';

/** Text lines with their 1-based numbers, comments (`#`) and blanks dropped. */
function meaningfulLines(text: string): Array<{ line: number; text: string }> {
  return text.split('\n').flatMap((raw, index) => {
    const content = raw.replace(/#.*$/, '').trim();
    return content ? [{ line: index + 1, text: content }] : [];
  });
}

/** `.go-version` (goenv, setup-go's go-version-file): the first line names the version. */
function readGoVersionFile(snapshot: RepositorySnapshot): GoVersionFile {
  const path = '.go-version';
  const read = readText(snapshot, path);
  if (!read.ok) return { path, line: 1, problem: read.reason };
  const [first] = meaningfulLines(read.text);
  if (!first) return { path, line: 1, problem: '.go-version is empty' };
  return { path, version: first.text.split(/\s+/)[0], line: first.line };
}

/** `.tool-versions` (asdf, mise): the `golang` (or mise's `go`) entry; its first version wins. */
function readToolVersions(
  snapshot: RepositorySnapshot,
): GoVersionFile | undefined {
  const path = '.tool-versions';
  const read = readText(snapshot, path);
  if (!read.ok) return { path, line: 1, problem: read.reason };
  for (const { line, text } of meaningfulLines(read.text)) {
    const [tool, version] = text.split(/\s+/);
    if (tool !== 'golang' && tool !== 'go') continue;
    if (!version)
      return {
        path,
        line,
        problem: `.tool-versions names ${tool} without a version`,
      };
    return { path, version, line };
  }
  // A .tool-versions for other tools only is not a Go version file.
  return undefined;
}

/** The root's Go version files that exist in the tree. */
export function readVersionFiles(
  snapshot: RepositorySnapshot,
  hasFile: (path: string) => boolean,
): GoVersionFile[] {
  const files: GoVersionFile[] = [];
  if (hasFile('.go-version')) files.push(readGoVersionFile(snapshot));
  if (hasFile('.tool-versions')) {
    const entry = readToolVersions(snapshot);
    if (entry) files.push(entry);
  }
  return files;
}
