import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { goBuildPolicyApiRef } from './api/GoBuildPolicyApi';
import { GoBuildPolicyClient } from './api/GoBuildPolicyClient';
import { rootRouteRef, rulesRouteRef } from './routes';

/** The plugin for the legacy frontend system. */
export const goBuildPolicyPlugin = createPlugin({
  id: 'go-build-policy',
  apis: [
    createApiFactory({
      api: goBuildPolicyApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new GoBuildPolicyClient(deps),
    }),
  ],
  routes: { root: rootRouteRef, rules: rulesRouteRef },
});

/** The org scorecard, with the rules page under `/rules`. */
export const GoBuildPolicyPage = goBuildPolicyPlugin.provide(
  createRoutableExtension({
    name: 'GoBuildPolicyPage',
    component: () =>
      import('./components/OrgPage/Router').then(m => m.GoBuildPolicyRouter),
    mountPoint: rootRouteRef,
  }),
);

/** The entity tab: score, history and every rule's finding. */
export const EntityGoBuildPolicyContent = goBuildPolicyPlugin.provide(
  createComponentExtension({
    name: 'EntityGoBuildPolicyContent',
    component: {
      lazy: () =>
        import('./components/EntityContent/EntityGoBuildPolicyContent').then(
          m => m.EntityGoBuildPolicyContent,
        ),
    },
  }),
);

/** The entity overview card: score, level and the worst failing rules. */
export const EntityGoBuildPolicyCard = goBuildPolicyPlugin.provide(
  createComponentExtension({
    name: 'EntityGoBuildPolicyCard',
    component: {
      lazy: () =>
        import('./components/EntityCard/EntityGoBuildPolicyCard').then(
          m => m.EntityGoBuildPolicyCard,
        ),
    },
  }),
);
