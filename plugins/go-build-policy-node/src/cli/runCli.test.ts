import { rmSync } from 'node:fs';
import * as scan from '../engine/scan';
import { EXIT_BELOW_THRESHOLD, EXIT_OK, EXIT_USAGE, runCli } from './runCli';
import { FAILING_SERVICE, writeRepository } from './testRepository';

jest.mock('../engine/scan', () => {
  const actual = jest.requireActual('../engine/scan');
  return { ...actual, scanSnapshot: jest.fn(actual.scanSnapshot) };
});
const scanSnapshot = scan.scanSnapshot as jest.MockedFunction<
  typeof scan.scanSnapshot
>;

function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli(args, {
    stdout: t => out.push(t),
    stderr: t => err.push(t),
    colour: false,
    version: '0.0.0-test',
  });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

describe('runCli', () => {
  let repo: string;
  beforeAll(() => {
    repo = writeRepository(FAILING_SERVICE);
  });
  afterAll(() => rmSync(repo, { recursive: true, force: true }));
  beforeEach(() => scanSnapshot.mockClear());

  it('passes --private-modules patterns to the engine settings', () => {
    run([
      'scan',
      repo,
      '--format',
      'json',
      '--private-modules',
      'github.com/acme/*,go.acme.dev',
    ]);
    expect(scanSnapshot).toHaveBeenCalledTimes(1);
    expect(scanSnapshot.mock.calls[0][1]?.settings?.privateModules).toEqual([
      'github.com/acme/*',
      'go.acme.dev',
    ]);
  });

  it('computes fix suggestions only with --fixes, in json and in the table', () => {
    const plain = JSON.parse(run(['scan', repo, '--format', 'json']).stdout);
    expect(scanSnapshot.mock.calls[0][1]?.fixes).toBe(false);
    expect(plain.findings.some((f: { fix?: unknown }) => f.fix)).toBe(false);

    const withFixes = JSON.parse(
      run(['scan', repo, '--format', 'json', '--fixes']).stdout,
    );
    const fixed = withFixes.findings.filter((f: { fix?: unknown }) => f.fix);
    expect(fixed.length).toBeGreaterThan(0);
    expect(fixed[0].fix.files[0].diff).toMatch(/^--- (a\/|\/dev\/null)/);

    const table = run(['scan', repo, '--fixes']).stdout;
    expect(table).toContain(`Suggested fix: ${fixed[0].fix.title}`);
    expect(run(['scan', repo]).stdout).not.toContain('Suggested fix:');
  });

  it('scans the files of the directory', () => {
    run(['scan', repo, '--format', 'json']);
    const snapshot = scanSnapshot.mock.calls[0][0];
    expect(snapshot.paths).toEqual(Object.keys(FAILING_SERVICE).sort());
    expect(snapshot.file('go.mod')).toEqual({
      kind: 'text',
      text: FAILING_SERVICE['go.mod'],
    });
  });

  it('exits 1 when the score is below --fail-under and 0 when it is not', () => {
    scanSnapshot.mockImplementation((snapshot, options) => ({
      ...jest.requireActual('../engine/scan').scanSnapshot(snapshot, options),
      score: 42,
    }));
    try {
      const below = run([
        'scan',
        repo,
        '--format',
        'json',
        '--fail-under',
        '50',
      ]);
      expect(below.code).toBe(EXIT_BELOW_THRESHOLD);
      expect(below.stderr).toContain('score 42 is below --fail-under 50');
      expect(JSON.parse(below.stdout).score).toBe(42);
      expect(
        run(['scan', repo, '--format', 'json', '--fail-under', '42']).code,
      ).toBe(EXIT_OK);
      expect(run(['scan', repo, '--format', 'json']).code).toBe(EXIT_OK);
    } finally {
      scanSnapshot.mockImplementation(
        jest.requireActual('../engine/scan').scanSnapshot,
      );
    }
  });

  it('does not scan when the directory cannot be read', () => {
    const result = run(['scan', `${repo}/missing`]);
    expect(result.code).toBe(EXIT_USAGE);
    expect(scanSnapshot).not.toHaveBeenCalled();
  });
});
