/**
 * Cache types of the workflow model (see types.ts): setup-go's built-in cache and
 * actions/cache steps, with what they cover per matrix combination.
 */
import { EvaluatedValue, SourceSpan, Step } from './types';

/** Which Go cache a path covers. */
export interface CacheCoverage {
  module: boolean;
  build: boolean;
}

/** A cache path of `actions/cache`, evaluated per combination. */
export interface CachePath {
  raw: string;
  /** Excluded paths (`!path`) are kept with this flag. */
  excluded: boolean;
  line: number;
  /** Per matrix combination (same order as Job.combinations). */
  values: EvaluatedValue[];
  /** Per combination: the Go caches this path covers there. */
  covers: CacheCoverage[];
  /** Per combination: covers a Go cache of another OS or a path the job does not use. */
  misplaced: boolean[];
}

/** setup-go's built-in cache. */
export interface SetupGoCache {
  kind: 'setup-go';
  step: Step;
  /** Whether caching is on: false for v1/v2/v3 < 3.2 and `cache: false`; 'unknown' for expressions. */
  enabled: boolean | 'unknown';
  /**
   * When `enabled` is 'unknown' because `cache:` tests `github.event_name`: the value per
   * trigger event of the workflow (`{ push: true, schedule: false }`).
   */
  enabledByEvent?: Record<string, boolean | 'unknown'>;
  /** Why it is on or off ("default since v4", "cache: false", "v2 has no cache"...). */
  enabledReason: string;
  /** The dependency file patterns it hashes (cache-dependency-path, or the root default). */
  dependencyPatterns: string[];
  /** Whether the default dependency file is used (no cache-dependency-path). */
  defaultDependencyFile: boolean;
  /** Whether a file matching the patterns exists in the tree (and the checkout allows it). */
  dependencyFileFound: boolean | 'unknown';
  /** Why the dependency file is missing or not reachable (no checkout, checkout path...). */
  dependencyProblem?: string;
  /** Parts of its primary key, per setup-go's source for that version. */
  keyHas: {
    platform: boolean;
    arch: boolean;
    imageOs: boolean;
    goVersion: boolean;
    dependencyHash: boolean;
  };
  /**
   * What Go version its key holds: the version installed (`go version`, v4+) or the
   * version spec as requested (v3), which does not move when a floating spec does.
   */
  goVersionInKey: 'installed' | 'requested';
  /** The setup-go release whose behaviour was applied (`5.6.0` for a moving `@v5`). */
  resolvedVersion: string;
  /** How that release was chosen when the ref does not say (a SHA without comment, a branch). */
  versionNote?: string;
  /** It caches GOMODCACHE and GOCACHE together. */
  covers: CacheCoverage;
  /** Line of `cache:` when set. */
  cacheInputSpan?: SourceSpan;
}

/** An `actions/cache`, `actions/cache/restore` or `actions/cache/save` step. */
export interface ActionsCache {
  kind: 'actions-cache';
  variant: 'cache' | 'restore' | 'save';
  step: Step;
  paths: CachePath[];
  /** Key per combination (same order as Job.combinations). */
  keys: EvaluatedValue[];
  keySpan?: SourceSpan;
  /** Restore keys per combination. */
  restoreKeys: EvaluatedValue[][];
  restoreKeysSpan?: SourceSpan;
  enableCrossOsArchive: boolean;
  /** Union over combinations of the Go caches covered. */
  covers: CacheCoverage;
  /** `lookup-only: true`: restores nothing. */
  lookupOnly: boolean;
}

export type CacheUse = SetupGoCache | ActionsCache;
