import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import BuildIcon from '@material-ui/icons/Build';
import { goBuildPolicyApiRef } from './api/GoBuildPolicyApi';
import { GoBuildPolicyClient } from './api/GoBuildPolicyClient';
import { rootRouteRef, rulesRouteRef } from './routes';
import { isGoBuildPolicyAvailable } from './utils/entitySource';

const api = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: goBuildPolicyApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new GoBuildPolicyClient(deps),
    }),
});

/** The org scorecard and the rules page; its title and icon make the nav entry. */
const page = PageBlueprint.make({
  params: {
    path: '/go-build-policy',
    routeRef: rootRouteRef,
    title: 'Go build policy',
    icon: <BuildIcon />,
    noHeader: true,
    loader: () =>
      import('./components/OrgPage/Router').then(m => (
        <m.GoBuildPolicyRouter />
      )),
  },
});

const entityContent = EntityContentBlueprint.make({
  params: {
    path: 'go-build-policy',
    title: 'Go build',
    filter: isGoBuildPolicyAvailable,
    loader: () =>
      import('./components/EntityContent/EntityGoBuildPolicyContent').then(
        m => <m.EntityGoBuildPolicyContent />,
      ),
  },
});

const entityCard = EntityCardBlueprint.make({
  params: {
    filter: isGoBuildPolicyAvailable,
    loader: () =>
      import('./components/EntityCard/EntityGoBuildPolicyCard').then(m => (
        <m.EntityGoBuildPolicyCard />
      )),
  },
});

/** The plugin for the new frontend system. */
export default createFrontendPlugin({
  pluginId: 'go-build-policy',
  title: 'Go build policy',
  icon: <BuildIcon />,
  info: { packageJson: () => import('../package.json') },
  routes: { root: rootRouteRef, rules: rulesRouteRef },
  extensions: [api, page, entityContent, entityCard],
});
