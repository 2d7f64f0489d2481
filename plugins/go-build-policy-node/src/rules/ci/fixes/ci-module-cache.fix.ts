import { ProposeFix } from '../../../fixes/types';
import { allModulesVendored } from '../ciSupport';
import { proposeGoCacheRestore } from './restoreGoCaches';

/** `ci-module-cache`: turn on (or add) the Go cache of each push and pull-request Go job. */
export const fixModuleCache: ProposeFix = ctx =>
  allModulesVendored(ctx) ? undefined : proposeGoCacheRestore(ctx, 'module');
