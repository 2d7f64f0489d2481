import { useEffect } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { useApi } from '@backstage/core-plugin-api';
import { goBuildPolicyApiRef } from '../api/GoBuildPolicyApi';
import { EntityResult, HistoryEntry } from '../api/types';

/** How often the tab asks again while a scan is queued or running. */
export const POLL_MS = 5000;

export interface EntityCompliance {
  result: EntityResult;
  history: HistoryEntry[];
}

/** The entity's latest result (and history); polls while a scan is queued or running. */
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
  useEffect(() => {
    if (!busy) return undefined;
    const timer = setTimeout(retry, POLL_MS);
    return () => clearTimeout(timer);
  }, [busy, retry, state.value]);

  return state;
}
