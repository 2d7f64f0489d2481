import { createRouteRef, createSubRouteRef } from '@backstage/core-plugin-api';

/** The org scorecard page. */
export const rootRouteRef = createRouteRef({ id: 'go-build-policy' });

/** The rules page; each rule is an anchor named after its id. */
export const rulesRouteRef = createSubRouteRef({
  id: 'go-build-policy/rules',
  parent: rootRouteRef,
  path: '/rules',
});
