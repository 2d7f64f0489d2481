import { RULES } from '@go-build-policy/plugin-go-build-policy-common';
import { snapshotFromFiles } from '../../snapshot/RepositorySnapshot';
import { formatSarif } from './sarif';
import { fallbackPath } from './sarifLocations';
import { scanResultWith } from './testFindings';

const workflow = [
  'name: ci',
  'on: [push]',
  'jobs:',
  '  build:',
  '    runs-on: ubuntu-latest',
  '    steps:',
  '      - uses: actions/setup-go@v5',
  '      - run: go test ./...',
].join('\n');

const snapshot = snapshotFromFiles(
  {
    'go.mod': 'module example.com/a\n\ngo 1.23\n',
    '.github/workflows/ci.yml': workflow,
    Dockerfile: 'FROM golang:1.23\nCOPY . .\nRUN go build ./...\n',
  },
  { extraPaths: ['main.go'] },
);

function sarifOf(overrides: Parameters<typeof scanResultWith>[0]) {
  const text = formatSarif({
    result: scanResultWith(overrides),
    rules: RULES,
    snapshot,
    toolVersion: '1.2.3',
  });
  return JSON.parse(text);
}

describe('formatSarif', () => {
  it('describes every rule that ran in tool.driver and reports only fail, warn and error', () => {
    const log = sarifOf({
      'ci-module-cache': {
        status: 'fail',
        message: 'Job build restores no module cache',
        locations: [
          { path: '.github/workflows/ci.yml', startLine: 4, endLine: 8 },
        ],
      },
      'mod-go-sum': { status: 'pass' },
      'ci-key-os-arch': {
        status: 'warn',
        locations: [
          { path: '.github/workflows/ci.yml', startLine: 7, endLine: 7 },
        ],
      },
      'docker-mod-download-layer': {
        status: 'error',
        message: 'Dockerfile could not be parsed',
      },
    });
    expect(log.version).toBe('2.1.0');
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe('go-build-policy');
    expect(run.tool.driver.version).toBe('1.2.3');
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(
      RULES.map(r => r.id),
    );
    expect(run.automationDetails.id).toBe('go-build-policy/');
    expect(run.results.map((r: { ruleId: string }) => r.ruleId)).toEqual([
      'ci-module-cache',
      'ci-key-os-arch',
      'docker-mod-download-layer',
    ]);
    const [fail] = run.results;
    expect(fail.ruleIndex).toBe(0);
    expect(fail.level).toBe('warning');
    expect(fail.message.text).toContain('Job build restores no module cache');
    expect(fail.locations[0].physicalLocation).toMatchObject({
      artifactLocation: {
        uri: '.github/workflows/ci.yml',
        uriBaseId: '%SRCROOT%',
      },
      region: {
        startLine: 4,
        endLine: 8,
        snippet: { text: expect.stringContaining('runs-on') },
      },
    });
  });

  it('fills every reporting descriptor GitHub shows', () => {
    const rule = sarifOf({}).runs[0].tool.driver.rules.find(
      (r: { id: string }) => r.id === 'docker-no-secret-args',
    );
    expect(rule).toMatchObject({
      name: 'DockerNoSecretArgs',
      shortDescription: { text: expect.any(String) },
      fullDescription: { text: expect.any(String) },
      help: {
        text: expect.stringContaining('Remediation'),
        markdown: expect.stringContaining('**'),
      },
      helpUri: expect.stringMatching(/^https:\/\//),
      defaultConfiguration: { level: 'error' },
      properties: {
        tags: expect.arrayContaining(['security']),
        'security-severity': '7.5',
      },
    });
    const cacheRule = sarifOf({}).runs[0].tool.driver.rules.find(
      (r: { id: string }) => r.id === 'ci-module-cache',
    );
    expect(cacheRule.properties.tags).not.toContain('security');
    expect(cacheRule.properties['security-severity']).toBeUndefined();
  });

  it('maps severities to levels and reports warn one level lower', () => {
    const levels = sarifOf({
      'mod-go-sum': { status: 'fail' }, // error
      'mod-no-external-replace': { status: 'warn' }, // error
      'ci-module-cache': { status: 'warn' }, // warning
      'mod-update-bot': { status: 'fail' }, // info
    }).runs[0].results.map((r: { ruleId: string; level: string }) => [
      r.ruleId,
      r.level,
    ]);
    expect(levels).toEqual([
      ['ci-module-cache', 'note'],
      ['mod-go-sum', 'error'],
      ['mod-no-external-replace', 'warning'],
      ['mod-update-bot', 'note'],
    ]);
  });

  it('uses the configured severity for the rule level', () => {
    const log = sarifOf({
      'mod-update-bot': { status: 'fail', severity: 'error' },
    });
    const rule = log.runs[0].tool.driver.rules.find(
      (r: { id: string }) => r.id === 'mod-update-bot',
    );
    expect(rule.defaultConfiguration.level).toBe('error');
    expect(log.runs[0].results[0].level).toBe('error');
  });

  it('places a finding without location on line 1 of the file it is most about', () => {
    const results = sarifOf({
      'mod-update-bot': { status: 'fail' },
      'ci-clean-validation': { status: 'fail' },
      'docker-context-ignore': { status: 'fail' },
    }).runs[0].results;
    const uris = results.map((r: any) => [
      r.ruleId,
      r.locations[0].physicalLocation.artifactLocation.uri,
      r.locations[0].physicalLocation.region.startLine,
    ]);
    expect(uris).toEqual([
      ['ci-clean-validation', '.github/workflows/ci.yml', 1],
      ['mod-update-bot', 'go.mod', 1],
      ['docker-context-ignore', 'Dockerfile', 1],
    ]);
  });

  it('keeps fingerprints stable when lines move and distinct across rules', () => {
    const at = (line: number) =>
      sarifOf({
        'mod-go-sum': {
          status: 'fail',
          locations: [{ path: 'go.mod', startLine: line, endLine: line }],
        },
        'mod-no-external-replace': {
          status: 'fail',
          locations: [{ path: 'go.mod', startLine: 1, endLine: 1 }],
        },
      }).runs[0].results.map(
        (r: any) => r.partialFingerprints['goBuildPolicyFinding/v1'],
      );
    const [first, other] = at(1);
    expect(at(3)[0]).toBe(first);
    expect(other).not.toBe(first);
  });

  it('reports further locations as related locations', () => {
    const [result] = sarifOf({
      'ci-module-cache': {
        status: 'fail',
        locations: [
          { path: '.github/workflows/ci.yml', startLine: 4, endLine: 4 },
          { path: 'Dockerfile', startLine: 2, endLine: 2 },
        ],
      },
    }).runs[0].results;
    expect(result.locations).toHaveLength(1);
    expect(result.relatedLocations).toEqual([
      expect.objectContaining({
        id: 1,
        physicalLocation: expect.objectContaining({
          artifactLocation: { uri: 'Dockerfile', uriBaseId: '%SRCROOT%' },
        }),
      }),
    ]);
  });

  it('clamps invalid line numbers to a valid region', () => {
    const [result] = sarifOf({
      'mod-go-sum': {
        status: 'fail',
        locations: [{ path: 'go.mod', startLine: 0, endLine: -2 }],
      },
    }).runs[0].results;
    expect(result.locations[0].physicalLocation.region).toMatchObject({
      startLine: 1,
      endLine: 1,
    });
  });
});

describe('fallbackPath', () => {
  it('prefers the root go.mod, then a nested one, then any file', () => {
    expect(fallbackPath('mod', ['a/go.mod', 'go.mod'])).toBe('go.mod');
    expect(fallbackPath('mod', ['README.md', 'svc/go.mod'])).toBe('svc/go.mod');
    expect(fallbackPath('mod', ['README.md'])).toBe('README.md');
    expect(fallbackPath('ci', [])).toBe('go.mod');
  });
});
