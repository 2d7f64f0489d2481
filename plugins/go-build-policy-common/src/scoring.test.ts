import { computeScore, isCompliant } from './scoring';
import { Finding, FindingStatus, Severity } from './types';
import { getRuleMetadata, RULES } from './rules';

function finding(
  ruleId: string,
  status: FindingStatus,
  severity: Severity,
): Finding {
  return {
    ruleId,
    status,
    severity,
    message: '',
    locations: [],
    remediation: '',
  };
}

describe('computeScore', () => {
  it('weighs rules by severity and gives half for warn', () => {
    const result = computeScore([
      finding('a', 'pass', 'error'), // 3 of 3
      finding('b', 'warn', 'warning'), // 1 of 2
      finding('c', 'fail', 'info'), // 0 of 1
      finding('d', 'not-applicable', 'error'), // not counted
    ]);
    expect(result.score).toBe(Math.round((100 * 4) / 6));
    expect(result.counts).toMatchObject({
      pass: 1,
      warn: 1,
      fail: 1,
      'not-applicable': 1,
    });
  });

  it('is gold only without failing error-severity rules', () => {
    const many = Array.from({ length: 40 }, (_, i) =>
      finding(`r${i}`, 'pass', 'error'),
    );
    expect(computeScore(many).level).toBe('gold');
    const withError = [...many, finding('bad', 'fail', 'error')];
    expect(computeScore(withError).score).toBeGreaterThanOrEqual(90);
    expect(computeScore(withError).level).toBe('bronze');
  });

  it('counts waived rules as passing for the effective score only', () => {
    const findings = [
      finding('a', 'pass', 'error'),
      finding('b', 'fail', 'error'),
    ];
    const result = computeScore(findings, { waivedRuleIds: ['b'] });
    expect(result.score).toBe(100);
    expect(result.level).toBe('gold');
    expect(result.rawScore).toBe(50);
    expect(result.rawLevel).toBe('bronze');
  });

  it('is not-applicable with a score of 100 when nothing applies', () => {
    const result = computeScore([finding('a', 'not-applicable', 'error')]);
    expect(result).toMatchObject({ score: 100, level: 'not-applicable' });
    expect(isCompliant(result.level)).toBe(false);
  });

  it('scores each category on its own', () => {
    const result = computeScore(
      [finding('ci-x', 'pass', 'warning'), finding('mod-x', 'fail', 'warning')],
      { categoryOf: id => (id.startsWith('ci') ? 'ci' : 'mod') },
    );
    expect(result.categories.ci?.score).toBe(100);
    expect(result.categories.mod?.score).toBe(0);
  });
});

describe('rule catalogue', () => {
  it('has unique ids prefixed by their category', () => {
    expect(new Set(RULES.map(r => r.id)).size).toBe(RULES.length);
    for (const rule of RULES)
      expect(rule.id.startsWith(`${rule.category}-`)).toBe(true);
    expect(getRuleMetadata('docker-cache-mounts')?.defaultSeverity).toBe(
      'warning',
    );
  });
});
