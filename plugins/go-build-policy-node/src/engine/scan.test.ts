import {
  RULES,
  RuleMetadata,
} from '@go-build-policy/plugin-go-build-policy-common';
import { snapshotFromFiles } from '../snapshot/RepositorySnapshot';
import { outcome, PolicyRule } from './Rule';
import { BUILT_IN_RULES } from './registry';
import { activeRules, scanSnapshot } from './scan';

const repository = snapshotFromFiles({
  'go.mod':
    'module example.com/a\n\ngo 1.23\n\nrequire golang.org/x/sync v0.8.0\n',
  'go.sum': 'golang.org/x/sync v0.8.0 h1:abc=\n',
  '.github/workflows/ci.yml':
    'on: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-go@v5\n        with:\n          go-version-file: go.mod\n      - run: go test ./...\n',
  Dockerfile:
    'FROM golang:1.23 AS build\nWORKDIR /src\nCOPY go.mod go.sum ./\nRUN go mod download\nCOPY . .\nRUN go build ./...\n',
});

function orgRule(
  id: string,
  evaluate: PolicyRule['evaluate'],
  severity: RuleMetadata['defaultSeverity'] = 'error',
): PolicyRule {
  return {
    id,
    metadata: {
      id,
      category: 'ci',
      defaultSeverity: severity,
      title: `Organisation rule ${id}`,
      rationale: 'Org policy.',
      passWhen: 'always',
      failWhen: 'never',
      notApplicableWhen: 'never',
      remediation: 'Follow the org handbook.',
    },
    evaluate,
  };
}

/** Settings that switch off every built-in rule, so a score depends on the test's own rules. */
function onlyExtensionRules(
  rules: Record<string, { severity?: RuleMetadata['defaultSeverity'] }> = {},
) {
  return {
    rules: {
      ...Object.fromEntries(RULES.map(r => [r.id, { enabled: false }])),
      ...rules,
    },
  };
}

describe('BUILT_IN_RULES', () => {
  it('has one rule per catalogue id, in catalogue order', () => {
    expect(BUILT_IN_RULES.map(r => r.id)).toEqual(RULES.map(r => r.id));
  });
});

