import { snapshotFromFiles } from '../../snapshot/RepositorySnapshot';
import { buildGoModel } from './buildGoModel';
import {
  dependabotCovers,
  dependabotPathExcluded,
  dependabotPatternCovers,
} from './dependabot';
import { parseJson5 } from './json5';

const bots = (files: Record<string, string>) =>
  buildGoModel(snapshotFromFiles(files)).updateBots;

describe('dependabot config', () => {
  it('reads gomod entries with directory and directories lines', () => {
    const { dependabot } = bots({
      '.github/dependabot.yml': [
        'version: 2',
        'updates:',
        '  - package-ecosystem: npm',
        '    directory: /',
        '  - package-ecosystem: gomod',
        '    directory: /',
        '  - package-ecosystem: "gomod"',
        '    directories:',
        '      - "/services/*"',
        '      - /libs/**',
      ].join('\n'),
    });
    expect(dependabot?.ecosystems).toEqual(['npm', 'gomod', 'gomod']);
    expect(
      dependabot?.gomodEntries.map(e => [e.directories, e.lines.startLine]),
    ).toEqual([
      [[{ pattern: '/', line: 6 }], 5],
      [
        [
          { pattern: '/services/*', line: 9 },
          { pattern: '/libs/**', line: 10 },
        ],
        7,
      ],
    ]);
  });

  it('reports broken YAML with its line', () => {
    const { dependabot } = bots({
      '.github/dependabot.yaml': 'version: 2\nupdates:\n  - [unclosed\n',
    });
    expect(dependabot?.path).toBe('.github/dependabot.yaml');
    expect(dependabot?.problem?.line).toBeGreaterThan(1);
  });

  it('reports a config without an updates list', () => {
    const { dependabot } = bots({ '.github/dependabot.yml': 'version: 2\n' });
    expect(dependabot?.problem?.message).toContain('updates');
  });

  it.each([
    ['/', '', true],
    ['/', 'svc', false],
    ['', '', true],
    ['/svc/api/', 'svc/api', true],
    ['svc/api', 'svc/api', true],
    ['/svc/*', 'svc/api', true],
    ['/svc/*', 'svc/api/v2', false],
    ['/svc/**', 'svc/api/v2', true],
    ['/svc/**', 'svc', true],
    ['/**', '', true],
    ['/**/go', 'a/b/go', true],
    ['/s?c/a*', 'svc/api', true],
  ])('pattern %s covers module dir "%s": %s', (pattern, dir, expected) => {
    expect(dependabotPatternCovers(pattern, dir)).toBe(expected);
  });
});

describe('dependabot exclude-paths', () => {
  it.each([
    ['examples/**', 'examples/demo', true],
    ['examples', 'examples/demo/v2', true],
    ['**/testdata/**', 'pkg/testdata/mod', true],
    ['tools/go.mod', 'tools', true],
    ['examples/**', 'services/api', false],
  ])('pattern %s excludes module dir %s: %s', (pattern, dir, expected) => {
    expect(dependabotPathExcluded(pattern, dir)).toBe(expected);
  });

  it('leaves a module uncovered when its entry excludes it', () => {
    const { dependabot } = bots({
      '.github/dependabot.yml': [
        'version: 2',
        'updates:',
        '  - package-ecosystem: gomod',
        '    directories: ["/**"]',
        '    exclude-paths:',
        '      - "examples/**"',
      ].join('\n'),
    });
    expect(dependabot?.gomodEntries[0].excludePaths).toEqual([
      { pattern: 'examples/**', line: 6 },
    ]);
    expect(dependabotCovers(dependabot!, 'services/api')).toBe(true);
    expect(dependabotCovers(dependabot!, 'examples/demo')).toBe(false);
  });
});

describe('renovate configs', () => {
  it('reads the gomod manager as on by default, with extends', () => {
    const { renovate } = bots({
      'renovate.json': '{ "extends": ["config:recommended"] }',
    });
    expect(renovate).toEqual([
      {
        path: 'renovate.json',
        gomodEnabled: true,
        extends: ['config:recommended'],
        line: 1,
      },
    ]);
  });

  it('sees gomod disabled through enabledManagers, gomod.enabled and enabled', () => {
    const { renovate } = bots({
      'renovate.json5': "{\n  // only npm\n  enabledManagers: ['npm'],\n}\n",
      '.github/renovate.json': '{\n  "gomod": {\n    "enabled": false\n  }\n}',
      '.renovaterc': '{ "enabled": false }',
    });
    expect(renovate.map(r => [r.path, r.gomodEnabled, r.disabledBy])).toEqual([
      ['renovate.json5', false, { value: 'enabledManagers: ["npm"]', line: 3 }],
      [
        '.github/renovate.json',
        false,
        { value: 'gomod.enabled: false', line: 3 },
      ],
      ['.renovaterc', false, { value: 'enabled: false', line: 1 }],
    ]);
  });

  it('sees gomod disabled by a package rule, but not by one narrowed to some packages', () => {
    const off = bots({
      'renovate.json': JSON.stringify(
        { packageRules: [{ matchManagers: ['gomod'], enabled: false }] },
        null,
        2,
      ),
    }).renovate[0];
    expect(off.gomodEnabled).toBe(false);
    expect(off.disabledBy?.line).toBe(7);
    const narrowed = bots({
      'renovate.json': JSON.stringify({
        packageRules: [
          {
            matchManagers: ['gomod'],
            matchPackageNames: ['golang.org/x/**'],
            enabled: false,
          },
        ],
      }),
    }).renovate[0];
    expect(narrowed.gomodEnabled).toBe(true);
  });

  it('keeps gomod on when enabledManagers lists it', () => {
    const { renovate } = bots({
      '.renovaterc.json': '{"enabledManagers": ["gomod", "npm"]}',
    });
    expect(renovate[0].gomodEnabled).toBe(true);
  });

  it('reads the renovate key of package.json and skips a package.json without one', () => {
    expect(
      bots({ 'package.json': '{\n  "name": "x",\n  "renovate": {}\n}' })
        .renovate,
    ).toEqual([
      { path: 'package.json', gomodEnabled: true, extends: [], line: 3 },
    ]);
    expect(bots({ 'package.json': '{ "name": "x" }' }).renovate).toEqual([]);
    expect(bots({ 'package.json': 'not json' }).renovate).toEqual([]);
  });

  it('reports a broken config with its line', () => {
    const { renovate } = bots({ 'renovate.json': '{\n  "extends": [\n' });
    expect(renovate[0].problem?.line).toBe(3);
    expect(renovate[0].gomodEnabled).toBe(false);
  });
});

describe('parseJson5', () => {
  it('reads comments, trailing commas, single quotes, unquoted keys and numbers', () => {
    const result = parseJson5(
      '/* c */ { a: \'x\', "b": [1, +2, -0x10, .5,], c: null, d: true, }',
    );
    expect(result.ok).toBe(true);
    const numbers =
      result.ok && result.value.kind === 'object'
        ? result.value.entries[1].value
        : undefined;
    expect(numbers).toMatchObject({
      kind: 'array',
      items: [1, 2, -16, 0.5].map(value => ({ value })),
    });
  });

  it('stops at a nesting depth instead of overflowing the stack', () => {
    const result = parseJson5('['.repeat(100000));
    expect(result).toMatchObject({ ok: false, message: 'nesting is too deep' });
  });

  it.each(['', '{', '{"a" 1}', "{'a': 'x\n'}", '{} {}', '/* open'])(
    'rejects %j',
    text => {
      expect(parseJson5(text).ok).toBe(false);
    },
  );
});
