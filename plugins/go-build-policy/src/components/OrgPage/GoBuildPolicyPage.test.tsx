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

// Rendering a whole test app is slow on a busy CI machine.
jest.setTimeout(30_000);

describe('GoBuildPolicyOrgContent', () => {
  it('shows the headline figures', async () => {
    renderOrgPage(createFakeApi());
    expect(await screen.findByText('33%')).toBeInTheDocument();
    expect(screen.getByText('70')).toBeInTheDocument();
    expect(screen.getByText('1 silver or better')).toBeInTheDocument();
    expect(screen.getByLabelText('Level distribution').textContent).toContain(
      'Gold',
    );
    expect(
      screen.getByRole('img', {
        name: /Average score over time: from 60 to 70/,
      }),
    ).toBeInTheDocument();
  });

  it('lists services with owner, system, score, level, failing rules and links to their tab', async () => {
    renderOrgPage(createFakeApi());
    const table = await screen.findByRole('table', { name: 'Services' });
    const link = await within(table).findByRole('link', {
      name: 'payments-api',
    });
    expect(link).toHaveAttribute(
      'href',
      '/catalog/default/component/payments-api/go-build-policy',
    );
    const cells = within(link.closest('tr')!).getAllByRole('cell');
    expect(cells.map(c => c.textContent)).toEqual([
      'payments-api',
      'payments',
      'billing',
      '55',
      'Needs work',
      'docker-mod-download-layer',
      'error',
      '27 Nov 2026, 10:00 UTC',
    ]);
  });

  it('applies filters from the URL on the server side', async () => {
    const api = createFakeApi();
    renderOrgPage(
      api,
      '?owner=group:default/discovery&sort=name&order=desc&page=0',
    );
    const table = await screen.findByRole('table', { name: 'Services' });
    expect(
      await within(table).findByRole('link', { name: 'search' }),
    ).toBeInTheDocument();
    expect(
      within(table).queryByRole('link', { name: 'ledger' }),
    ).not.toBeInTheDocument();
    expect(api.listRepositories).toHaveBeenLastCalledWith({
      owner: ['group:default/discovery'],
      sort: 'name',
      order: 'desc',
      limit: 25,
      offset: 0,
    });
    expect(api.getSummary).toHaveBeenLastCalledWith({
      owner: ['group:default/discovery'],
    });
  });

  it('keeps an owner chosen in the filter in the URL', async () => {
    const api = createFakeApi();
    renderOrgPage(api);
    await screen.findByRole('link', { name: 'ledger' });
    await userEvent.click(
      within(screen.getByRole('search')).getByRole('button', { name: /Owner/ }),
    );
    await userEvent.click(
      await screen.findByRole('option', { name: 'discovery' }),
    );
    await userEvent.keyboard('{Escape}');
    await waitFor(() =>
      expect(searchParams().getAll('owner')).toEqual([
        'group:default/discovery',
      ]),
    );
    await waitFor(() =>
      expect(
        screen.queryByRole('link', { name: 'ledger' }),
      ).not.toBeInTheDocument(),
    );
  });

  it('debounces the text search into the URL', async () => {
    renderOrgPage(createFakeApi());
    await screen.findByRole('link', { name: 'ledger' });
    await userEvent.type(screen.getByLabelText('Search'), 'ledg');
    await waitFor(() => expect(searchParams().get('q')).toBe('ledg'));
    await waitFor(() =>
      expect(
        screen.queryByRole('link', { name: 'search' }),
      ).not.toBeInTheDocument(),
    );
  });

  it('sorts by a column through the URL', async () => {
    const api = createFakeApi();
    renderOrgPage(api);
    await screen.findByRole('link', { name: 'ledger' });
    await userEvent.click(screen.getByRole('button', { name: 'Score' }));
    await waitFor(() => expect(searchParams().get('order')).toBe('desc'));
    expect(searchParams().get('sort')).toBe('score');
  });

  it('pages on the server with the page in the URL', async () => {
    const api = createFakeApi();
    renderOrgPage(api, '?pageSize=25&page=1');
    await waitFor(() =>
      expect(api.listRepositories).toHaveBeenLastCalledWith(
        expect.objectContaining({ limit: 25, offset: 25 }),
      ),
    );
  });

  it('groups by owner, and an owner narrows the services view', async () => {
    renderOrgPage(createFakeApi(), '?view=owners');
    const table = await screen.findByRole('table', {
      name: 'Compliance by owner',
    });
    await userEvent.click(
      within(table).getByRole('button', { name: 'discovery' }),
    );
    await waitFor(() => expect(searchParams().get('view')).toBe('services'));
    expect(searchParams().getAll('owner')).toEqual(['group:default/discovery']);
  });

  it('shows each rule with its share failing and, opened, the failing services', async () => {
    const api = createFakeApi();
    renderOrgPage(api, '?view=rules');
    expect(await screen.findByText('2 of 3 failing (67%)')).toBeInTheDocument();
    await userEvent.click(screen.getByText('docker-mod-download-layer'));
    const list = await screen.findByRole('list', {
      name: 'Services failing docker-mod-download-layer',
    });
    expect(within(list).getAllByRole('link').length).toBeGreaterThan(0);
    expect(api.listRepositories).toHaveBeenLastCalledWith(
      expect.objectContaining({ rule: ['docker-mod-download-layer'] }),
    );
  });

  it('exports as CSV what the filters select', async () => {
    const api = createFakeApi();
    const createObjectURL = jest.fn(() => 'blob:export');
    const revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    renderOrgPage(api, '?owner=group:default/payments&sort=score&order=asc');
    await userEvent.click(
      await screen.findByRole('button', { name: /Export CSV/ }),
    );
    await waitFor(() =>
      expect(api.exportRepositories).toHaveBeenCalledWith('csv', {
        owner: ['group:default/payments'],
        sort: 'score',
        order: 'asc',
      }),
    );
    await waitFor(() => expect(createObjectURL).toHaveBeenCalled());
  });

  it('shows an API failure instead of the table', async () => {
    renderOrgPage(
      createFakeApi({
        listRepositories: async () => {
          throw new Error('store unavailable');
        },
      }),
    );
    expect(
      (await screen.findAllByText(/store unavailable/)).length,
    ).toBeGreaterThan(0);
  });
});
