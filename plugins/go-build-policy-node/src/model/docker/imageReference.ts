import { ImageReference } from './types';

const GOLANG_REPOSITORIES = new Set([
  'golang',
  'library/golang',
  'docker.io/library/golang',
  'docker.io/golang',
  'index.docker.io/library/golang',
  'registry-1.docker.io/library/golang',
  // Docker's mirror of official images, common behind Docker Hub rate limits.
  'mirror.gcr.io/library/golang',
  'public.ecr.aws/docker/library/golang',
]);

/**
 * Splits an image reference into repository, tag and digest (`name[:tag][@digest]`). A `:`
 * after the last `/` starts the tag; one before it belongs to a registry port.
 */
export function parseImageReference(
  text: string,
  unresolved = false,
): ImageReference {
  const trimmed = text.trim();
  let rest = trimmed;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at !== -1) {
    digest = rest.slice(at + 1) || undefined;
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1) || undefined;
    rest = rest.slice(0, colon);
  }
  const repository = rest.toLowerCase();
  return {
    text: trimmed,
    repository,
    tag,
    digest,
    isGolang: GOLANG_REPOSITORIES.has(repository),
    isScratch: repository === 'scratch',
    unresolved,
  };
}
