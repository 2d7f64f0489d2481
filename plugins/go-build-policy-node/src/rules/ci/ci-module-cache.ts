import { outcome, PolicyRule } from '../../engine/Rule';
import { allModulesVendored } from './ciSupport';
import { evaluateRestores } from './restoresCache';
import { fixModuleCache } from './fixes/ci-module-cache.fix';

/** POLICY.md `ci-module-cache`: push and pull-request Go jobs restore GOMODCACHE. */
export const ciModuleCacheRule: PolicyRule = {
  id: 'ci-module-cache',
  evaluate: ctx => {
    if (allModulesVendored(ctx)) {
      const paths = ctx.go.modules.map(m => m.vendorModulesTxtPath).join(', ');
      return outcome.notApplicable(
        `Every module is vendored (${paths}): Go builds from vendor/ and downloads nothing, so there is no module cache to restore.`,
      );
    }
    return evaluateRestores(ctx, 'module');
  },
  fix: fixModuleCache,
};
