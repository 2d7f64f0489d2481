import {
  Command,
  CommanderError,
  InvalidArgumentError,
  Option,
} from 'commander';
import { PolicySettings } from '@go-build-policy/plugin-go-build-policy-common';
import { activeRules, scanSnapshot } from '../engine/scan';
import { loadConfig, splitModulePatterns } from './loadConfig';
import { readDirectory } from './readDirectory';
import { formatJson } from './formats/json';
import { formatSarif } from './formats/sarif';
import { formatTable } from './formats/table';

/** Exit codes of the CLI contract. */
export const EXIT_OK = 0;
export const EXIT_BELOW_THRESHOLD = 1;
export const EXIT_USAGE = 2;

/** Where the CLI writes, and what it knows of its terminal; tests pass their own. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Colours only on a terminal, and never when NO_COLOR is set. */
  colour: boolean;
  version: string;
}

export type OutputFormat = 'json' | 'sarif' | 'table';

interface ScanFlags {
  format: OutputFormat;
  failUnder?: number;
  privateModules?: string;
  config?: string;
  fixes?: boolean;
}

function parseScore(value: string): number {
  const score = Number(value);
  if (
    value.trim() === '' ||
    !Number.isFinite(score) ||
    score < 0 ||
    score > 100
  ) {
    throw new InvalidArgumentError('expected a score from 0 to 100.');
  }
  return score;
}

/** The settings of --config, with --private-modules patterns added to its own. */
function resolveSettings(
  flags: ScanFlags,
  io: CliIo,
): PolicySettings | undefined {
  let settings: PolicySettings = {};
  if (flags.config !== undefined) {
    const loaded = loadConfig(flags.config);
    if (!loaded.ok) {
      io.stderr(
        `go-build-policy: invalid --config file ${
          flags.config
        }:\n${loaded.errors.map(e => `  - ${e}`).join('\n')}\n`,
      );
      return undefined;
    }
    settings = loaded.settings;
  }
  if (flags.privateModules !== undefined) {
    const extra = splitModulePatterns(flags.privateModules);
    settings = {
      ...settings,
      privateModules: [
        ...new Set([...(settings.privateModules ?? []), ...extra]),
      ],
    };
  }
  return settings;
}

function scanCommand(directory: string, flags: ScanFlags, io: CliIo): number {
  const settings = resolveSettings(flags, io);
  if (!settings) return EXIT_USAGE;
  const read = readDirectory(directory);
  if (!read.ok) {
    io.stderr(`go-build-policy: ${read.reason}\n`);
    return EXIT_USAGE;
  }
  const options = { settings, fixes: flags.fixes ?? false };
  const result = scanSnapshot(read.snapshot, options);
  const rules = activeRules(options).map(r => r.metadata);
  if (flags.format === 'json') {
    io.stdout(formatJson(result));
  } else if (flags.format === 'sarif') {
    io.stdout(
      formatSarif({
        result,
        rules,
        snapshot: read.snapshot,
        toolVersion: io.version,
      }),
    );
  } else {
    io.stdout(
      formatTable({
        result,
        rules,
        colour: io.colour,
        diffs: flags.fixes ?? false,
      }),
    );
  }
  if (flags.failUnder !== undefined && result.score < flags.failUnder) {
    io.stderr(
      `go-build-policy: score ${result.score} is below --fail-under ${flags.failUnder}\n`,
    );
    return EXIT_BELOW_THRESHOLD;
  }
  return EXIT_OK;
}

function buildProgram(io: CliIo, setExitCode: (code: number) => void): Command {
  const program = new Command('go-build-policy')
    .description(
      'Checks that a Go repository keeps its CI and container builds fast and reproducible.',
    )
    .version(io.version)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  program
    .command('scan')
    .description('Scan a local checkout against the go-build-policy rules.')
    .argument('<directory>', 'root of the repository checkout')
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(['json', 'sarif', 'table'])
        .default('table'),
    )
    .option(
      '--fail-under <score>',
      'exit 1 when the score is below this (0-100)',
      parseScore,
    )
    .option(
      '--private-modules <patterns>',
      'comma-separated GOPRIVATE-style module patterns',
    )
    .option(
      '--config <file>',
      'YAML or JSON policy settings (rules, privateModules)',
    )
    .option(
      '--fixes',
      'suggest verified patches for failing rules (unified diffs: a "fix" on json findings, printed under the rule in the table)',
    )
    .exitOverride()
    .action((directory: string, flags: ScanFlags) => {
      setExitCode(scanCommand(directory, flags, io));
    });
  return program;
}

/**
 * Runs the CLI on `argv` (without the node and script paths) and returns the exit code:
 * 0, 1 below --fail-under, 2 for bad usage, a bad --config or an unreadable directory.
 */
export function runCli(argv: readonly string[], io: CliIo): number {
  let exitCode = EXIT_OK;
  const program = buildProgram(io, code => {
    exitCode = code;
  });
  try {
    program.parse([...argv], { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version exit 0 in commander; any other parse error is bad usage.
      return e.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    io.stderr(
      `go-build-policy: ${e instanceof Error ? e.message : String(e)}\n`,
    );
    return EXIT_USAGE;
  }
  return exitCode;
}
