import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router-dom';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import {
  GoBuildPolicyApi,
  goBuildPolicyApiRef,
} from '../../api/GoBuildPolicyApi';
import { rootRouteRef } from '../../routes';
import { createFakeApi } from '../../__testUtils__/fixtures';
import { orgWaivers, triageRows } from '../../__testUtils__/triageFixtures';
import { RULES } from '@go-build-policy/plugin-go-build-policy-common';
import {
  formatDate,
  formatDateTime,
  RAW_SCORE_EXPLANATION,
} from '../../utils/format';
import { GoBuildPolicyOrgContent } from './GoBuildPolicyPage';

function CurrentSearch() {
  return <output data-testid="search">{useLocation().search}</output>;
}

function renderOrgPage(api: GoBuildPolicyApi, search = '') {
  return renderInTestApp(
    <>
      <GoBuildPolicyOrgContent />
      <CurrentSearch />
    </>,
    {
      apis: [[goBuildPolicyApiRef, api], mockApis.permission()],
      mountedRoutes: {
        '/go-build-policy': rootRouteRef,
        '/catalog/:namespace/:kind/:name': entityRouteRef,
      },
      initialRouteEntries: [`/go-build-policy${search}`],
    },
  );
}

const searchParams = () =>
  new URLSearchParams(screen.getByTestId('search').textContent ?? '');

const never = () => new Promise<never>(() => {});

jest.setTimeout(30_000);

describe('triage tab', () => {
  it('is a tab of the org page kept in the URL', async () => {
    const api = createFakeApi();
    renderOrgPage(api, '?owner=group:default/payments');
    await userEvent.click(await screen.findByRole('tab', { name: 'Triage' }));
    await waitFor(() => expect(searchParams().get('view')).toBe('triage'));
    expect(searchParams().getAll('owner')).toEqual(['group:default/payments']);
    await screen.findByRole('table', { name: 'Triage' });
    expect(api.getTriage).toHaveBeenLastCalledWith({
      owner: ['group:default/payments'],
      limit: 25,
      offset: 0,
    });
  });

  it('lists noncompliant services in the order the server gives', async () => {
    renderOrgPage(createFakeApi(), '?view=triage');
    const table = await screen.findByRole('table', { name: 'Triage' });
    const services = await within(table).findAllByRole('link', {
      name: /-api$/,
    });
    expect(services.map(l => l.textContent)).toEqual(['zeta-api', 'alpha-api']);
    expect(services[0]).toHaveAttribute(
      'href',
      '/catalog/default/component/zeta-api/go-build-policy',
    );
    const cells = within(services[1].closest('tr')!).getAllByRole('cell');
    expect(cells.map(c => c.textContent)).toEqual([
      'alpha-api',
      'payments',
      '82 (raw 70) Bronze',
      'warning',
      '2 days ago',
      'docker-mod-download-layer · waivedci-module-cache',
      'Some rules waived',
    ]);
    expect(within(cells[4]).getByText('2 days ago')).toHaveAttribute(
      'title',
      formatDateTime(triageRows[1].failingSince),
    );
  });

  it('links each failing rule to its finding on the service tab, marking rules with fixes', async () => {
    const fixable = new Set(['ci-module-cache']);
    const api = createFakeApi({
      getRules: async () =>
        RULES.map(rule => ({ ...rule, fixable: fixable.has(rule.id) })),
    });
    renderOrgPage(api, '?view=triage');
    const table = await screen.findByRole('table', { name: 'Triage' });
    const fixableRule = await within(table).findByRole('link', {
      name: 'ci-module-cache (suggests a fix)',
    });
    expect(fixableRule).toHaveAttribute(
      'href',
      '/catalog/default/component/alpha-api/go-build-policy#finding-ci-module-cache',
    );
    const title = RULES.find(r => r.id === 'ci-module-cache')!.title;
    expect(fixableRule).toHaveAttribute(
      'title',
      `${title} (warning), the rule suggests a fix on the service tab`,
    );
    const waived = within(table).getByRole('link', {
      name: 'docker-mod-download-layer · waived',
    });
    expect(waived).toHaveAttribute(
      'href',
      '/catalog/default/component/alpha-api/go-build-policy#finding-docker-mod-download-layer',
    );
    expect(waived.getAttribute('title')).toContain(
      `waived until ${formatDateTime(
        triageRows[1].failingRules[0].waiver!.expiresAt,
      )}`,
    );
    expect(waived).not.toHaveTextContent('suggests a fix');
    expect(screen.getByRole('note', { name: 'Legend' })).toHaveTextContent(
      /dashed.*waived.*suggests a fix/,
    );
  });

  it('explains the raw score where waivers changed it', async () => {
    renderOrgPage(createFakeApi(), '?view=triage');
    const raw = await screen.findByText('(raw 70)');
    expect(raw).toHaveAttribute('title', RAW_SCORE_EXPLANATION);
    expect(raw).toHaveAttribute('tabindex', '0');
  });

  it('pages on the server with the page in the URL', async () => {
    const api = createFakeApi();
    renderOrgPage(api, '?view=triage&page=1&pageSize=50');
    await waitFor(() =>
      expect(api.getTriage).toHaveBeenLastCalledWith({
        limit: 50,
        offset: 50,
      }),
    );
  });

  it('shows progress, then says when nothing needs triage', async () => {
    let answer: (page: any) => void = () => {};
    const api = createFakeApi({
      getTriage: () => new Promise(resolve => (answer = resolve)),
    });
    renderOrgPage(api, '?view=triage');
    await screen.findByRole('table', { name: 'Triage' });
    expect(
      (await within(screen.getByRole('tabpanel')).findAllByRole('progressbar'))
        .length,
    ).toBeGreaterThan(0);
    answer({ items: [], total: 0, limit: 25, offset: 0 });
    expect(
      await screen.findByText('No noncompliant services under these filters.'),
    ).toBeInTheDocument();
  });

  it('shows an API failure', async () => {
    renderOrgPage(
      createFakeApi({
        getTriage: async () => {
          throw new Error('triage unavailable');
        },
      }),
      '?view=triage',
    );
    expect(
      (await screen.findAllByText(/triage unavailable/)).length,
    ).toBeGreaterThan(0);
  });
});

