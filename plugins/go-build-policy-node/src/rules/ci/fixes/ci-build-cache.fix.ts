import { ProposeFix } from '../../../fixes/types';
import { proposeGoCacheRestore } from './restoreGoCaches';

/** `ci-build-cache`: turn on (or add) the Go cache of each push and pull-request Go job. */
export const fixBuildCache: ProposeFix = ctx =>
  proposeGoCacheRestore(ctx, 'build');
