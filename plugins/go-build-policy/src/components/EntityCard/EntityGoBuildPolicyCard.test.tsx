import { screen } from '@testing-library/react';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import {
  GoBuildPolicyApi,
  goBuildPolicyApiRef,
} from '../../api/GoBuildPolicyApi';
import {
  bareResult,
  createFakeApi,
  goEntity,
  scoredResult,
} from '../../__testUtils__/fixtures';
import { EntityGoBuildPolicyCard } from './EntityGoBuildPolicyCard';

jest.setTimeout(30_000);

function renderCard(api: GoBuildPolicyApi) {
  return renderInTestApp(
    <EntityProvider entity={goEntity}>
      <EntityGoBuildPolicyCard />
    </EntityProvider>,
    { apis: [[goBuildPolicyApiRef, api], mockApis.permission()] },
  );
}

describe('EntityGoBuildPolicyCard', () => {
  it('shows the score, the level and the worst failing rules, with a link to the tab', async () => {
    const api = createFakeApi();
    renderCard(api);
    expect(await screen.findByText('72')).toBeInTheDocument();
    expect(screen.getByLabelText('Level: Bronze')).toBeInTheDocument();
    const list = screen.getByRole('list', { name: 'Worst failing rules' });
    expect(list.textContent).toContain('Dockerfile copies the whole source');
    expect(list.textContent).not.toContain(
      'Every Go job restores the module cache',
    );
    expect(screen.getByRole('link', { name: /Every rule/ })).toHaveAttribute(
      'href',
      expect.stringMatching(/go-build-policy$/),
    );
    // The card does not need the history.
    expect(api.getHistory).not.toHaveBeenCalled();
  });

  it('says when every rule passes', async () => {
    const passing = scoredResult({ failingRuleIds: [] });
    passing.findings = passing.findings.filter(f => f.status === 'pass');
    renderCard(createFakeApi({ getEntityResult: async () => passing }));
    expect(await screen.findByText('Every rule passes.')).toBeInTheDocument();
  });

  it('marks a stale result', async () => {
    renderCard(
      createFakeApi({
        getEntityResult: async () =>
          scoredResult({
            state: 'failed',
            stale: true,
            staleReason: 'GitHub 502',
          }),
      }),
    );
    expect(await screen.findByText('Stale: GitHub 502')).toBeInTheDocument();
  });

  it('says why there is no score', async () => {
    renderCard(
      createFakeApi({
        getEntityResult: async () =>
          bareResult({
            state: 'failed',
            failureReason: 'repository not found',
          }),
      }),
    );
    expect(
      await screen.findByText('The last scan failed.'),
    ).toBeInTheDocument();
    expect(screen.getByText('repository not found')).toBeInTheDocument();
  });
});
