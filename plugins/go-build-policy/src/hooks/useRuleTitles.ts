import { useCallback } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { useApi } from '@backstage/core-plugin-api';
import { getRuleMetadata } from '@go-build-policy/plugin-go-build-policy-common';
import { goBuildPolicyApiRef } from '../api/GoBuildPolicyApi';

/**
 * Titles of rules by id: the backend's list (which includes organisation rules added
 * through its extension point), falling back to the built-in catalogue, then the id.
 */
export function useRuleTitles(): (ruleId: string) => string {
  const api = useApi(goBuildPolicyApiRef);
  const { value: served } = useAsync(async () => {
    const rules = await api.getRules().catch(() => []);
    return new Map(rules.map(rule => [rule.id, rule.title]));
  }, [api]);
  return useCallback(
    (ruleId: string) =>
      served?.get(ruleId) ?? getRuleMetadata(ruleId)?.title ?? ruleId,
    [served],
  );
}