describe('scanSnapshot', () => {
  it('gives a repository without go.mod no level, whatever rules pass', () => {
    const result = scanSnapshot(
      snapshotFromFiles({
        Dockerfile: 'FROM alpine:3.20\n',
        'README.md': '# tools',
      }),
    );
    expect(result.level).toBe('not-applicable');
    expect(result.rawLevel).toBe('not-applicable');
  });

  it('gives exactly one finding per rule of the catalogue', () => {
    const ids = scanSnapshot(repository).findings.map(f => f.ruleId);
    expect(ids).toEqual(RULES.map(r => r.id));
  });

  it('gives every finding a valid status, the default severity and a remediation', () => {
    for (const finding of scanSnapshot(repository).findings) {
      const rule = RULES.find(r => r.id === finding.ruleId)!;
      expect(['pass', 'fail', 'warn', 'not-applicable', 'error']).toContain(
        finding.status,
      );
      expect(finding.severity).toBe(rule.defaultSeverity);
      expect(finding.message.length).toBeGreaterThan(0);
      expect(finding.remediation.length).toBeGreaterThan(0);
      for (const l of finding.locations) {
        expect(l.startLine).toBeGreaterThanOrEqual(1);
        expect(l.endLine).toBeGreaterThanOrEqual(l.startLine);
      }
    }
  });

  it('drops rules disabled in the settings', () => {
    const result = scanSnapshot(repository, {
      settings: {
        rules: {
          'mod-go-sum': { enabled: false },
          'ci-key-os-arch': { enabled: false },
        },
      },
    });
    const ids = result.findings.map(f => f.ruleId);
    expect(ids).not.toContain('mod-go-sum');
    expect(ids).not.toContain('ci-key-os-arch');
    expect(ids).toHaveLength(RULES.length - 2);
  });

  it('applies severity overrides to findings and to the score weights', () => {
    const failing = orgRule('org-failing', () => outcome.fail('fails'), 'info');
    const passing = orgRule(
      'org-passing',
      () => outcome.pass('passes'),
      'info',
    );
    const base = scanSnapshot(repository, {
      extraRules: [failing, passing],
      settings: onlyExtensionRules(),
    });
    const raised = scanSnapshot(repository, {
      extraRules: [failing, passing],
      settings: onlyExtensionRules({ 'org-failing': { severity: 'error' } }),
    });
    expect(
      raised.findings.find(f => f.ruleId === 'org-failing')?.severity,
    ).toBe('error');
    expect(base.score).toBe(50);
    expect(raised.score).toBe(25);
    const builtIn = scanSnapshot(repository, {
      settings: { rules: { 'mod-go-sum': { severity: 'info' } } },
    });
    expect(
      builtIn.findings.find(f => f.ruleId === 'mod-go-sum')?.severity,
    ).toBe('info');
  });

  it('turns a rule that throws into an error finding and still runs the others', () => {
    const throwing = orgRule('org-throws', () => {
      throw new Error('unexpected token');
    });
    const after = orgRule('org-after', () => outcome.pass('fine'));
    const result = scanSnapshot(repository, { extraRules: [throwing, after] });
    const failed = result.findings.find(f => f.ruleId === 'org-throws');
    expect(failed).toMatchObject({
      status: 'error',
      severity: 'error',
      message: expect.stringContaining('unexpected token'),
      remediation: 'Follow the org handbook.',
    });
    expect(result.findings.find(f => f.ruleId === 'org-after')?.status).toBe(
      'pass',
    );
    expect(result.findings).toHaveLength(RULES.length + 2);
  });

  it('scores extension rules with their own metadata and category', () => {
    const result = scanSnapshot(repository, {
      extraRules: [orgRule('org-warns', () => outcome.warn('half'), 'warning')],
      settings: onlyExtensionRules(),
    });
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({
      ruleId: 'org-warns',
      status: 'warn',
      severity: 'warning',
    });
    expect(result.categories.ci).toEqual({ score: 50, earned: 1, possible: 2 });
    expect(result.score).toBe(50);
  });

  it('ignores extension rules that reuse a built-in id or bring no metadata', () => {
    const impostor = {
      ...orgRule('mod-go-sum', () => outcome.fail('hijacked')),
    };
    const anonymous: PolicyRule = {
      id: 'org-anonymous',
      evaluate: () => outcome.fail('no metadata'),
    };
    const result = scanSnapshot(repository, {
      extraRules: [impostor, anonymous],
    });
    expect(result.findings.map(f => f.ruleId)).toEqual(RULES.map(r => r.id));
    expect(
      result.findings.find(f => f.ruleId === 'mod-go-sum')?.message,
    ).not.toBe('hijacked');
  });

  it('counts waived rules as passing for the effective score only', () => {
    const failing = orgRule('org-failing', () => outcome.fail('fails'));
    const result = scanSnapshot(repository, {
      extraRules: [failing],
      waivedRuleIds: ['org-failing'],
      settings: onlyExtensionRules(),
    });
    expect(result.score).toBe(100);
    expect(result.rawScore).toBe(0);
  });

  it('is deterministic: the same snapshot gives the same result, whatever the file order', () => {
    const files = {
      'go.mod': 'module a\n\ngo 1.22\n',
      'b/go.mod': 'module a/b\n\ngo 1.22\n',
      Dockerfile: 'FROM golang:1.22\nCOPY . .\nRUN go build ./...\n',
      '.github/workflows/a.yml':
        'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: go build ./...\n',
    };
    const reversed = Object.fromEntries(Object.entries(files).reverse());
    const first = JSON.stringify(scanSnapshot(snapshotFromFiles(files)));
    expect(JSON.stringify(scanSnapshot(snapshotFromFiles(files)))).toBe(first);
    expect(JSON.stringify(scanSnapshot(snapshotFromFiles(reversed)))).toBe(
      first,
    );
  });
});

describe('activeRules', () => {
  it('lists built-in rules first with catalogue metadata, then extension rules', () => {
    const extra = orgRule('org-extra', () => outcome.pass('ok'));
    const active = activeRules({ extraRules: [extra] });
    expect(active.map(a => a.rule.id)).toEqual([
      ...RULES.map(r => r.id),
      'org-extra',
    ]);
    expect(active[0].metadata).toBe(RULES[0]);
    expect(active.at(-1)?.metadata.title).toBe('Organisation rule org-extra');
  });
});
