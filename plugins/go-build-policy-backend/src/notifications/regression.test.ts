import { finding } from '../__testUtils__/scans';
import { detectRegression } from './regression';
import { entityTabLink, regressionPayload } from './regressionMessage';

const findings = [
  finding('ci-module-cache', 'fail', 'warning'),
  finding('mod-go-sum', 'fail', 'error'),
  finding('docker-cache-mounts', 'pass', 'warning'),
];

describe('detectRegression', () => {
  it('is none for a first result', () => {
    expect(
      detectRegression(undefined, {
        level: 'needs-work',
        failingRuleIds: ['mod-go-sum'],
        findings,
      }),
    ).toBeUndefined();
  });

  it('lists rules that started failing, worst severity first', () => {
    const regression = detectRegression(
      { level: 'bronze', failingRuleIds: [] },
      {
        level: 'bronze',
        failingRuleIds: ['ci-module-cache', 'mod-go-sum'],
        findings,
      },
    );
    expect(regression?.newlyFailing.map(f => f.ruleId)).toEqual([
      'mod-go-sum',
      'ci-module-cache',
    ]);
    expect(regression?.levelDrop).toBeUndefined();
  });

  it('ignores rules that already failed and rules under a waiver', () => {
    expect(
      detectRegression(
        { level: 'bronze', failingRuleIds: ['ci-module-cache'] },
        {
          level: 'bronze',
          failingRuleIds: ['ci-module-cache', 'mod-go-sum'],
          findings,
        },
        new Set(['mod-go-sum']),
      ),
    ).toBeUndefined();
  });

  it('reports a level drop even when no new rule fails', () => {
    expect(
      detectRegression(
        { level: 'gold', failingRuleIds: ['mod-go-sum'] },
        { level: 'silver', failingRuleIds: ['mod-go-sum'], findings },
      ),
    ).toEqual({ newlyFailing: [], levelDrop: { from: 'gold', to: 'silver' } });
  });

  it('does not count a rise, or a change to or from not-applicable', () => {
    expect(
      detectRegression(
        { level: 'bronze', failingRuleIds: [] },
        { level: 'gold', failingRuleIds: [], findings },
      ),
    ).toBeUndefined();
    expect(
      detectRegression(
        { level: 'gold', failingRuleIds: [] },
        { level: 'not-applicable', failingRuleIds: [], findings },
      ),
    ).toBeUndefined();
  });
});

describe('regressionPayload', () => {
  it('names the drop, the rules and links to the entity tab', () => {
    const payload = regressionPayload(
      'component:default/payments-api',
      'Payments API',
      {
        newlyFailing: [finding('mod-go-sum', 'fail', 'error')],
        levelDrop: { from: 'gold', to: 'bronze' },
      },
      'abcdef1234567',
    );
    expect(payload).toEqual({
      title:
        'Payments API: Go build policy dropped from gold to bronze; 1 rule started failing at abcdef1',
      description: 'mod-go-sum (error): mod-go-sum is fail',
      link: '/catalog/default/component/payments-api/go-build-policy',
      severity: 'high',
      topic: 'go-build-policy',
      scope: 'go-build-policy:regression:component:default/payments-api',
    });
  });

  it('is normal severity for warnings and caps the listed rules', () => {
    const many = Array.from({ length: 7 }, (_, i) =>
      finding(`rule-${i}`, 'fail', 'warning'),
    );
    const payload = regressionPayload('component:default/a', 'a', {
      newlyFailing: many,
    });
    expect(payload.severity).toBe('normal');
    expect(payload.description?.split('\n')).toHaveLength(6);
    expect(payload.description).toContain('…and 2 more');
  });

  it('builds tab links for any kind and namespace', () => {
    expect(entityTabLink('Resource:ops/db one')).toBe(
      '/catalog/ops/resource/db%20one/go-build-policy',
    );
  });
});
