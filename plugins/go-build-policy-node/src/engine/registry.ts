import { PolicyRule } from './Rule';
import { ciRules } from '../rules/ci';
import { modRules } from '../rules/mod';
import { toolchainRules } from '../rules/toolchain';
import { privateRules } from '../rules/private';
import { dockerRules } from '../rules/docker';

/** Every built-in rule: one per id of the catalogue in -common, in its order. */
export const BUILT_IN_RULES: readonly PolicyRule[] = [
  ...ciRules,
  ...modRules,
  ...toolchainRules,
  ...privateRules,
  ...dockerRules,
];
