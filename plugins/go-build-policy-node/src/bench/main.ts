import { Command, InvalidArgumentError } from 'commander';
import { runBenchmark } from './runBenchmark';
import { printReport } from './printReport';

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new InvalidArgumentError('expected a whole number.');
  return n;
}

/** `yarn bench` entry: runs the engine benchmark and prints the report (or JSON). */
export function main(argv: readonly string[]): void {
  const program = new Command('bench')
    .description(
      'Measures the rule engine on a generated corpus of repositories.',
    )
    .option('--count <n>', 'repositories to scan', positiveInteger, 2000)
    .option('--seed <n>', 'corpus seed', positiveInteger, 1)
    .option(
      '--warmup <n>',
      'repositories scanned first, not measured',
      positiveInteger,
      200,
    )
    .option('--json', 'print the report as JSON')
    .action(
      (flags: {
        count: number;
        seed: number;
        warmup: number;
        json?: boolean;
      }) => {
        const report = runBenchmark({
          count: flags.count,
          seed: flags.seed,
          warmup: flags.warmup,
        });
        process.stdout.write(
          flags.json
            ? `${JSON.stringify(report, null, 2)}\n`
            : printReport(report),
        );
      },
    );
  program.parse([...argv], { from: 'user' });
}
