import {
  ANNOTATION_LOCATION,
  ANNOTATION_SOURCE_LOCATION,
  Entity,
} from '@backstage/catalog-model';
import { RepositoryCoordinates } from '../github/RepositoryCoordinates';

export const PROJECT_SLUG_ANNOTATION = 'github.com/project-slug';
export const MODULE_ROOT_ANNOTATION = 'go-build-policy/module-root';
export const SKIP_ANNOTATION = 'go-build-policy/skip';

export type EntitySource =
  | { kind: 'github'; coordinates: RepositoryCoordinates }
  | { kind: 'none'; reason: string };

/** Host, owner and repository of a `url:` location on GitHub, if it is one. */
function parseGithubLocation(
  location: string | undefined,
  isGithubHost: (host: string) => boolean,
): { host: string; owner: string; name: string } | undefined {
  if (!location) return undefined;
  const target = location.replace(/^url:/, '');
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return undefined;
  }
  const host = url.host.toLowerCase();
  if (!isGithubHost(host)) return undefined;
  const [owner, name] = url.pathname.split('/').filter(Boolean);
  if (!owner || !name) return undefined;
  return { host, owner, name: name.replace(/\.git$/, '') };
}

/** A repo-relative directory without `./`, leading or trailing slashes; undefined if unsafe. */
export function normaliseModuleRoot(
  value: string | undefined,
): string | undefined | null {
  if (value === undefined) return undefined;
  const trimmed = value
    .trim()
    .replace(/^\.\/+/, '')
    .replace(/^\/+|\/+$/g, '');
  if (trimmed === '' || trimmed === '.') return undefined;
  if (
    trimmed
      .split('/')
      .some(part => part === '..' || part === '.' || part === '')
  )
    return null;
  return trimmed;
}

/**
 * Where an entity's code is, on a configured GitHub host. `github.com/project-slug` names
 * the repository; its host comes from the source or managed-by location when that is on a
 * GitHub integration (GitHub Enterprise), else github.com. Without a slug, the source
 * location and then the managed-by location are read.
 */
export function resolveEntitySource(
  entity: Entity,
  isGithubHost: (host: string) => boolean,
): EntitySource {
  const annotations = entity.metadata.annotations ?? {};
  const moduleRoot = normaliseModuleRoot(annotations[MODULE_ROOT_ANNOTATION]);
  if (moduleRoot === null) {
    return {
      kind: 'none',
      reason: `The ${MODULE_ROOT_ANNOTATION} annotation must be a directory inside the repository`,
    };
  }
  const fromLocation =
    parseGithubLocation(
      annotations[ANNOTATION_SOURCE_LOCATION],
      isGithubHost,
    ) ?? parseGithubLocation(annotations[ANNOTATION_LOCATION], isGithubHost);
  const slug = annotations[PROJECT_SLUG_ANNOTATION]?.trim();
  let target = fromLocation;
  if (slug) {
    const [owner, name, extra] = slug.split('/');
    if (!owner || !name || extra !== undefined) {
      return {
        kind: 'none',
        reason: `${PROJECT_SLUG_ANNOTATION} must be "owner/repository"`,
      };
    }
    const host = fromLocation?.host ?? 'github.com';
    target = { host, owner, name };
  }
  if (!target) {
    return {
      kind: 'none',
      reason: 'The entity has no source on a configured GitHub integration',
    };
  }
  if (!isGithubHost(target.host)) {
    return {
      kind: 'none',
      reason: `${target.host} is not a configured GitHub integration`,
    };
  }
  return {
    kind: 'github',
    coordinates: { ...target, ...(moduleRoot ? { moduleRoot } : {}) },
  };
}
