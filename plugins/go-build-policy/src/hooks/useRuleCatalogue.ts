import { useCallback } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { useApi } from '@backstage/core-plugin-api';
import {
  getRuleMetadata,
  RuleMetadata,
} from '@go-build-policy/plugin-go-build-policy-common';
import { goBuildPolicyApiRef } from '../api/GoBuildPolicyApi';

/**
 * Rule metadata by id: the backend's list first, since only it knows organisation rules
 * and which rules propose fixes (`fixable`), then the built-in catalogue. Undefined for
 * an unknown id; a failed request degrades to the built-in catalogue.
 */
export function useRuleCatalogue(): (
  ruleId: string,
) => RuleMetadata | undefined {
  const api = useApi(goBuildPolicyApiRef);
  const { value: served } = useAsync(async () => {
    const rules = await api.getRules().catch(() => []);
    return new Map(rules.map(rule => [rule.id, rule]));
  }, [api]);
  return useCallback(
    (ruleId: string) => served?.get(ruleId) ?? getRuleMetadata(ruleId),
    [served],
  );
}
