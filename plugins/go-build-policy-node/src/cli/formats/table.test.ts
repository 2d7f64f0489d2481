import { RULES } from '@go-build-policy/plugin-go-build-policy-common';
import { formatTable } from './table';
import { scanResultWith } from './testFindings';

const result = scanResultWith({
  'ci-module-cache': {
    status: 'fail',
    message: 'Job `build` in ci.yml\nrestores no module cache',
    locations: [
      { path: '.github/workflows/ci.yml', startLine: 9, endLine: 14 },
      { path: '.github/workflows/lint.yml', startLine: 3, endLine: 3 },
    ],
  },
  'mod-go-sum': {
    status: 'pass',
    message: 'go.mod has its go.sum',
    locations: [{ path: 'go.mod', startLine: 1, endLine: 1 }],
  },
  'docker-cache-mounts': {
    status: 'warn',
    message: 'Stage build mounts only the module cache',
  },
});

describe('formatTable', () => {
  it('starts with the score, level, category sub-scores and counts', () => {
    const lines = formatTable({ result, rules: RULES, colour: false }).split(
      '\n',
    );
    expect(lines[0]).toBe(
      `go-build-policy score ${result.score}/100, level ${result.level}`,
    );
    expect(lines[1]).toBe(
      'categories: ci 0 | mod 100 | toolchain n/a | private n/a | docker 50',
    );
    expect(lines[2]).toBe(
      'rules: 1 pass, 1 fail, 1 warn, 0 error, 21 not applicable',
    );
  });

  it('groups every rule under its category with status, severity, message and first location', () => {
    const text = formatTable({ result, rules: RULES, colour: false });
    for (const rule of RULES) expect(text).toContain(rule.id);
    expect(text.indexOf('ci: caches in CI (0/100)')).toBeLessThan(
      text.indexOf('mod: reproducible'),
    );
    expect(text).toMatch(
      /FAIL {3}warning {2}ci-module-cache +Job `build` in ci.yml\n +restores no module cache\n/,
    );
    expect(text).toContain('.github/workflows/ci.yml:9-14 (+1 more)');
    expect(text).toContain('go.mod:1\n');
    expect(text).toMatch(/WARN {3}warning {2}docker-cache-mounts/);
    expect(text).toContain(
      'toolchain: one Go version, on purpose (not applicable)',
    );
  });

  it('writes no escape codes without colour', () => {
    expect(formatTable({ result, rules: RULES, colour: false })).not.toContain(
      '\u001b[',
    );
  });

  it('colours statuses on a terminal', () => {
    const text = formatTable({ result, rules: RULES, colour: true });
    expect(text).toContain('\u001b[31mFAIL ');
    expect(text).toContain('\u001b[32mPASS ');
  });
});
