import { screen, within } from '@testing-library/react';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { RULES } from '@go-build-policy/plugin-go-build-policy-common';
import { goBuildPolicyApiRef } from '../../api/GoBuildPolicyApi';
import { createFakeApi } from '../../__testUtils__/fixtures';
import { RulesContent } from './RulesPage';

jest.setTimeout(30_000);

describe('RulesContent', () => {
  it('documents every rule under an anchor named after its id', async () => {
    const scrollIntoView = jest.fn();
    Element.prototype.scrollIntoView = scrollIntoView;
    const { container } = renderInTestApp(<RulesContent />, {
      apis: [[goBuildPolicyApiRef, createFakeApi()], mockApis.permission()],
      initialRouteEntries: ['/go-build-policy/rules#ci-key-not-per-run'],
    });
    const rule = RULES.find(r => r.id === 'ci-key-not-per-run')!;
    const card = await screen.findByRole('region', {
      name: new RegExp(rule.title),
    });
    expect(card.id).toBe('ci-key-not-per-run');
    expect(within(card).getByText(rule.rationale)).toBeInTheDocument();
    expect(within(card).getByText('Passes when')).toBeInTheDocument();
    expect(within(card).getByText('Fails when')).toBeInTheDocument();
    expect(within(card).getByText('Remediation')).toBeInTheDocument();
    for (const { id } of RULES) {
      expect(container.querySelector(`section[id="${id}"]`)).not.toBeNull();
    }
    expect(scrollIntoView).toHaveBeenCalled();
    const levels = screen.getByRole('table', { name: 'Levels' });
    expect(levels.textContent).toContain('Score at least 90');
  });

  it('adds organisation rules the backend serves', async () => {
    const extra = {
      ...RULES[0],
      id: 'acme-no-cgo',
      title: 'Acme builds without cgo',
    };
    renderInTestApp(<RulesContent />, {
      apis: [
        [
          goBuildPolicyApiRef,
          createFakeApi({ getRules: async () => [...RULES, extra] }),
        ],
        mockApis.permission(),
      ],
    });
    expect(
      await screen.findByText('Acme builds without cgo'),
    ).toBeInTheDocument();
  });

  it('marks the rules that suggest fixes and renders verdicts as markdown', async () => {
    const fixable = new Set(['ci-key-not-per-run', 'docker-cache-mounts']);
    renderInTestApp(<RulesContent />, {
      apis: [
        [
          goBuildPolicyApiRef,
          createFakeApi({
            getRules: async () =>
              RULES.map(rule => ({
                ...rule,
                fixable: fixable.has(rule.id),
                passWhen:
                  rule.id === 'ci-key-not-per-run'
                    ? 'CI runs `go mod verify`.'
                    : rule.passWhen,
              })),
          }),
        ],
        mockApis.permission(),
      ],
    });
    const card = (id: string) =>
      screen.getByRole('region', {
        name: new RegExp(RULES.find(r => r.id === id)!.title),
      });
    expect(
      await screen.findByText(`2 of ${RULES.length} rules suggest a fix`, {
        exact: false,
      }),
    ).toBeInTheDocument();
    expect(
      within(card('ci-key-not-per-run')).getByText('Suggests a fix'),
    ).toBeInTheDocument();
    expect(
      within(card('ci-module-cache')).queryByText('Suggests a fix'),
    ).not.toBeInTheDocument();
    expect(
      within(card('ci-key-not-per-run')).getByText('go mod verify').tagName,
    ).toBe('CODE');
  });

  it('opens at the top when the anchor is not a valid escape', async () => {
    const scrollIntoView = jest.fn();
    Element.prototype.scrollIntoView = scrollIntoView;
    renderInTestApp(<RulesContent />, {
      apis: [[goBuildPolicyApiRef, createFakeApi()], mockApis.permission()],
      initialRouteEntries: ['/go-build-policy/rules#ci-%E0%A4%A'],
    });
    expect(
      await screen.findByRole('region', { name: new RegExp(RULES[0].title) }),
    ).toBeInTheDocument();
    expect(scrollIntoView).not.toHaveBeenCalled();
  });
});
