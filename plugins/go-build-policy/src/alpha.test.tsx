import { screen } from '@testing-library/react';
import { mockApis, renderTestApp } from '@backstage/frontend-test-utils';
import { createTestEntityPage } from '@backstage/plugin-catalog-react/testUtils';
import { goBuildPolicyApiRef } from './api/GoBuildPolicyApi';
import { createFakeApi, goEntity } from './__testUtils__/fixtures';
import plugin from './alpha';

jest.setTimeout(30_000);

const apis = [
  [goBuildPolicyApiRef, createFakeApi()],
  mockApis.permission(),
] as const;

describe('new frontend system plugin (/alpha)', () => {
  it('declares a page, an entity tab, an entity card and the API', () => {
    for (const id of [
      'page:go-build-policy',
      'entity-content:go-build-policy',
      'entity-card:go-build-policy',
      'api:go-build-policy',
    ] as const) {
      expect(plugin.getExtension(id)).toBeDefined();
    }
  });

  it('puts its card and tab on an entity page', async () => {
    renderTestApp({
      features: [plugin],
      extensions: [createTestEntityPage({ entity: goEntity })],
      apis,
    });
    const texts = await screen.findAllByText(
      /Dockerfile copies the whole source before/,
      undefined,
      { timeout: 15_000 },
    );
    expect(texts.length).toBeGreaterThan(0);
  });

  it('serves the org scorecard at /go-build-policy', async () => {
    renderTestApp({
      features: [plugin],
      apis,
      initialRouteEntries: ['/go-build-policy'],
    });
    expect(
      await screen.findByText('Go build policy scorecard', undefined, {
        timeout: 15_000,
      }),
    ).toBeInTheDocument();
  });

  it('serves the triage and waivers tabs of the scorecard', async () => {
    renderTestApp({
      features: [plugin],
      apis,
      initialRouteEntries: ['/go-build-policy?view=triage'],
    });
    expect(
      await screen.findByRole('table', { name: 'Triage' }, { timeout: 15_000 }),
    ).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Waivers' })).toBeInTheDocument();
  });
});
