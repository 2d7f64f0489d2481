import { PolicyRule } from '../../engine/Rule';
import { toolchainCiVersionRule } from './toolchain-ci-version';
import { toolchainDockerVersionRule } from './toolchain-docker-version';

export const toolchainRules: PolicyRule[] = [
  toolchainCiVersionRule,
  toolchainDockerVersionRule,
];
