import { ScanResult } from '../../engine/scan';

/**
 * The JSON report of the CLI contract: `score`, `level` and `findings` first (tools read
 * those), then the raw score, the category sub-scores and the status counts.
 */
export function formatJson(result: ScanResult): string {
  const report = {
    score: result.score,
    level: result.level,
    findings: result.findings,
    rawScore: result.rawScore,
    rawLevel: result.rawLevel,
    categories: result.categories,
    counts: result.counts,
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
