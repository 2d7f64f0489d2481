import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import {
  renderInTestApp,
  TestApiProvider,
  mockApis,
} from '@backstage/test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { goBuildPolicyApiRef } from './api/GoBuildPolicyApi';
import { createFakeApi, goEntity } from './__testUtils__/fixtures';
import {
  EntityGoBuildPolicyCard,
  EntityGoBuildPolicyContent,
  goBuildPolicyPlugin,
  GoBuildPolicyPage,
} from './plugin';
import { rootRouteRef } from './routes';

jest.setTimeout(30_000);

function Apis(props: { children: React.ReactNode }) {
  return (
    <TestApiProvider
      apis={[
        [goBuildPolicyApiRef, createFakeApi()],
        [permissionApiRef, mockApis.permission()],
      ]}
    >
      {props.children}
    </TestApiProvider>
  );
}

describe('legacy frontend system exports', () => {
  it('is a plugin with the go-build-policy id and its routes', () => {
    expect(goBuildPolicyPlugin.getId()).toBe('go-build-policy');
    expect(goBuildPolicyPlugin.routes.root).toBe(rootRouteRef);
  });

  it('renders the entity tab and the card in a legacy app', async () => {
    await renderInTestApp(
      <Apis>
        <EntityProvider entity={goEntity}>
          <EntityGoBuildPolicyContent />
          <EntityGoBuildPolicyCard />
        </EntityProvider>
      </Apis>,
      { mountedRoutes: { '/go-build-policy': rootRouteRef } },
    );
    expect(
      (await screen.findAllByText(/Dockerfile copies the whole source before/))
        .length,
    ).toBe(2);
    expect(
      screen.getByRole('list', { name: 'Worst failing rules' }),
    ).toBeInTheDocument();
  });

  it('renders the org page at its route', async () => {
    await renderInTestApp(
      <Apis>
        <Routes>
          <Route path="/go-build-policy/*" element={<GoBuildPolicyPage />} />
        </Routes>
      </Apis>,
      {
        mountedRoutes: {
          '/go-build-policy': rootRouteRef,
          '/catalog/:namespace/:kind/:name': entityRouteRef,
        },
        routeEntries: ['/go-build-policy'],
      },
    );
    expect(
      await screen.findByText('Go build policy scorecard'),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('link', { name: 'ledger' }),
    ).toBeInTheDocument();
  });

  it('renders the triage tab of the org page', async () => {
    await renderInTestApp(
      <Apis>
        <Routes>
          <Route path="/go-build-policy/*" element={<GoBuildPolicyPage />} />
        </Routes>
      </Apis>,
      {
        mountedRoutes: {
          '/go-build-policy': rootRouteRef,
          '/catalog/:namespace/:kind/:name': entityRouteRef,
        },
        routeEntries: ['/go-build-policy?view=triage'],
      },
    );
    expect(
      await screen.findByRole('link', { name: 'zeta-api' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Waivers' })).toBeInTheDocument();
  });
});
