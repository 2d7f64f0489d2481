import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import type { ScannedEntityInfo } from '../database/ScanStore';

function refOf(
  value: unknown,
  defaultKind: string,
  defaultNamespace: string,
): string | undefined {
  if (typeof value !== 'string' || !value) return undefined;
  try {
    return stringifyEntityRef(
      parseEntityRef(value, { defaultKind, defaultNamespace }),
    );
  } catch {
    return undefined;
  }
}

/** The system ref of an entity (`system:ns/name`), if it names one. */
export function systemRefOf(entity: Entity): string | undefined {
  const namespace = entity.metadata.namespace ?? 'default';
  return refOf((entity.spec as any)?.system, 'system', namespace);
}

/** The domain ref a system entity belongs to. */
export function domainRefOfSystem(system: Entity): string | undefined {
  return refOf(
    (system.spec as any)?.domain,
    'domain',
    system.metadata.namespace ?? 'default',
  );
}

/** Catalog facts the store keeps beside each result, so roll-ups never ask the catalog. */
export function entityInfo(entity: Entity, domain?: string): ScannedEntityInfo {
  const namespace = entity.metadata.namespace ?? 'default';
  const spec = (entity.spec ?? {}) as Record<string, unknown>;
  const info: ScannedEntityInfo = {
    entityRef: stringifyEntityRef(entity),
    kind: entity.kind,
  };
  if (entity.metadata.title) info.title = entity.metadata.title;
  if (typeof spec.type === 'string') info.type = spec.type;
  if (typeof spec.lifecycle === 'string') info.lifecycle = spec.lifecycle;
  const owner = refOf(spec.owner, 'group', namespace);
  if (owner) info.owner = owner;
  const system = systemRefOf(entity);
  if (system) info.system = system;
  if (domain) info.domain = domain;
  if (entity.metadata.tags?.length) info.tags = [...entity.metadata.tags];
  return info;
}
