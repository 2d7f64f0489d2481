import { useCallback } from 'react';
import { useRouteRef } from '@backstage/core-plugin-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { parseEntityRef } from '@backstage/catalog-model';

/** The path of an entity's go-build-policy tab, from its ref. */
export function useEntityTabLink(): (entityRef: string) => string {
  const entityRoute = useRouteRef(entityRouteRef);
  return useCallback(
    (entityRef: string) => {
      const ref = parseEntityRef(entityRef);
      return `${entityRoute({
        kind: ref.kind,
        namespace: ref.namespace,
        name: ref.name,
      })}/go-build-policy`;
    },
    [entityRoute],
  );
}
