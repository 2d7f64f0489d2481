import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import {
  GoBuildPolicyApi,
  goBuildPolicyApiRef,
} from '../../api/GoBuildPolicyApi';
import { rootRouteRef } from '../../routes';
import {
  createFakeApi,
  goEntity,
  scoredResult,
} from '../../__testUtils__/fixtures';
import {
  dockerFix,
  pullRequest,
  waiver,
  withTriage,
} from '../../__testUtils__/triageFixtures';
import { combinedPatch } from '../../utils/diff';
import {
  formatDate,
  formatDateTime,
  RAW_SCORE_EXPLANATION,
} from '../../utils/format';
import { utcDatePlusDays } from '../../utils/waiverInput';
import { EntityGoBuildPolicyContent } from './EntityGoBuildPolicyContent';

type PermissionOptions = Parameters<typeof mockApis.permission>[0];
const LOCKED = 'component:default/locked-api';
// usePermission caches decisions per permission and entity for the module's life, so
// the denied case uses an entity of its own.
const permissions = {
  authorize: (request: { resourceRef?: string }) =>
    request.resourceRef === LOCKED ? 'DENY' : 'ALLOW',
} as unknown as PermissionOptions;

const lockedEntity: Entity = {
  ...goEntity,
  metadata: { ...goEntity.metadata, name: 'locked-api' },
};

function renderTab(
  api: GoBuildPolicyApi,
  entity: Entity = goEntity,
  route = '/',
) {
  return renderInTestApp(
    <EntityProvider entity={entity}>
      <EntityGoBuildPolicyContent />
    </EntityProvider>,
    {
      apis: [[goBuildPolicyApiRef, api], mockApis.permission(permissions)],
      mountedRoutes: { '/go-build-policy': rootRouteRef },
      initialRouteEntries: [route],
    },
  );
}

async function failingFinding(): Promise<HTMLElement> {
  const message = await screen.findByText(
    /Dockerfile copies the whole source before/,
  );
  return message.closest('.MuiAccordion-root') as HTMLElement;
}

async function conflict(message: string): Promise<ResponseError> {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name: 'ConflictError', message },
        response: { statusCode: 409 },
      }),
      { status: 409, headers: { 'content-type': 'application/json' } },
    ) as any,
  );
}

jest.setTimeout(30_000);

