import {
  isDockerfileName,
  MAX_PARSED_FILE_BYTES,
  RepositorySnapshot,
  SnapshotFile,
} from '../../snapshot/RepositorySnapshot';
import { GoModel } from '../go';
import { parseDockerignore } from './dockerignore';
import { parseDockerfileText } from './parseDockerfile';
import { DockerfileModel, DockerModel } from './types';

/**
 * The Dockerfile model (see types.ts for every field), built once per scan (`ctx.docker`),
 * and the helpers rules share:
 * - `dockerignoreFor(model, dockerfile, contextDir)`: the ignore file BuildKit uses;
 *   `dockerignoreExcludes(file, path)`: whether it excludes a context path, and which line.
 * - `isTokenLikeName(name)`: whether an ARG/ENV name carries a credential.
 * - `parseImageReference(text)`: repository, tag and digest of an image reference.
 * - `referencedNames(text)`: variables a value or command references (`$X`, `${X}`).
 */
export * from './types';
export { dockerignoreFor, dockerignoreExcludes } from './dockerignore';
export { isTokenLikeName } from './secrets';
export { parseImageReference } from './imageReference';
export { referencedNames } from './substitute';

/** Why a snapshot file cannot be parsed as text, or undefined when it can. */
export function unreadableReason(
  file: SnapshotFile | undefined,
): string | undefined {
  if (!file) return 'the file is not in the tree';
  switch (file.kind) {
    case 'binary':
      return 'the file is binary';
    case 'too-large':
      return `the file is too large to parse (${file.size} bytes)`;
    case 'unavailable':
      return `the file could not be read: ${file.reason}`;
    default:
      if (file.text.length > MAX_PARSED_FILE_BYTES) {
        return `the file is too large to parse (${file.text.length} characters)`;
      }
      // NUL bytes do not occur in a text Dockerfile: it is binary or corrupted.
      if (file.text.includes('\u0000')) return 'the file is binary';
      return undefined;
  }
}

function emptyDockerfile(path: string, error: string): DockerfileModel {
  const slash = path.lastIndexOf('/');
  return {
    path,
    directory: slash === -1 ? '' : path.slice(0, slash),
    error,
    directives: [],
    globalArgs: [],
    stages: [],
    buildsGo: false,
    prebuiltBinaryOnly: false,
    lineCount: 0,
  };
}

function parseDockerfile(
  snapshot: RepositorySnapshot,
  path: string,
): DockerfileModel {
  const file = snapshot.file(path);
  const reason = unreadableReason(file);
  if (reason || file?.kind !== 'text')
    return emptyDockerfile(path, reason ?? 'unreadable');
  try {
    return parseDockerfileText(path, file.text);
  } catch (e) {
    // dockerfile-ast is tolerant; this guards against inputs it was never tried on.
    return emptyDockerfile(
      path,
      `the parser failed: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
}

/** Whether a path has a `node_modules` segment (without splitting every path of the tree). */
function inNodeModules(path: string): boolean {
  return (
    path.includes('node_modules') &&
    (path.startsWith('node_modules/') ||
      path.endsWith('/node_modules') ||
      path === 'node_modules' ||
      path.includes('/node_modules/'))
  );
}

/** Parses every Dockerfile and .dockerignore of the snapshot, once per scan. */
export function buildDockerModel(
  snapshot: RepositorySnapshot,
  _go: GoModel,
): DockerModel {
  const dockerfiles: DockerfileModel[] = [];
  const dockerignorePaths: string[] = [];
  for (const path of snapshot.paths) {
    if (inNodeModules(path)) continue;
    if (
      path === '.dockerignore' ||
      path.endsWith('/.dockerignore') ||
      path.endsWith('.dockerignore')
    ) {
      dockerignorePaths.push(path);
    } else if (isDockerfileName(path)) {
      dockerfiles.push(parseDockerfile(snapshot, path));
    }
  }
  const dockerfilePaths = new Set(dockerfiles.map(d => d.path));
  const dockerignores = dockerignorePaths.map(path => {
    const file = snapshot.file(path);
    const reason = unreadableReason(file);
    return parseDockerignore(
      path,
      reason || file?.kind !== 'text'
        ? { error: reason ?? 'unreadable' }
        : { text: file.text },
      dockerfilePaths,
    );
  });
  return { dockerfiles, dockerignores };
}
