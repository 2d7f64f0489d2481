export { runCli, EXIT_OK, EXIT_BELOW_THRESHOLD, EXIT_USAGE } from './runCli';
export type { CliIo, OutputFormat } from './runCli';
export { readDirectory } from './readDirectory';
export type { ReadDirectoryResult } from './readDirectory';
export { loadConfig, validatePolicySettings } from './loadConfig';
export type { LoadConfigResult } from './loadConfig';
