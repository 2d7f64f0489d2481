import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
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
import { createdWaiver, dockerFix } from '../../__testUtils__/triageFixtures';
import { utcDatePlusDays } from '../../utils/waiverInput';
import { EntityGoBuildPolicyContent } from './EntityGoBuildPolicyContent';

function renderTab(api: GoBuildPolicyApi) {
  return renderInTestApp(
    <EntityProvider entity={goEntity}>
      <EntityGoBuildPolicyContent />
    </EntityProvider>,
    {
      apis: [[goBuildPolicyApiRef, api], mockApis.permission()],
      mountedRoutes: { '/go-build-policy': rootRouteRef },
    },
  );
}

// Finding messages quote repository content and fixes come from rule plugins: markdown
// must not smuggle HTML (tracking images, fake links or forms) into the page.
const INJECTED =
  '<img src="https://evil.example/pixel.png" alt="pixel"> <b>bold</b>';

describe('entity tab safety', () => {
  it('does not render raw HTML from finding messages, remediations and fix descriptions', async () => {
    const result = scoredResult();
    result.findings = result.findings.map(f =>
      f.status === 'fail'
        ? {
            ...f,
            message: `Dockerfile copies the whole source before ${INJECTED}`,
            remediation: `Split the copy. ${INJECTED}`,
            fix: { ...dockerFix, description: `Adds a layer. ${INJECTED}` },
          }
        : f,
    );
    const { container } = await renderTab(
      createFakeApi({ getEntityResult: async () => result }),
    );
    await screen.findAllByText(/Dockerfile copies the whole source before/);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
  });

  it('sends one waiver when the form is submitted twice before the server answers', async () => {
    let answer: () => void = () => undefined;
    const createWaiver = jest.fn(
      (
        entityRef: string,
        body: { ruleId: string; reason: string; expiresAt: string },
      ) =>
        new Promise<ReturnType<typeof createdWaiver>>(resolve => {
          answer = () => resolve(createdWaiver(entityRef, body));
        }),
    );
    const api = createFakeApi({ createWaiver });
    await renderTab(api);
    const message = await screen.findByText(
      /Dockerfile copies the whole source before/,
    );
    const finding = message.closest('.MuiAccordion-root') as HTMLElement;
    await userEvent.click(
      within(finding).getByRole('button', { name: 'Waive' }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByLabelText(/Reason/), 'Migration');
    const until = within(dialog).getByLabelText(/Waived until/);
    expect(until).toHaveValue(utcDatePlusDays(30));
    // Enter in the date field submits the form; the disabled button does not stop it.
    const form = dialog.querySelector('form')!;
    fireEvent.submit(form);
    fireEvent.submit(form);
    await waitFor(() => expect(createWaiver).toHaveBeenCalled());
    answer();
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(createWaiver).toHaveBeenCalledTimes(1);
  });
});