describe('waivers tab', () => {
  it('lists active waivers by default with entity, rule, reason, expiry and author', async () => {
    const api = createFakeApi();
    renderOrgPage(api, '?view=waivers');
    const table = await screen.findByRole('table', { name: 'Waivers' });
    const link = await within(table).findByRole('link', {
      name: 'payments-api',
    });
    const cells = within(link.closest('tr')!).getAllByRole('cell');
    expect(cells.map(c => c.textContent)).toEqual([
      'payments-api',
      'docker-mod-download-layer',
      'Base image rebuild scheduled with the platform team',
      `in 1 week · ${formatDate(orgWaivers[0].expiresAt)}`,
      'jane',
      'active',
    ]);
    expect(
      within(cells[1]).getByRole('link', { name: 'docker-mod-download-layer' }),
    ).toHaveAttribute(
      'href',
      '/go-build-policy/rules#docker-mod-download-layer',
    );
    expect(within(table).queryByText('Ledger')).not.toBeInTheDocument();
    expect(api.listWaivers).toHaveBeenLastCalledWith({
      state: ['active'],
      limit: 25,
      offset: 0,
    });
  });

  it('filters by state through the URL', async () => {
    const api = createFakeApi();
    renderOrgPage(api, '?view=waivers&page=1');
    await screen.findByRole('table', { name: 'Waivers' });
    await userEvent.click(screen.getByRole('button', { name: /Active/ }));
    await userEvent.click(
      await screen.findByRole('option', { name: 'Expired' }),
    );
    await waitFor(() =>
      expect(searchParams().get('waiverState')).toBe('expired'),
    );
    expect(searchParams().has('page')).toBe(false);
    expect(
      await screen.findByRole('link', { name: 'Ledger' }),
    ).toBeInTheDocument();
    expect(api.listWaivers).toHaveBeenLastCalledWith(
      expect.objectContaining({ state: ['expired'], offset: 0 }),
    );
  });

  it('narrows to waivers expiring within 14 days', async () => {
    const api = createFakeApi();
    renderOrgPage(api, '?view=waivers&waiverState=any');
    await screen.findByRole('link', { name: 'Ledger' });
    const before = Date.now();
    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Expiring within 14 days' }),
    );
    await waitFor(() => expect(searchParams().get('expiring')).toBe('14'));
    await waitFor(() =>
      expect(api.listWaivers).toHaveBeenLastCalledWith(
        expect.objectContaining({ expiresBefore: expect.any(String) }),
      ),
    );
    const query = api.listWaivers.mock.lastCall![0]!;
    expect(query.state).toBeUndefined();
    const days = (Date.parse(query.expiresBefore!) - before) / 86_400_000;
    expect(days).toBeGreaterThanOrEqual(14);
    expect(days).toBeLessThan(14.01);
  });

  it('says when no waiver matches', async () => {
    renderOrgPage(
      createFakeApi({
        listWaivers: async () => ({
          items: [],
          total: 0,
          limit: 25,
          offset: 0,
        }),
      }),
      '?view=waivers',
    );
    expect(
      await screen.findByText('No waivers under these filters.'),
    ).toBeInTheDocument();
  });

  it('shows an API failure', async () => {
    renderOrgPage(
      createFakeApi({
        listWaivers: async () => {
          throw new Error('waivers unavailable');
        },
      }),
      '?view=waivers',
    );
    expect(
      (await screen.findAllByText(/waivers unavailable/)).length,
    ).toBeGreaterThan(0);
  });

  it('shows progress while loading', async () => {
    renderOrgPage(createFakeApi({ listWaivers: never }), '?view=waivers');
    await screen.findByRole('table', { name: 'Waivers' });
    expect(
      (await within(screen.getByRole('tabpanel')).findAllByRole('progressbar'))
        .length,
    ).toBeGreaterThan(0);
  });
});
