import useAsync from 'react-use/esm/useAsync';
import { useApi } from '@backstage/core-plugin-api';
import { goBuildPolicyApiRef } from '../api/GoBuildPolicyApi';
import { Capabilities } from '../api/types';

/**
 * What the installation allows. Undefined while loading or when the backend cannot say:
 * the UI then offers waivers (the server validates them) but no pull requests.
 */
export function useCapabilities(): Capabilities | undefined {
  const api = useApi(goBuildPolicyApiRef);
  const { value } = useAsync(
    () => api.getCapabilities().catch(() => undefined),
    [api],
  );
  return value;
}
