import { BenchmarkReport } from './runBenchmark';
import { TimingSummary } from './stats';

const ms = (value: number) => `${value.toFixed(2)} ms`;

function row(label: string, s: TimingSummary): string {
  return `${label.padEnd(10)} n=${String(s.count).padStart(5)}  mean ${ms(
    s.mean,
  )}  median ${ms(s.median)}  p95 ${ms(s.p95)}  p99 ${ms(s.p99)}  max ${ms(
    s.max,
  )}`;
}

/** The human-readable benchmark report, with the DESIGN.md target beside the measurement. */
export function printReport(report: BenchmarkReport): string {
  const { overall, targetMs } = report;
  const verdict =
    overall.median < targetMs && overall.p95 < targetMs
      ? `median and p95 are under the ${targetMs} ms target (median is ${(
          targetMs / Math.max(overall.median, 1e-6)
        ).toFixed(0)}x below it)`
      : `ABOVE TARGET: median ${ms(overall.median)}, p95 ${ms(
          overall.p95,
        )} against ${targetMs} ms`;
  const lines = [
    'go-build-policy engine benchmark',
    ...Object.entries(report.environment).map(([k, v]) => `  ${k}: ${v}`),
    `  corpus: ${report.options.count} generated repositories (seed ${report.options.seed}), warm-up ${report.options.warmup}`,
    '',
    'per-repository scan time (models + all rules + score, as the CLI scans by default)',
    `  ${row('all', overall)}`,
    ...Object.entries(report.byArchetype).map(([a, s]) => `  ${row(a, s!)}`),
    '',
    `fix suggestions (on in the backend, --fixes in the CLI): median ${ms(
      overall.median,
    )} without, ${ms(
      report.withFixes.median,
    )} with (x${report.fixCost.medianRatio.toFixed(
      2,
    )}); mean x${report.fixCost.meanRatio.toFixed(
      2,
    )}; CPU time median x${report.fixCost.cpuMedianRatio.toFixed(2)}`,
    `  ${row('with fixes', report.withFixes)}`,
    '',
    `throughput: ${report.throughputPerSecond.toFixed(
      0,
    )} repositories/s on one core`,
    `target (DESIGN.md): a typical repository well under ${targetMs} ms -> ${verdict}`,
    `slowest: ${report.slowest
      .map(
        s =>
          `${s.name} (${s.archetype}, ${(s.inputBytes / 1024).toFixed(
            1,
          )} kB of inputs) ${ms(s.ms)}`,
      )
      .join('; ')}`,
    `rule or model exceptions caught by the engine: ${report.caughtExceptions}`,
    '',
    'mean cost per repository (second pass; models built once and shared, as in a scan; `fix:` proposes and verifies)',
    ...report.breakdown
      .filter(p => p.meanMs >= 0.01)
      .slice(0, 12)
      .map(p => `  ${p.phase.padEnd(34)} ${ms(p.meanMs)}`),
  ];
  return `${lines.join('\n')}\n`;
}
