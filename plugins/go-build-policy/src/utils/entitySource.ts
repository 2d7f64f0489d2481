import { Entity } from '@backstage/catalog-model';

export const PROJECT_SLUG_ANNOTATION = 'github.com/project-slug';
export const SOURCE_LOCATION_ANNOTATION = 'backstage.io/source-location';

/** Whether the entity names a source repository the backend could scan. */
export function hasSourceAnnotation(entity: Entity): boolean {
  const annotations = entity.metadata.annotations ?? {};
  return Boolean(
    annotations[PROJECT_SLUG_ANNOTATION] ||
      annotations[SOURCE_LOCATION_ANNOTATION],
  );
}

/** For use as an entity filter: show our tab and card only where they can say something. */
export function isGoBuildPolicyAvailable(entity: Entity): boolean {
  return (
    entity.kind.toLocaleLowerCase('en-US') === 'component' &&
    hasSourceAnnotation(entity)
  );
}