describe('entity tab triage', () => {
  it('keeps a waived finding visible with its status, the waiver and a revoke button', async () => {
    const active = waiver();
    const api = createFakeApi({
      getEntityResult: async () =>
        withTriage(scoredResult({ score: 82, rawScore: 70 }), {
          waiver: active,
        }),
    });
    renderTab(api);
    const finding = await failingFinding();
    expect(within(finding).getByText('Fail')).toBeInTheDocument();
    expect(within(finding).getByText('Waived')).toBeInTheDocument();
    expect(
      within(finding).getByText(`until ${formatDate(active.expiresAt)}`),
    ).toBeInTheDocument();
    const details = within(finding).getByRole('group', {
      name: 'Waiver of docker-mod-download-layer',
    });
    expect(details).toHaveTextContent(
      'Base image rebuild scheduled with the platform team',
    );
    expect(details).toHaveTextContent(
      `Expires in 1 week (${formatDateTime(active.expiresAt)})`,
    );
    expect(details).toHaveTextContent('Waived by jane 3 days ago');
    expect(
      within(finding).queryByRole('button', { name: 'Waive' }),
    ).not.toBeInTheDocument();

    await userEvent.click(
      within(details).getByRole('button', { name: 'Revoke' }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Revoke waiver' }),
    );
    await waitFor(() =>
      expect(api.revokeWaiver).toHaveBeenCalledWith(
        'component:default/payments-api',
        'w-1',
      ),
    );
    await waitFor(() => expect(api.getEntityResult).toHaveBeenCalledTimes(2));
  });

  it('shows the effective and the raw score with the number of waived rules', async () => {
    renderTab(
      createFakeApi({
        getEntityResult: async () =>
          scoredResult({
            score: 82,
            rawScore: 70,
            waivedRuleIds: ['a', 'b'],
          }),
      }),
    );
    expect(await screen.findByText('82')).toBeInTheDocument();
    expect(screen.getByText('(raw 70: 2 rules waived)')).toBeInTheDocument();
  });

  it('says since when a finding fails', async () => {
    renderTab(
      createFakeApi({
        getEntityResult: async () =>
          withTriage(scoredResult(), {
            failingSince: new Date(
              Date.now() - 3.5 * 24 * 3600 * 1000,
            ).toISOString(),
          }),
      }),
    );
    const finding = await failingFinding();
    expect(finding).toHaveTextContent('Failing since 3 days ago');
  });

  it('validates the waiver dialog, then creates the waiver and reloads', async () => {
    const api = createFakeApi();
    renderTab(api);
    const finding = await failingFinding();
    await userEvent.click(
      within(finding).getByRole('button', { name: 'Waive' }),
    );
    const dialog = await screen.findByRole('dialog');
    const until = within(dialog).getByLabelText(/Waived until/);
    expect(until).toHaveValue(utcDatePlusDays(30));
    expect(until).toHaveAttribute('max', utcDatePlusDays(90));

    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Waive' }),
    );
    expect(
      within(dialog).getByText('Say why the rule is waived.'),
    ).toBeInTheDocument();
    await userEvent.clear(until);
    await userEvent.type(until, utcDatePlusDays(120));
    expect(
      within(dialog).getByText('A waiver lasts at most 90 days.'),
    ).toBeInTheDocument();
    expect(api.createWaiver).not.toHaveBeenCalled();

    await userEvent.clear(until);
    await userEvent.type(until, utcDatePlusDays(14));
    await userEvent.type(
      within(dialog).getByLabelText(/Reason/),
      '  Platform migration  ',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Waive' }),
    );
    await waitFor(() =>
      expect(api.createWaiver).toHaveBeenCalledWith(
        'component:default/payments-api',
        {
          ruleId: 'docker-mod-download-layer',
          reason: 'Platform migration',
          expiresAt: `${utcDatePlusDays(14)}T00:00:00.000Z`,
        },
      ),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(api.getEntityResult).toHaveBeenCalledTimes(2);
  });

  it("shows the server's refusal in the waiver dialog", async () => {
    const error = await conflict('docker-mod-download-layer is already waived');
    const api = createFakeApi({
      createWaiver: async () => {
        throw error;
      },
    });
    renderTab(api);
    await userEvent.click(
      within(await failingFinding()).getByRole('button', { name: 'Waive' }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByLabelText(/Reason/), 'Because');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Waive' }),
    );
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'docker-mod-download-layer is already waived',
    );
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });

  it('renders the suggested fix as a readable, foldable diff and copies the patch', async () => {
    const user = userEvent.setup();
    const writeText = jest.fn(async (_text: string) => undefined);
    Object.defineProperty(window.navigator, 'clipboard', {
      value: { writeText },
      configurable: true,
    });
    renderTab(
      createFakeApi({
        getEntityResult: async () =>
          withTriage(scoredResult(), { fix: dockerFix }),
      }),
    );
    const finding = await failingFinding();
    const fix = within(finding).getByRole('region', {
      name: 'Suggested fix for docker-mod-download-layer',
    });
    expect(
      within(fix).getByText(
        /Suggested fix: Download modules in their own layer/,
      ),
    ).toBeInTheDocument();
    expect(within(fix).getByText('go.mod').tagName).toBe('STRONG');

    const dockerfile = within(fix).getByLabelText(
      'Changes to build/Dockerfile',
    );
    // The file header is the fold button's path; hunk lines carry old and new numbers.
    const rows = Array.from(dockerfile.querySelectorAll('code')).map(line => [
      line.getAttribute('data-kind'),
      ...Array.from(line.parentElement!.children).map(c => c.textContent),
    ]);
    expect(rows).toEqual([
      ['hunk', '', '', '@@ -5,3 +5,5 @@ FROM golang:1.22'],
      ['context', '5', '5', ' WORKDIR /src'],
      ['remove', '6', '', '-COPY . .'],
      ['add', '', '6', '+COPY go.mod go.sum ./'],
      ['add', '', '7', '+RUN go mod download'],
      ['add', '', '8', '+COPY . .'],
    ]);
    const newFile = within(fix).getByRole('button', { name: /\.dockerignore/ });
    expect(newFile).toHaveTextContent('new file');
    expect(newFile).toHaveTextContent('+1 −0');

    newFile.focus();
    await user.keyboard('{Enter}');
    expect(newFile).toHaveAttribute('aria-expanded', 'false');
    expect(
      within(fix).queryByLabelText('Changes to .dockerignore'),
    ).not.toBeInTheDocument();

    await user.click(within(fix).getByRole('button', { name: 'Copy patch' }));
    expect(writeText).toHaveBeenCalledWith(combinedPatch(dockerFix.files));
    expect(
      within(fix).getByRole('button', { name: 'Patch copied' }),
    ).toBeInTheDocument();
  });

  it('opens a pull request with the fix and links to it', async () => {
    const api = createFakeApi({
      getEntityResult: async () =>
        withTriage(scoredResult(), { fix: dockerFix }),
    });
    renderTab(api);
    const finding = await failingFinding();
    expect(finding).toHaveTextContent(
      'Open pull request commits this change on a new branch of acme/payments-api against main',
    );
    await userEvent.click(
      within(finding).getByRole('button', { name: 'Open pull request' }),
    );
    const link = await within(finding).findByRole('link', {
      name: /^Pull request #42 \(open\)/,
    });
    expect(link).toHaveAttribute(
      'href',
      'https://github.com/acme/payments-api/pull/42',
    );
    expect(api.openFixPullRequest).toHaveBeenCalledWith(
      'component:default/payments-api',
      'docker-mod-download-layer',
    );
  });

  it('links the open pull request instead of offering another', async () => {
    renderTab(
      createFakeApi({
        getEntityResult: async () =>
          withTriage(scoredResult(), {
            fix: dockerFix,
            pullRequest: pullRequest({ number: 7, state: 'open' }),
          }),
      }),
    );
    const finding = await failingFinding();
    expect(
      await within(finding).findByRole('link', {
        name: /^Pull request #7 \(open\)/,
      }),
    ).toBeInTheDocument();
    expect(
      within(finding).queryByRole('button', { name: /pull request/i }),
    ).not.toBeInTheDocument();
  });

  it('offers a new pull request next to a closed one while the rule still fails', async () => {
    renderTab(
      createFakeApi({
        getEntityResult: async () =>
          withTriage(scoredResult(), {
            fix: dockerFix,
            pullRequest: pullRequest({ number: 7, state: 'closed' }),
          }),
      }),
    );
    const finding = await failingFinding();
    expect(
      await within(finding).findByRole('link', {
        name: /^Pull request #7 \(closed\)/,
      }),
    ).toBeInTheDocument();
    expect(
      within(finding).getByRole('button', { name: 'Open a new pull request' }),
    ).toBeInTheDocument();
  });

  it("shows the server's refusal to open a pull request", async () => {
    const error = await conflict('Pull requests are turned off');
    const api = createFakeApi({
      getEntityResult: async () =>
        withTriage(scoredResult(), { fix: dockerFix }),
      openFixPullRequest: async () => {
        throw error;
      },
    });
    renderTab(api);
    const finding = await failingFinding();
    await userEvent.click(
      await within(finding).findByRole('button', { name: 'Open pull request' }),
    );
    expect(await within(finding).findByRole('alert')).toHaveTextContent(
      'Could not open the pull request: Pull requests are turned off',
    );
  });

  it('hides the pull-request button when capabilities turn them off', async () => {
    renderTab(
      createFakeApi({
        getEntityResult: async () =>
          withTriage(scoredResult(), { fix: dockerFix }),
        getCapabilities: async () => ({
          waivers: { maxDays: 30 },
          pullRequests: { enabled: false },
        }),
      }),
    );
    const finding = await failingFinding();
    expect(
      await within(finding).findByRole('button', { name: 'Copy patch' }),
    ).toBeInTheDocument();
    expect(
      within(finding).queryByRole('button', { name: 'Open pull request' }),
    ).not.toBeInTheDocument();
  });

  it('offers no waive, revoke or pull request to those not allowed on the entity', async () => {
    renderTab(
      createFakeApi({
        getEntityResult: async () =>
          withTriage(scoredResult({ entityRef: LOCKED }), {
            fix: dockerFix,
            waiver: waiver({ entityRef: LOCKED }),
          }),
      }),
      lockedEntity,
    );
    const finding = await failingFinding();
    expect(within(finding).getByText('Waived')).toBeInTheDocument();
    await new Promise(resolve => setTimeout(resolve, 100));
    for (const name of ['Revoke', 'Waive', 'Open pull request']) {
      expect(
        within(finding).queryByRole('button', { name }),
      ).not.toBeInTheDocument();
    }
  });

  it('opens and scrolls to the finding the URL names, as the triage list links it', async () => {
    const scrollIntoView = jest.fn();
    Element.prototype.scrollIntoView = scrollIntoView;
    renderTab(createFakeApi(), goEntity, '/#finding-ci-module-cache');
    const header = await screen.findByRole('button', {
      name: /Every Go job restores|CI restores the module cache/,
    });
    expect(header).toHaveAttribute('aria-expanded', 'true');
    expect(
      screen.getByText('Every Go job restores the module cache'),
    ).toBeInTheDocument();
    expect(scrollIntoView).toHaveBeenCalled();
    expect(scrollIntoView.mock.contexts[0]).toBe(header);
  });

  it('keeps passing findings folded when the URL names none', async () => {
    renderTab(createFakeApi());
    await failingFinding();
    expect(
      screen.queryByText('Every Go job restores the module cache'),
    ).not.toBeInTheDocument();
  });

  it('explains the raw score on hover and focus', async () => {
    renderTab(
      createFakeApi({
        getEntityResult: async () => ({
          ...scoredResult({ score: 82, rawScore: 70 }),
          waivedRuleIds: ['docker-mod-download-layer'],
        }),
      }),
    );
    const raw = await screen.findByText('(raw 70: 1 rule waived)');
    expect(raw).toHaveAttribute('title', RAW_SCORE_EXPLANATION);
    expect(raw).toHaveAttribute('tabindex', '0');
  });

  it('focuses the reason when the waiver dialog is sent without one', async () => {
    renderTab(createFakeApi());
    const finding = await failingFinding();
    await userEvent.click(
      within(finding).getByRole('button', { name: 'Waive' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: /^Waive “.+” for payments-api$/,
    });
    const reason = within(dialog).getByLabelText(/Reason/);
    expect(reason).toHaveFocus();
    await userEvent.tab();
    expect(reason).not.toHaveFocus();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Waive' }),
    );
    expect(reason).toHaveFocus();
    expect(reason).toHaveAttribute('aria-invalid', 'true');
  });
});
