import { PolicyRule } from '../../engine/Rule';
import { privateGoprivateRule } from './private-goprivate';
import { privateCiAuthRule } from './private-ci-auth';
import { privateConsistentRule } from './private-consistent';
import { privateNoChecksumBypassRule } from './private-no-checksum-bypass';

export const privateRules: PolicyRule[] = [
  privateGoprivateRule,
  privateCiAuthRule,
  privateConsistentRule,
  privateNoChecksumBypassRule,
];
