import { RULES } from '@go-build-policy/plugin-go-build-policy-common';
import { scanSnapshot } from '../engine/scan';
import { generateSnapshots } from './generateSnapshots';
import { printReport } from './printReport';
import { runBenchmark } from './runBenchmark';

describe('generateSnapshots', () => {
  it('builds the same corpus from the same seed', () => {
    const paths = (seed: number) =>
      generateSnapshots(5, seed).map(r => r.snapshot.paths.join());
    expect(paths(7)).toEqual(paths(7));
    expect(paths(7)).not.toEqual(paths(8));
  });

  it('varies the repositories: archetypes, monorepos with go.work, workflows and Dockerfiles', () => {
    const corpus = generateSnapshots(60, 2);
    expect(new Set(corpus.map(r => r.archetype)).size).toBeGreaterThanOrEqual(
      4,
    );
    const has = (test: (p: string) => boolean) =>
      corpus.some(r => r.snapshot.paths.some(test));
    expect(has(p => p === 'go.work')).toBe(true);
    expect(has(p => p.endsWith('/go.mod'))).toBe(true);
    expect(has(p => p === '.github/actions/setup-tools/action.yml')).toBe(true);
    expect(has(p => p.endsWith('Dockerfile'))).toBe(true);
    expect(has(p => p === 'renovate.json')).toBe(true);
    expect(has(p => p === '.github/dependabot.yml')).toBe(true);
  });

  it('gives repositories the engine can judge', () => {
    const [repository] = generateSnapshots(1, 4);
    const result = scanSnapshot(repository.snapshot);
    expect(result.findings).toHaveLength(RULES.length);
  });
});

describe('runBenchmark', () => {
  it('reports timings, throughput, the target and the cost breakdown', () => {
    const report = runBenchmark({ count: 8, seed: 5, warmup: 2 });
    expect(report.overall.count).toBe(8);
    expect(report.overall.max).toBeGreaterThanOrEqual(report.overall.median);
    expect(report.throughputPerSecond).toBeGreaterThan(0);
    expect(report.targetMs).toBe(5);
    expect(report.environment.node).toBe(process.version);
    expect(report.breakdown.map(p => p.phase)).toContain('model: workflows');
    expect(report.breakdown.map(p => p.phase)).toContain(
      'fix: docker-cache-mounts',
    );
    expect(report.withFixes.count).toBe(8);
    expect(report.fixCost.medianRatio).toBeCloseTo(
      report.withFixes.median / report.overall.median,
    );
    const text = printReport(report);
    expect(text).toContain('target (DESIGN.md)');
    expect(text).toContain(`node: ${process.version}`);
    expect(text).toContain(
      'fix suggestions (on in the backend, --fixes in the CLI): median',
    );
  });
});
