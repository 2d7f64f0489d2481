import { PolicyRule } from '../../engine/Rule';
import { dockerModDownloadLayerRule } from './docker-mod-download-layer';
import { dockerCacheMountsRule } from './docker-cache-mounts';
import { dockerNoSecretArgsRule } from './docker-no-secret-args';
import { dockerContextIgnoreRule } from './docker-context-ignore';

export const dockerRules: PolicyRule[] = [
  dockerModDownloadLayerRule,
  dockerCacheMountsRule,
  dockerNoSecretArgsRule,
  dockerContextIgnoreRule,
];
