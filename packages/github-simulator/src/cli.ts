import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { startGithubSimulator } from './server/startGithubSimulator';

const USAGE = `Usage: github-simulator [--root examples/repos] [--port 7008] [--host 127.0.0.1]
       [--base-path /api/v3] [--latency-ms N] [--rate-limit N] [--truncate-trees-over N]`;

function numberOption(
  value: string | undefined,
  name: string,
): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) {
    throw new Error(`--${name} must be a non-negative integer, got '${value}'`);
  }
  return parsed;
}

/**
 * Runs the simulator until SIGINT/SIGTERM; returns the process exit code on
 * failure to start. `defaultRoot` (the bin passes the repository's demo
 * fixtures) applies when --root is not given and the folder exists.
 */
export async function runGithubSimulatorCli(
  argv: string[],
  defaultRoot?: string,
): Promise<number | undefined> {
  let options;
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        root: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        'base-path': { type: 'string' },
        'latency-ms': { type: 'string' },
        'rate-limit': { type: 'string' },
        'truncate-trees-over': { type: 'string' },
        help: { type: 'boolean' },
      },
    });
    if (values.help) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    const root =
      values.root ??
      (defaultRoot && existsSync(defaultRoot) ? defaultRoot : undefined);
    if (!root) throw new Error('--root is required');
    const limit = numberOption(values['rate-limit'], 'rate-limit');
    options = {
      root: resolve(root),
      port: numberOption(values.port, 'port') ?? 7008,
      host: values.host ?? '127.0.0.1',
      basePath: values['base-path'] ?? '/api/v3',
      latencyMs: numberOption(values['latency-ms'], 'latency-ms') ?? 0,
      truncateTreesOver: numberOption(
        values['truncate-trees-over'],
        'truncate-trees-over',
      ),
      rateLimit: limit !== undefined ? { limit } : undefined,
    };
  } catch (error) {
    process.stderr.write(
      `github-simulator: ${(error as Error).message}\n${USAGE}\n`,
    );
    return 2;
  }
  try {
    const simulator = await startGithubSimulator(options);
    const count = simulator.repos.list().length;
    process.stdout.write(
      `github-simulator: ${count} repositories from ${options.root} at ${simulator.apiBaseUrl} (web ${simulator.baseUrl}, control ${simulator.baseUrl}/_simulator)\n`,
    );
    const stop = () => {
      simulator.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return undefined;
  } catch (error) {
    process.stderr.write(
      `github-simulator: cannot start: ${(error as Error).message}\n`,
    );
    return 1;
  }
}
