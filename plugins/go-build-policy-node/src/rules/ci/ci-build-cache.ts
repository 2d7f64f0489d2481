import { PolicyRule } from '../../engine/Rule';
import { evaluateRestores } from './restoresCache';
import { fixBuildCache } from './fixes/ci-build-cache.fix';

/** POLICY.md `ci-build-cache`: push and pull-request Go jobs restore GOCACHE where Go uses it. */
export const ciBuildCacheRule: PolicyRule = {
  id: 'ci-build-cache',
  evaluate: ctx => evaluateRestores(ctx, 'build'),
  fix: fixBuildCache,
};
