import { arch, cpus, loadavg, platform } from 'node:os';
import { performance } from 'node:perf_hooks';
import { scanSnapshot } from '../engine/scan';
import {
  Archetype,
  BenchRepository,
  generateSnapshots,
} from './generateSnapshots';
import { summarize, TimingSummary } from './stats';
import { measureBreakdown, PhaseCost } from './breakdown';

/** DESIGN.md: a typical repository scans in well under 5 ms on one core. */
const TARGET_MS = 5;
const ENGINE_CAUGHT = 'The rule could not evaluate this repository';
const SETTINGS = { privateModules: ['github.com/acme/*'] };

export interface BenchmarkOptions {
  count: number;
  seed: number;
  warmup: number;
}

export interface BenchmarkReport {
  environment: Record<string, string | number>;
  options: BenchmarkOptions;
  overall: TimingSummary;
  throughputPerSecond: number;
  byArchetype: Partial<Record<Archetype, TimingSummary>>;
  slowest: Array<{
    name: string;
    archetype: Archetype;
    ms: number;
    inputBytes: number;
  }>;
  /** Findings where a rule or model threw and the engine caught it: should be 0. */
  caughtExceptions: number;
  /** The same scans with `fixes: true` (as the backend scans), timed beside the plain ones. */
  withFixes: TimingSummary;
  /**
   * Cost of fix suggestions: scan time with fixes over scan time without, in wall time
   * and in CPU time (steadier on a shared machine, where wall time includes waiting).
   */
  fixCost: { medianRatio: number; meanRatio: number; cpuMedianRatio: number };
  /** Mean cost per repository of each model, rule and rule's fix, most expensive first. */
  breakdown: PhaseCost[];
  targetMs: number;
}

function environment() {
  const cpu = cpus()[0];
  return {
    node: process.version,
    v8: process.versions.v8,
    platform: `${platform()} ${arch()}`,
    cpu: cpu
      ? `${cpu.model.trim()} (${cpus().length} logical cores visible)`
      : 'unknown',
    threads: 'one: scans run sequentially on the main thread',
    // Other processes on a shared machine slow every sample down: read the numbers with this.
    'load average (1 min) at start': loadavg()[0].toFixed(2),
  };
}

function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

function timeScan(
  repository: BenchRepository,
  fixes = false,
): { ms: number; cpu: number; caught: number } {
  const cpuStarted = cpuMs();
  const started = performance.now();
  const result = scanSnapshot(repository.snapshot, {
    settings: SETTINGS,
    fixes,
  });
  const ms = performance.now() - started;
  const cpu = cpuMs() - cpuStarted;
  const caught = result.findings.filter(f =>
    f.message.startsWith(ENGINE_CAUGHT),
  ).length;
  return { ms, cpu, caught };
}

/** Scans a generated corpus once each (after a warm-up pass) and summarises the timings. */
export function runBenchmark(options: BenchmarkOptions): BenchmarkReport {
  const corpus = generateSnapshots(options.count, options.seed);
  // Warm-up on a separate corpus, so the JIT has compiled the engine but caches are cold.
  for (const repository of generateSnapshots(
    options.warmup,
    options.seed + 1,
  )) {
    timeScan(repository);
  }
  const times: number[] = [];
  const timesWithFixes: number[] = [];
  const cpuWith: number[] = [];
  const cpuWithout: number[] = [];
  const perArchetype = new Map<Archetype, number[]>();
  const measured: Array<{ repository: BenchRepository; ms: number }> = [];
  let caughtExceptions = 0;
  const wallStart = performance.now();
  for (const [index, repository] of corpus.entries()) {
    // Both variants on each repository, in alternating order, so that load from other
    // processes and the order itself weigh on both alike.
    const fixesFirst = index % 2 === 1;
    const withFixes = () => {
      const timing = timeScan(repository, true);
      timesWithFixes.push(timing.ms);
      cpuWith.push(timing.cpu);
    };
    if (fixesFirst) withFixes();
    const { ms, cpu, caught } = timeScan(repository);
    cpuWithout.push(cpu);
    if (!fixesFirst) withFixes();
    caughtExceptions += caught;
    times.push(ms);
    measured.push({ repository, ms });
    const list = perArchetype.get(repository.archetype) ?? [];
    list.push(ms);
    perArchetype.set(repository.archetype, list);
  }
  // Both variants ran inside the wall time: count the plain scans' share of it.
  const wallMs =
    ((performance.now() - wallStart) * times.reduce((a, b) => a + b, 0)) /
    Math.max(
      1e-9,
      [...times, ...timesWithFixes].reduce((a, b) => a + b, 0),
    );
  const overall = summarize(times);
  const withFixes = summarize(timesWithFixes);
  const byArchetype: BenchmarkReport['byArchetype'] = {};
  for (const [archetype, list] of perArchetype)
    byArchetype[archetype] = summarize(list);
  const slowest = measured
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 5)
    .map(({ repository, ms }) => ({
      name: repository.name,
      archetype: repository.archetype,
      ms,
      inputBytes: repository.inputBytes,
    }));
  return {
    environment: environment(),
    options,
    overall,
    withFixes,
    fixCost: {
      medianRatio: withFixes.median / Math.max(overall.median, 1e-9),
      meanRatio: withFixes.mean / Math.max(overall.mean, 1e-9),
      cpuMedianRatio:
        summarize(cpuWith).median /
        Math.max(summarize(cpuWithout).median, 1e-9),
    },
    throughputPerSecond: (corpus.length / wallMs) * 1000,
    byArchetype,
    slowest,
    caughtExceptions,
    breakdown: measureBreakdown(corpus),
    targetMs: TARGET_MS,
  };
}
