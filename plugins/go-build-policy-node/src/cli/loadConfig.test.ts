import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  loadConfig,
  splitModulePatterns,
  validatePolicySettings,
} from './loadConfig';

describe('loadConfig', () => {
  let dir: string;
  const file = (name: string, content: string) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'gbp-config-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads rules and private modules from YAML', () => {
    const path = file(
      'policy.yaml',
      [
        'rules:',
        '  ci-module-cache: { enabled: false }',
        '  mod-update-bot:',
        '    severity: warning',
        'privateModules:',
        '  - github.com/acme/*',
        '  - go.acme.dev,corp.example.com/x',
      ].join('\n'),
    );
    expect(loadConfig(path)).toEqual({
      ok: true,
      settings: {
        rules: {
          'ci-module-cache': { enabled: false },
          'mod-update-bot': { severity: 'warning' },
        },
        privateModules: [
          'github.com/acme/*',
          'go.acme.dev',
          'corp.example.com/x',
        ],
      },
    });
  });

  it('reads the same settings from JSON', () => {
    const path = file(
      'policy.json',
      JSON.stringify({
        rules: { 'docker-cache-mounts': { severity: 'info' } },
      }),
    );
    expect(loadConfig(path)).toEqual({
      ok: true,
      settings: { rules: { 'docker-cache-mounts': { severity: 'info' } } },
    });
  });

  it('takes goBuildPolicy.policy from a whole app-config file', () => {
    const path = file(
      'app-config.yaml',
      'app:\n  title: x\ngoBuildPolicy:\n  policy:\n    privateModules: [go.acme.dev]\n',
    );
    expect(loadConfig(path)).toEqual({
      ok: true,
      settings: { privateModules: ['go.acme.dev'] },
    });
  });

  it('accepts an empty file as no settings', () => {
    expect(loadConfig(file('empty.yaml', ''))).toEqual({
      ok: true,
      settings: {},
    });
  });

  it('reports every problem with where it is', () => {
    const path = file(
      'bad.yaml',
      [
        'rules:',
        '  ci-modul-cache: { enabled: false }',
        '  mod-go-sum: { severity: critical, enabled: "no", weight: 3 }',
        'privateModules: 42',
        'color: red',
      ].join('\n'),
    );
    const result = loadConfig(path);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      'rules.ci-modul-cache: unknown rule id (see the rule catalogue for the ids)',
      'rules.mod-go-sum.severity: must be one of error, warning, info',
      'rules.mod-go-sum.enabled: must be true or false',
      'rules.mod-go-sum.weight: unknown setting (expected enabled or severity)',
      'privateModules: must be a list of module path patterns',
      'color: unknown setting (expected rules or privateModules)',
    ]);
  });

  it('reports broken YAML without throwing', () => {
    const result = loadConfig(file('broken.yaml', 'rules: [\n  {'));
    expect(result).toEqual({
      ok: false,
      errors: [expect.stringContaining('not valid YAML or JSON')],
    });
  });

  it('refuses an alias bomb instead of expanding it', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 12; i++) {
      const prev = String.fromCharCode(96 + i);
      const next = String.fromCharCode(97 + i);
      lines.push(
        `${next}: &${next} [${Array(10).fill(`*${prev}`).join(', ')}]`,
      );
    }
    const started = Date.now();
    const result = loadConfig(file('bomb.yaml', lines.join('\n')));
    expect(result.ok).toBe(false);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('reports a file that cannot be read', () => {
    expect(loadConfig(join(dir, 'missing.yaml'))).toEqual({
      ok: false,
      errors: [expect.stringContaining('cannot read the file')],
    });
  });

  it('rejects a document that is not a mapping', () => {
    expect(validatePolicySettings(['rules'])).toMatchObject({ ok: false });
  });
});

describe('splitModulePatterns', () => {
  it('splits on commas and drops empty entries like GOPRIVATE', () => {
    expect(splitModulePatterns(' github.com/acme/*, ,go.acme.dev,')).toEqual([
      'github.com/acme/*',
      'go.acme.dev',
    ]);
  });
});
