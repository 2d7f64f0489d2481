import type { AuthService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { domainRefOfSystem, systemRefOf } from './entityInfo';
import { SKIP_ANNOTATION } from './resolveEntitySource';

/** `goBuildPolicy.entities`: which catalog entities are held to the policy. */
export interface EntityFilters {
  kinds: string[];
  types?: string[];
  tags?: string[];
  lifecycles?: string[];
}

export const DEFAULT_ENTITY_FILTERS: EntityFilters = { kinds: ['Component'] };

const PAGE_SIZE = 500;

function matches(values: string[] | undefined, actual: unknown): boolean {
  if (!values?.length) return true;
  const wanted = new Set(values.map(v => v.toLowerCase()));
  const list = Array.isArray(actual) ? actual : [actual];
  return list.some(v => typeof v === 'string' && wanted.has(v.toLowerCase()));
}

/**
 * Reads the catalog for the scanner, with the plugin's own service credentials: the
 * entities the filters select (paged with the catalog's cursor), single entities for
 * requested scans, and the domain of each system (kept for one sweep).
 */
export class EntitySelector {
  private domains = new Map<string, string | undefined>();

  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
    private readonly filters: EntityFilters,
  ) {}

  /** Why the entity is left out (filters or opt-out annotation), or undefined if selected. */
  exclusionReason(entity: Entity): string | undefined {
    if (entity.metadata.annotations?.[SKIP_ANNOTATION] === 'true') {
      return `The entity opts out with ${SKIP_ANNOTATION}: 'true'`;
    }
    const spec = (entity.spec ?? {}) as Record<string, unknown>;
    const selected =
      matches(this.filters.kinds, entity.kind) &&
      matches(this.filters.types, spec.type) &&
      matches(this.filters.lifecycles, spec.lifecycle) &&
      matches(this.filters.tags, entity.metadata.tags ?? []);
    return selected
      ? undefined
      : 'The entity is outside the goBuildPolicy.entities filters';
  }

  /** Every selected entity, page by page. */
  async *selectedEntities(): AsyncGenerator<Entity[]> {
    const credentials = await this.auth.getOwnServiceCredentials();
    const filter: Record<string, string[]> = { kind: this.filters.kinds };
    if (this.filters.types?.length) filter['spec.type'] = this.filters.types;
    if (this.filters.lifecycles?.length)
      filter['spec.lifecycle'] = this.filters.lifecycles;
    if (this.filters.tags?.length) filter['metadata.tags'] = this.filters.tags;
    let cursor: string | undefined;
    do {
      const page = await this.catalog.queryEntities(
        cursor ? { cursor, limit: PAGE_SIZE } : { filter, limit: PAGE_SIZE },
        { credentials },
      );
      const selected = page.items.filter(e => !this.exclusionReason(e));
      if (selected.length) yield selected;
      cursor = page.pageInfo.nextCursor;
    } while (cursor);
  }

  /** One entity by ref, or undefined if the catalog does not have it. */
  async entity(entityRef: string): Promise<Entity | undefined> {
    const credentials = await this.auth.getOwnServiceCredentials();
    return this.catalog.getEntityByRef(entityRef, { credentials });
  }

  /** The domain ref of the entity's system, when it has one. */
  async domainOf(entity: Entity): Promise<string | undefined> {
    const systemRef = systemRefOf(entity);
    if (!systemRef) return undefined;
    if (this.domains.has(systemRef)) return this.domains.get(systemRef);
    const system = await this.entity(systemRef).catch(() => undefined);
    const domain = system ? domainRefOfSystem(system) : undefined;
    this.domains.set(systemRef, domain);
    return domain;
  }

  /** Forgets cached system domains (called at the start of each sweep). */
  resetDomains(): void {
    this.domains = new Map();
  }
}
