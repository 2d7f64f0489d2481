import type { ReactNode } from 'react';
import { renderHook, waitFor, act } from '@testing-library/react';
import { TestApiProvider } from '@backstage/test-utils';
import { signalApiRef, SignalApi } from '@backstage/plugin-signals-react';
import { goBuildPolicyApiRef } from '../api/GoBuildPolicyApi';
import { scoredResult } from '../__testUtils__/fixtures';
import { useEntityCompliance } from './useEntityCompliance';

/** A signal API whose messages the test sends by hand. */
function manualSignals() {
  const listeners = new Map<string, Set<(message: any) => void>>();
  const api: SignalApi = {
    subscribe(channel, onMessage) {
      const set = listeners.get(channel) ?? new Set();
      set.add(onMessage as (message: any) => void);
      listeners.set(channel, set);
      return { unsubscribe: () => set.delete(onMessage as any) };
    },
  };
  const send = (channel: string, message: object) =>
    listeners.get(channel)?.forEach(listener => listener(message));
  const count = () =>
    [...listeners.values()].reduce((sum, set) => sum + set.size, 0);
  return { api, send, count };
}

describe('useEntityCompliance', () => {
  it('refetches when a scan of its entity is signalled, and only then', async () => {
    let score = 40;
    const getEntityResult = jest.fn(async () => scoredResult({ score }));
    const api = { getEntityResult, getHistory: async () => [] };
    const signals = manualSignals();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <TestApiProvider
        apis={[
          [goBuildPolicyApiRef, api],
          [signalApiRef, signals.api],
        ]}
      >
        {children}
      </TestApiProvider>
    );
    const { result, unmount } = renderHook(
      () => useEntityCompliance('component:default/payments-api'),
      { wrapper },
    );
    await waitFor(() => expect(result.current.value?.result.score).toBe(40));
    expect(getEntityResult).toHaveBeenCalledTimes(1);

    score = 85;
    act(() =>
      signals.send('go-build-policy:scan', {
        entityRef: 'component:default/other',
        state: 'ok',
      }),
    );
    expect(getEntityResult).toHaveBeenCalledTimes(1);

    act(() =>
      signals.send('go-build-policy:scan', {
        entityRef: 'Component:default/Payments-API',
        state: 'ok',
      }),
    );
    await waitFor(() => expect(result.current.value?.result.score).toBe(85));
    expect(getEntityResult).toHaveBeenCalledTimes(2);

    unmount();
    expect(signals.count()).toBe(0);
  });

  it('works without the signals plugin', async () => {
    const api = {
      getEntityResult: async () => scoredResult({ score: 61 }),
      getHistory: async () => [],
    };
    const wrapper = ({ children }: { children: ReactNode }) => (
      <TestApiProvider apis={[[goBuildPolicyApiRef, api]]}>
        {children}
      </TestApiProvider>
    );
    const { result } = renderHook(
      () => useEntityCompliance('component:default/payments-api'),
      { wrapper },
    );
    await waitFor(() => expect(result.current.value?.result.score).toBe(61));
  });
});
