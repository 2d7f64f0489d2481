import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { RULES } from '@go-build-policy/plugin-go-build-policy-common';
import { FAILING_SERVICE, writeRepository } from './testRepository';

jest.setTimeout(120_000);

const LAUNCHER = resolve(__dirname, '../../bin/go-build-policy');

function cli(...args: string[]) {
  const run = spawnSync(process.execPath, [LAUNCHER, ...args], {
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('go-build-policy CLI (launcher, end to end)', () => {
  let repo: string;

  beforeAll(() => {
    repo = writeRepository(FAILING_SERVICE);
  });
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it('prints one JSON object with score, level and every rule exactly once', () => {
    const { code, stdout, stderr } = cli('scan', repo, '--format', 'json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(Object.keys(report).slice(0, 3)).toEqual([
      'score',
      'level',
      'findings',
    ]);
    expect(report.score).toBeGreaterThanOrEqual(0);
    expect(report.score).toBeLessThanOrEqual(100);
    expect(
      report.findings.map((f: { ruleId: string }) => f.ruleId).sort(),
    ).toEqual(RULES.map(r => r.id).sort());
    for (const finding of report.findings) {
      expect(finding).toEqual(
        expect.objectContaining({
          status: expect.stringMatching(
            /^(pass|fail|warn|not-applicable|error)$/,
          ),
          severity: expect.stringMatching(/^(error|warning|info)$/),
          message: expect.any(String),
          locations: expect.any(Array),
          remediation: expect.any(String),
        }),
      );
    }
  });

  it('exits 1 exactly when the score is below --fail-under', () => {
    const { score } = JSON.parse(cli('scan', repo, '--format', 'json').stdout);
    const atScore = cli(
      'scan',
      repo,
      '--format',
      'json',
      '--fail-under',
      String(score),
    );
    expect(atScore.code).toBe(0);
    const above = cli('scan', repo, '--format', 'json', '--fail-under', '100');
    expect(above.code).toBe(score < 100 ? 1 : 0);
    expect(
      above.stderr.includes(`score ${score} is below --fail-under 100`),
    ).toBe(score < 100);
  });

  it('exits 2 with a message when the directory cannot be read', () => {
    const { code, stdout, stderr } = cli(
      'scan',
      join(repo, 'no-such-dir'),
      '--format',
      'json',
    );
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/cannot read .*no-such-dir: it does not exist/);
  });

  it('exits 2 and lists the problems of a bad --config', () => {
    const config = join(repo, 'bad-policy.yaml');
    writeFileSync(config, 'rules:\n  mod-go-sum: { severity: fatal }\n');
    const { code, stdout, stderr } = cli('scan', repo, '--config', config);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('invalid --config file');
    expect(stderr).toContain(
      'rules.mod-go-sum.severity: must be one of error, warning, info',
    );
  });

  it('exits 2 on bad flag values', () => {
    expect(cli('scan', repo, '--format', 'xml').code).toBe(2);
    expect(cli('scan', repo, '--fail-under', 'high').code).toBe(2);
    expect(cli('scan', repo, '--fail-under', '101').code).toBe(2);
    expect(cli('scan').code).toBe(2);
    expect(cli('inspect', repo).code).toBe(2);
  });

  it('applies a --config that disables a rule and changes a severity', () => {
    const config = join(repo, 'policy.json');
    writeFileSync(
      config,
      JSON.stringify({
        rules: {
          'ci-module-cache': { enabled: false },
          'mod-update-bot': { severity: 'error' },
        },
      }),
    );
    const report = JSON.parse(
      cli('scan', repo, '--format', 'json', '--config', config).stdout,
    );
    const ids = report.findings.map((f: { ruleId: string }) => f.ruleId);
    expect(ids).not.toContain('ci-module-cache');
    expect(ids).toHaveLength(RULES.length - 1);
    expect(
      report.findings.find(
        (f: { ruleId: string }) => f.ruleId === 'mod-update-bot',
      ).severity,
    ).toBe('error');
  });

  it('passes --private-modules to the private-module rules', () => {
    const statusOf = (...flags: string[]) =>
      JSON.parse(
        cli('scan', repo, '--format', 'json', ...flags).stdout,
      ).findings.find(
        (f: { ruleId: string }) => f.ruleId === 'private-goprivate',
      ).status;
    // go.mod requires github.com/acme/shared: private only once the pattern says so.
    expect(statusOf()).toBe('not-applicable');
    expect(statusOf('--private-modules', 'github.com/acme/*')).not.toBe(
      'not-applicable',
    );
  });

  it('writes SARIF 2.1.0 whose results all have a location in the repository', () => {
    const { code, stdout } = cli('scan', repo, '--format', 'sarif');
    expect(code).toBe(0);
    const log = JSON.parse(stdout);
    expect(log.version).toBe('2.1.0');
    const run = log.runs[0];
    expect(run.tool.driver.rules).toHaveLength(RULES.length);
    const files = new Set(Object.keys(FAILING_SERVICE));
    for (const result of run.results) {
      expect(['error', 'warning', 'note']).toContain(result.level);
      const uri = result.locations[0].physicalLocation.artifactLocation.uri;
      expect(files.has(decodeURI(uri))).toBe(true);
    }
  });

  it('prints a table by default, without colours when NO_COLOR is set', () => {
    const { code, stdout } = cli('scan', repo);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^go-build-policy score \d+\/100, level /);
    expect(stdout).toContain('docker: layers that keep dependency downloads');
    expect(stdout).not.toContain('\u001b[');
  });

  it('prints its version and help with exit 0', () => {
    expect(cli('--version')).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^\d+\.\d+\.\d+/),
    });
    expect(cli('scan', '--help')).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('--fail-under'),
    });
  });
});
