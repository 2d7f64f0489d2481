import { useEffect, useRef } from 'react';
import { useApiHolder } from '@backstage/core-plugin-api';
import { signalApiRef } from '@backstage/plugin-signals-react';
import {
  SCAN_SIGNAL_CHANNEL,
  ScanSignal,
} from '@go-build-policy/plugin-go-build-policy-common';

/**
 * Calls `onSignal` whenever the backend announces a scan state of `entityRef` (queued,
 * scanning, a stored result). Returns whether signals are available in this app: without
 * the signals plugin the caller falls back to polling.
 */
export function useScanSignal(
  entityRef: string,
  onSignal: (signal: ScanSignal) => void,
): boolean {
  const signals = useApiHolder().get(signalApiRef);
  const callback = useRef(onSignal);
  callback.current = onSignal;
  const wanted = entityRef.toLocaleLowerCase('en-US');

  useEffect(() => {
    if (!signals) return undefined;
    const subscription = signals.subscribe<ScanSignal & { [k: string]: any }>(
      SCAN_SIGNAL_CHANNEL,
      message => {
        if (message?.entityRef?.toLocaleLowerCase('en-US') === wanted) {
          callback.current(message);
        }
      },
    );
    return () => subscription.unsubscribe();
  }, [signals, wanted]);

  return Boolean(signals);
}
