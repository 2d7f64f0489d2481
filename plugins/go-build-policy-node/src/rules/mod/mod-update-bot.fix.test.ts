/* eslint jest/expect-expect: ["warn", { "assertFunctionNames": ["expect", "expectNoFix"] }] */
import {
  changedLines,
  expectFixMakesRulePass,
  expectNoFix,
} from '../../fixes/testing/fixProof';
import { GO_MOD, GO_SUM } from '../ci/testing/fixtures';

const RULE = 'mod-update-bot';
const DEPENDABOT = '.github/dependabot.yml';

const monorepo = {
  'go.mod': GO_MOD,
  'go.sum': GO_SUM,
  'services/api/go.mod': 'module example.com/api\n\ngo 1.23\n',
  'tools/go.mod': 'module example.com/tools\n\ngo 1.23\n',
};

describe('mod-update-bot fix', () => {
  it('creates dependabot.yml for a single module', () => {
    const fix = expectFixMakesRulePass(
      { 'go.mod': GO_MOD, 'go.sum': GO_SUM },
      RULE,
    );
    expect(fix.edits).toEqual([
      {
        path: DEPENDABOT,
        after:
          'version: 2\nupdates:\n  - package-ecosystem: gomod\n    directory: "/"\n    schedule:\n      interval: weekly\n',
      },
    ]);
  });

  it('lists every module directory of a monorepo', () => {
    const fix = expectFixMakesRulePass(monorepo, RULE);
    expect(changedLines(fix)[DEPENDABOT].added).toEqual([
      'version: 2',
      'updates:',
      '  - package-ecosystem: gomod',
      '    directories:',
      '      - "/"',
      '      - "/services/api"',
      '      - "/tools"',
      '    schedule:',
      '      interval: weekly',
    ]);
  });

  it('appends a gomod entry to a dependabot.yml that updates only actions, keeping its comments', () => {
    const existing =
      '# Keep actions current.\nversion: 2\nupdates:\n- package-ecosystem: github-actions # pinned SHAs\n  directory: /\n  schedule:\n    interval: daily\n\n# end of file\n';
    const fix = expectFixMakesRulePass(
      { ...monorepo, [DEPENDABOT]: existing },
      RULE,
    );
    expect(changedLines(fix)).toEqual({
      [DEPENDABOT]: {
        removed: [],
        added: [
          '- package-ecosystem: gomod',
          '  directories:',
          '    - "/"',
          '    - "/services/api"',
          '    - "/tools"',
          '  schedule:',
          '    interval: weekly',
        ],
      },
    });
    expect(fix.edits[0].after.startsWith(existing.slice(0, 120))).toBe(true);
    expect(fix.edits[0].after).toContain('# end of file\n');
  });

  it('adds only the directories an existing gomod entry misses', () => {
    const fix = expectFixMakesRulePass(
      {
        ...monorepo,
        [DEPENDABOT]:
          'version: 2\nupdates:\n  - package-ecosystem: gomod\n    directory: "/"\n    schedule:\n      interval: weekly\n',
      },
      RULE,
      { before: 'warn' },
    );
    expect(changedLines(fix)[DEPENDABOT].added).toEqual([
      '  - package-ecosystem: gomod',
      '    directories:',
      '      - "/services/api"',
      '      - "/tools"',
      '    schedule:',
      '      interval: weekly',
    ]);
    expect(fix.title).toContain('/services/api, /tools');
  });

  it('fills an empty flow-style updates list', () => {
    const fix = expectFixMakesRulePass(
      { 'go.mod': GO_MOD, [DEPENDABOT]: 'version: 2\nupdates: []\n' },
      RULE,
    );
    expect(fix.edits[0].after).toBe(
      'version: 2\nupdates:\n  - package-ecosystem: gomod\n    directory: "/"\n    schedule:\n      interval: weekly\n',
    );
  });

  it('leaves a Renovate config that turns gomod off on purpose alone', () => {
    expectNoFix(
      {
        'go.mod': GO_MOD,
        'renovate.json': '{ "enabledManagers": ["dockerfile"] }\n',
      },
      RULE,
    );
  });
});
