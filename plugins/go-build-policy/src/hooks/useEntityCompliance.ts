import { useEffect } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { useApi } from '@backstage/core-plugin-api';
import { goBuildPolicyApiRef } from '../api/GoBuildPolicyApi';

const POLL_MS = 5000;

/** The entity's latest result and history; polls while a scan is queued or running. */
export function useEntityCompliance(entityRef: string) {
  const api = useApi(goBuildPolicyApiRef);
  const state = useAsyncRetry(async () => {
    const [result, history] = await Promise.all([
      api.getEntityResult(entityRef),
      api.getHistory(entityRef).catch(() => []),
    ]);
    return { result, history };
  }, [api, entityRef]);

  const scanState = state.value?.result?.state;
  const busy = scanState === 'queued' || scanState === 'scanning';
  const { retry } = state;
  useEffect(() => {
    if (!busy) return undefined;
    const timer = setTimeout(retry, POLL_MS);
    return () => clearTimeout(timer);
  }, [busy, retry, state.value]);

  return state;
}
