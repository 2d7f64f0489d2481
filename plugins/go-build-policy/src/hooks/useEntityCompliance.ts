import { useEffect } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { useApi } from '@backstage/core-plugin-api';
import { goBuildPolicyApiRef } from '../api/GoBuildPolicyApi';
import { EntityResult, HistoryEntry } from '../api/types';
import { useScanSignal } from './useScanSignal';

/** How often the tab asks again while a scan is queued or running. */
export const POLL_MS = 5000;
/** With live signals, polling is only a safety net for a missed signal. */
export const POLL_WITH_SIGNALS_MS = 30_000;

export interface EntityCompliance {
  result: EntityResult;
  history: HistoryEntry[];
}

/**
 * The entity's latest result (and history). Refetches when the backend signals a scan
 * state of this entity (live, through the signals plugin), and polls while a scan is
 * queued or running (often without signals, rarely with them).
 */
export function useEntityCompliance(
  entityRef: string,
  options: { withHistory?: boolean } = {},
) {
  const api = useApi(goBuildPolicyApiRef);
  const withHistory = options.withHistory ?? true;
  const state = useAsyncRetry(async (): Promise<EntityCompliance> => {
    const [result, history] = await Promise.all([
      api.getEntityResult(entityRef),
      // History is secondary: the tab still shows the result when it fails.
      withHistory
        ? api.getHistory(entityRef).catch(() => [] as HistoryEntry[])
        : Promise.resolve([] as HistoryEntry[]),
    ]);
    return { result, history };
  }, [api, entityRef, withHistory]);

  const scanState = state.value?.result.state;
  const busy = scanState === 'queued' || scanState === 'scanning';
  const { retry } = state;
  const live = useScanSignal(entityRef, retry);
  useEffect(() => {
    if (!busy) return undefined;
    const timer = setTimeout(retry, live ? POLL_WITH_SIGNALS_MS : POLL_MS);
    return () => clearTimeout(timer);
  }, [busy, retry, state.value, live]);

  return state;
}
