/**
 * The Go module model (see types.ts for every field) and the helpers other models and
 * rules share:
 * - `buildGoModel(snapshot)`: the model, built once per scan (`ctx.go`).
 * - Versions: `parseGoVersion`, `compareGoVersions` (Go's ordering), `formatGoVersion`,
 *   `parseGoVersionSpec` (setup-go / image-tag requests), `specSatisfies` (POLICY.md's
 *   "compare at the precision given"), `isPinnedToMinor`.
 * - GOPRIVATE family: `matchesModulePatterns(patterns, modulePath)` (Go's
 *   MatchPrefixPatterns), `pathMatch` (Go's path.Match), `splitModulePatterns`,
 *   `globsMatchingEverything` / `matchesEveryModule` (a `*` that disables checksums for all).
 * - Local paths: `isLocalModulePath` (Go's IsDirectoryPath), `resolveLocalPath`.
 * - Update bots: `dependabotCoverage` / `dependabotCovers(config, moduleDir)` (with
 *   `exclude-paths`), `dependabotPatternCovers`, `dependabotPathExcluded`.
 * - Findings: `describeModule` (how to name a module), `fileProblem` / `moduleProblem`.
 */
export * from './types';
export { buildGoModel } from './buildGoModel';
export {
  compareGoVersions,
  formatGoVersion,
  isPinnedToMinor,
  parseGoVersion,
  parseGoVersionSpec,
  specSatisfies,
} from './versions';
export {
  compileModuleGlob,
  compileModulePatterns,
  globMatchesModule,
  globsMatchingEverything,
  matchesEveryModule,
  matchesModulePatterns,
  pathMatch,
  splitModulePatterns,
} from './goprivate';
export {
  isLocalModulePath,
  localPathKind,
  resolveLocalPath,
} from './localPaths';
export {
  dependabotCoverage,
  dependabotCovers,
  dependabotPathExcluded,
  dependabotPatternCovers,
} from './dependabot';
export { RENOVATE_LOOKUP_ORDER } from './renovate';
export { dirOf, joinRepoPath } from './tree';
export { describeModule, fileProblem, moduleProblem } from './describe';
