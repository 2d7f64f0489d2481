import { PolicyRule } from '../../engine/Rule';
import { ciModuleCacheRule } from './ci-module-cache';
import { ciBuildCacheRule } from './ci-build-cache';
import { ciKeyDependencyHashRule } from './ci-key-dependency-hash';
import { ciKeyNotPerRunRule } from './ci-key-not-per-run';
import { ciKeyOsArchRule } from './ci-key-os-arch';
import { ciKeyGoVersionRule } from './ci-key-go-version';
import { ciNoDoubleCacheRule } from './ci-no-double-cache';
import { ciCleanValidationRule } from './ci-clean-validation';
import { ciReleaseNoCacheRule } from './ci-release-no-cache';
import { ciNoModcacheWipeRule } from './ci-no-modcache-wipe';

export const ciRules: PolicyRule[] = [
  ciModuleCacheRule,
  ciBuildCacheRule,
  ciKeyDependencyHashRule,
  ciKeyNotPerRunRule,
  ciKeyOsArchRule,
  ciKeyGoVersionRule,
  ciNoDoubleCacheRule,
  ciCleanValidationRule,
  ciReleaseNoCacheRule,
  ciNoModcacheWipeRule,
];
