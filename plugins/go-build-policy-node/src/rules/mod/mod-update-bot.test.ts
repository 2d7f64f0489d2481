import { RuleContext } from '../../engine/RuleContext';
import { snapshotFromFiles } from '../../snapshot/RepositorySnapshot';
import { modUpdateBotRule } from './mod-update-bot';

const MODULES = {
  'go.mod': 'module example.com/root\n',
  'services/api/go.mod': 'module example.com/api\n',
};

function evaluate(files: Record<string, string>) {
  const snapshot = snapshotFromFiles(files);
  return modUpdateBotRule.evaluate(
    new RuleContext(snapshot, { privateModules: [] }),
  );
}

const dependabot = (...entries: string[]) =>
  ['version: 2', 'updates:', ...entries].join('\n');

describe('mod-update-bot', () => {
  it('passes when Dependabot gomod entries cover every module, pointing at the lines', () => {
    const result = evaluate({
      ...MODULES,
      '.github/dependabot.yml': dependabot(
        '  - package-ecosystem: gomod',
        '    directories: ["/", "/services/*"]',
        '    schedule: { interval: weekly }',
      ),
    });
    expect(result.status).toBe('pass');
    expect(result.locations).toEqual([
      { path: '.github/dependabot.yml', startLine: 4, endLine: 4 },
    ]);
  });

  it('warns when Dependabot covers some modules and names the missing directory', () => {
    const result = evaluate({
      ...MODULES,
      '.github/dependabot.yml': dependabot(
        '  - package-ecosystem: gomod',
        '    directory: "/"',
        '    schedule:',
        '      interval: daily',
      ),
    });
    expect(result.status).toBe('warn');
    expect(result.message).toContain(
      'no gomod entry of .github/dependabot.yml covers /services/api',
    );
    expect(result.remediation).toContain('- "/services/api"');
    expect(result.remediation).not.toContain('version: 2');
  });

  it('does not let a one-level glob cover a deeper module', () => {
    const result = evaluate({
      'go.mod': 'module example.com/root\n',
      'services/api/v2/go.mod': 'module example.com/api/v2\n',
      '.github/dependabot.yml': dependabot(
        '  - package-ecosystem: gomod',
        '    directories:',
        '      - "/"',
        '      - "/services/*"',
      ),
    });
    expect(result.status).toBe('warn');
  });

  it('fails a Dependabot config without a gomod entry', () => {
    const result = evaluate({
      ...MODULES,
      '.github/dependabot.yml': dependabot(
        '  - package-ecosystem: github-actions',
        '    directory: /',
      ),
    });
    expect(result.status).toBe('fail');
    expect(result.message).toContain(
      'it has no gomod entry (ecosystems: github-actions)',
    );
  });

  it('fails with a dependabot.yml to create when no bot is configured', () => {
    const result = evaluate(MODULES);
    expect(result.status).toBe('fail');
    expect(result.remediation).toContain('version: 2');
    expect(result.remediation).toContain('- "/"\n      - "/services/api"');
  });

  it('passes when Renovate runs with its default managers', () => {
    const result = evaluate({
      ...MODULES,
      'renovate.json': '{ "extends": ["config:recommended"] }',
    });
    expect(result.status).toBe('pass');
    expect(result.notes?.[0]).toContain('config:recommended');
  });

  it('fails when Renovate turns gomod off and nothing else updates modules', () => {
    const result = evaluate({
      ...MODULES,
      '.github/renovate.json5':
        "{\n  enabledManagers: ['npm', 'dockerfile'],\n}\n",
    });
    expect(result.status).toBe('fail');
    expect(result.message).toContain('enabledManagers: ["npm", "dockerfile"]');
    expect(result.locations).toEqual([
      { path: '.github/renovate.json5', startLine: 2, endLine: 2 },
    ]);
  });

  it('uses the first Renovate config in lookup order', () => {
    const result = evaluate({
      ...MODULES,
      'renovate.json': '{ "gomod": { "enabled": false } }',
      '.renovaterc': '{}',
    });
    expect(result.status).toBe('fail');
  });

  it('passes through the renovate key of package.json', () => {
    const result = evaluate({
      ...MODULES,
      'package.json': '{ "renovate": { "enabledManagers": ["gomod"] } }',
    });
    expect(result.status).toBe('pass');
  });

  it('reports broken dependabot YAML as an error with its line', () => {
    const result = evaluate({
      ...MODULES,
      '.github/dependabot.yml': 'version: 2\nupdates:\n  - [oops\n',
    });
    expect(result.status).toBe('error');
    expect(result.locations?.[0].path).toBe('.github/dependabot.yml');
  });

  it('lets a working Renovate decide when dependabot.yml is broken', () => {
    const result = evaluate({
      ...MODULES,
      '.github/dependabot.yml': 'updates: [',
      'renovate.json': '{}',
    });
    expect(result.status).toBe('pass');
  });

  it('is not applicable without go.mod', () => {
    expect(evaluate({ 'renovate.json': '{}' }).status).toBe('not-applicable');
  });
});
