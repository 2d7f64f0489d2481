/**
 * A GitHub REST API simulator over a folder of fixture repositories, for
 * go-build-policy's demo, tests and benchmarks.
 *
 * @packageDocumentation
 */

export { startGithubSimulator } from './server/startGithubSimulator';
export type {
  GithubSimulator,
  GithubSimulatorOptions,
  SimulatorFaults,
} from './server/startGithubSimulator';
export { loadFixtureRepos } from './fixtures/loadFixtureRepos';
export { RepoRegistry } from './model/RepoRegistry';
export type {
  SimulatedRepository,
  CommitRecord,
} from './model/SimulatedRepository';
export type { InMemoryRepo, RepoSettings, FileChanges } from './model/types';
export type { FaultSpec, LatencySpec, PathPattern } from './http/FaultInjector';
export type {
  BudgetChange,
  RateLimitOptions,
  RateLimitState,
} from './http/RateLimiter';
export type { StatsSnapshot } from './http/SimulatorStats';
export { hashBlob, hashTree, hashCommit } from './git/gitObjects';
export { runGithubSimulatorCli } from './cli';
export { generateGoRepos } from './synthetic/generateGoRepos';
export type { SyntheticRepoOptions } from './synthetic/generateGoRepos';
