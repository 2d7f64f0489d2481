import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { RULES } from '@go-build-policy/plugin-go-build-policy-common';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import {
  GoBuildPolicyApi,
  goBuildPolicyApiRef,
} from '../../api/GoBuildPolicyApi';
import { rootRouteRef } from '../../routes';
import {
  bareResult,
  createFakeApi,
  entityWithoutSource,
  goEntity,
  scoredResult,
  SHA,
} from '../../__testUtils__/fixtures';
import { EntityGoBuildPolicyContent } from './EntityGoBuildPolicyContent';

function renderTab(api: GoBuildPolicyApi, options: { entity?: Entity } = {}) {
  return renderInTestApp(
    <EntityProvider entity={options.entity ?? goEntity}>
      <EntityGoBuildPolicyContent />
    </EntityProvider>,
    {
      apis: [[goBuildPolicyApiRef, api], mockApis.permission()],
      mountedRoutes: { '/go-build-policy': rootRouteRef },
    },
  );
}

// Rendering a whole test app is slow on a busy CI machine.
jest.setTimeout(30_000);

describe('EntityGoBuildPolicyContent', () => {
  it('shows the score, level, category sub-scores and the scanned commit', async () => {
    renderTab(createFakeApi());
    expect(await screen.findByText('72')).toBeInTheDocument();
    expect(screen.getAllByLabelText('Level: Bronze').length).toBeGreaterThan(0);
    expect(screen.getByText('CI caches: 90')).toBeInTheDocument();
    expect(screen.getByText('Docker layers: 40')).toBeInTheDocument();
    const commit = screen.getByRole('link', {
      name: new RegExp(`^${SHA.slice(0, 7)}`),
    });
    expect(commit).toHaveAttribute(
      'href',
      `https://github.com/acme/payments-api/commit/${SHA}`,
    );
    expect(
      screen.getByText(/Scanned 27 Nov 2026, 10:00 UTC/),
    ).toBeInTheDocument();
  });

  it('links evidence to the exact lines at the scanned commit', async () => {
    renderTab(createFakeApi());
    const link = await screen.findByRole('link', {
      name: /^build\/Dockerfile:7-9/,
    });
    expect(link).toHaveAttribute(
      'href',
      `https://github.com/acme/payments-api/blob/${SHA}/build/Dockerfile#L7-L9`,
    );
  });

  it('builds evidence links from a GitHub Enterprise host', async () => {
    const result = scoredResult();
    result.repository = { ...result.repository!, host: 'ghe.acme.example' };
    renderTab(createFakeApi({ getEntityResult: async () => result }));
    const link = await screen.findByRole('link', {
      name: /^build\/Dockerfile:7-9/,
    });
    expect(link.getAttribute('href')).toMatch(
      /^https:\/\/ghe\.acme\.example\/acme\/payments-api\/blob\//,
    );
  });

  it('shows each rule with status, severity, message, remediation with a copy button and docs', async () => {
    renderTab(createFakeApi());
    const failing = await screen.findByText(
      /Dockerfile copies the whole source before/,
    );
    const details = failing.closest('.MuiAccordion-root') as HTMLElement;
    expect(within(details).getByText('Fail')).toBeInTheDocument();
    expect(within(details).getByText('error')).toBeInTheDocument();
    expect(details.textContent).toContain('RUN go mod download');
    expect(
      within(details).getByRole('button', { name: 'Copy text' }),
    ).toBeInTheDocument();
    expect(
      within(details).getByRole('link', {
        name: /^Documentation of docker-mod-download-layer/,
      }),
    ).toHaveAttribute(
      'href',
      '/go-build-policy/rules#docker-mod-download-layer',
    );
    // Passing rules are listed too, collapsed.
    expect(screen.getByText('ci-module-cache')).toBeInTheDocument();
    expect(screen.getByText('Pass')).toBeInTheDocument();
  });

  it('titles organisation rules from the rules the backend serves', async () => {
    const result = scoredResult();
    result.findings = [
      {
        ...result.findings[1],
        ruleId: 'acme-codeowners',
        message: 'No CODEOWNERS',
      },
    ];
    const served = [
      ...RULES,
      {
        ...RULES[0],
        id: 'acme-codeowners',
        title: 'Every repository has owners',
      },
    ];
    renderTab(
      createFakeApi({
        getEntityResult: async () => result,
        getRules: async () => served,
      }),
    );
    expect(
      await screen.findByText('Every repository has owners'),
    ).toBeInTheDocument();
  });

  it('opens a collapsed rule with the keyboard', async () => {
    renderTab(createFakeApi());
    const summary = (await screen.findByText('ci-module-cache')).closest(
      '[role="button"]',
    ) as HTMLElement;
    expect(summary).toHaveAttribute('aria-expanded', 'false');
    summary.focus();
    await userEvent.keyboard('{Enter}');
    expect(summary).toHaveAttribute('aria-expanded', 'true');
    expect(
      await screen.findByText('Every Go job restores the module cache'),
    ).toBeInTheDocument();
  });

  it('draws the score history', async () => {
    renderTab(createFakeApi());
    expect(
      await screen.findByRole('img', {
        name: 'Score history: from 55 to 72 over 2 points',
      }),
    ).toBeInTheDocument();
  });

  it('offers a rescan to those allowed and requests one on click', async () => {
    const api = createFakeApi();
    renderTab(api);
    const button = await screen.findByRole('button', { name: /rescan/i });
    await userEvent.click(button);
    await waitFor(() =>
      expect(api.requestRescan).toHaveBeenCalledWith(
        'component:default/payments-api',
      ),
    );
  });

  it('says when the repository is not a Go repository', async () => {
    renderTab(
      createFakeApi({
        getEntityResult: async () => bareResult({ state: 'not-go' }),
      }),
    );
    expect(await screen.findByText('Not a Go repository')).toBeInTheDocument();
  });

  it('says when the entity was never scanned', async () => {
    renderTab(createFakeApi({ getEntityResult: async () => bareResult({}) }));
    expect(await screen.findByText('Not scanned yet')).toBeInTheDocument();
    expect(
      await screen.findByRole('button', { name: /rescan/i }),
    ).toBeInTheDocument();
  });

  it('shows progress while the first scan runs', async () => {
    renderTab(
      createFakeApi({
        getEntityResult: async () => bareResult({ state: 'scanning' }),
      }),
    );
    expect(
      await screen.findByText(/Scanning the repository/),
    ).toBeInTheDocument();
  });

  it('gives the reason when the first scan failed', async () => {
    renderTab(
      createFakeApi({
        getEntityResult: async () =>
          bareResult({ state: 'failed', failureReason: 'GitHub answered 502' }),
      }),
    );
    expect(await screen.findByText(/The scan failed/)).toBeInTheDocument();
    expect(screen.getByText(/GitHub answered 502/)).toBeInTheDocument();
  });

  it('keeps the last good result, marked stale, when the last scan failed', async () => {
    renderTab(
      createFakeApi({
        getEntityResult: async () =>
          scoredResult({
            state: 'failed',
            stale: true,
            staleReason: 'rate limited',
          }),
      }),
    );
    expect(
      await screen.findByText(/showing the last good result/),
    ).toBeInTheDocument();
    expect(screen.getByText(/rate limited/)).toBeInTheDocument();
    expect(screen.getByText('72')).toBeInTheDocument();
  });

  it('says a new scan runs while showing the current result', async () => {
    renderTab(
      createFakeApi({
        getEntityResult: async () => scoredResult({ state: 'queued' }),
      }),
    );
    expect(
      await screen.findByText(/A new scan is running/),
    ).toBeInTheDocument();
  });

  it('asks for the GitHub source annotation when the entity has none', async () => {
    const api = createFakeApi();
    renderTab(api, { entity: entityWithoutSource });
    expect(await screen.findByText(/Missing Annotation/i)).toBeInTheDocument();
    expect(
      screen.getAllByText(/github.com\/project-slug/).length,
    ).toBeGreaterThan(0);
    expect(api.getEntityResult).not.toHaveBeenCalled();
  });

  it('shows the API error', async () => {
    renderTab(
      createFakeApi({
        getEntityResult: async () => {
          throw new Error('backend down');
        },
      }),
    );
    expect((await screen.findAllByText(/backend down/)).length).toBeGreaterThan(
      0,
    );
  });
});
