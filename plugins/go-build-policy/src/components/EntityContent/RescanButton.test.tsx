import { screen } from '@testing-library/react';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { goBuildPolicyApiRef } from '../../api/GoBuildPolicyApi';
import { createFakeApi } from '../../__testUtils__/fixtures';
import { RescanButton } from './RescanButton';

// In a file of its own: usePermission caches decisions per permission for the module's life.
type PermissionOptions = Parameters<typeof mockApis.permission>[0];
const deny = { authorize: 'DENY' } as unknown as PermissionOptions;

// Rendering a whole test app is slow on a busy CI machine.
jest.setTimeout(30_000);

describe('RescanButton', () => {
  it('is not rendered for those without the rescan permission', async () => {
    const permission = mockApis.permission(deny);
    const authorize = jest.spyOn(permission, 'authorize');
    renderInTestApp(
      <div data-testid="holder">
        <RescanButton entityRef="component:default/p" onRequested={() => {}} />
      </div>,
      { apis: [[goBuildPolicyApiRef, createFakeApi()], permission] },
    );
    await screen.findByTestId('holder');
    await new Promise(resolve => setTimeout(resolve, 100));
    expect(authorize).toHaveBeenCalled();
    expect(
      screen.queryByRole('button', { name: /rescan/i }),
    ).not.toBeInTheDocument();
  });
});
