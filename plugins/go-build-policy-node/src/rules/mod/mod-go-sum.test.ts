import { RuleContext } from '../../engine/RuleContext';
import { scanSnapshot } from '../../engine/scan';
import {
  snapshotFromFiles,
  SnapshotFile,
} from '../../snapshot/RepositorySnapshot';
import { modGoSumRule } from './mod-go-sum';

const WITH_REQUIRES = [
  'module example.com/api',
  '',
  'go 1.23',
  '',
  'require (',
  '\tgithub.com/pkg/errors v0.9.1',
  '\tgolang.org/x/sync v0.8.0',
  ')',
].join('\n');

function evaluate(
  files: Record<string, string | SnapshotFile>,
  extraPaths: string[] = [],
) {
  const snapshot = snapshotFromFiles(files, { extraPaths });
  return modGoSumRule.evaluate(
    new RuleContext(snapshot, { privateModules: [] }),
  );
}

describe('mod-go-sum', () => {
  it('passes when go.sum sits beside a go.mod with requirements', () => {
    const result = evaluate({ 'go.mod': WITH_REQUIRES }, ['go.sum']);
    expect(result.status).toBe('pass');
    expect(result.locations).toEqual([
      { path: 'go.sum', startLine: 1, endLine: 1 },
    ]);
    expect(result.message).toContain('go.mod (example.com/api)');
  });

  it('fails on the require lines of a module without go.sum and names it', () => {
    const result = evaluate(
      { 'go.mod': WITH_REQUIRES, 'svc/go.mod': WITH_REQUIRES },
      ['go.sum'],
    );
    expect(result.status).toBe('fail');
    expect(result.message).toContain(
      'svc/go.mod (example.com/api) (2 requirements)',
    );
    expect(result.locations).toEqual([
      { path: 'svc/go.mod', startLine: 6, endLine: 7 },
    ]);
    expect(result.remediation).toContain('(cd svc && go mod tidy)');
    expect(result.remediation).toContain('git add svc/go.sum');
  });

  it('is not applicable when no go.mod requires anything', () => {
    const result = evaluate({ 'go.mod': 'module example.com/x\n\ngo 1.23\n' });
    expect(result.status).toBe('not-applicable');
    expect(result.message).toContain('no go.mod has require lines');
  });

  it('is not applicable without go.mod', () => {
    expect(evaluate({ 'main.go': 'package main' }).status).toBe(
      'not-applicable',
    );
  });

  it('is not applicable for a vendored module without go.sum', () => {
    const result = evaluate({
      'go.mod': WITH_REQUIRES,
      'vendor/modules.txt': '# x\n',
    });
    expect(result.status).toBe('not-applicable');
    expect(result.message).toContain('vendor/modules.txt');
  });

  it('passes with a note when the workspace go.work.sum covers a module', () => {
    const result = evaluate(
      { 'go.work': 'go 1.23\nuse ./api\n', 'api/go.mod': WITH_REQUIRES },
      ['go.work.sum'],
    );
    expect(result.status).toBe('pass');
    expect(result.locations).toEqual([
      { path: 'go.work.sum', startLine: 1, endLine: 1 },
    ]);
    expect(result.notes?.[0]).toContain('GOWORK=off');
  });

  it('fails when a workspace module has no go.sum and the workspace has no go.work.sum', () => {
    const result = evaluate({
      'go.work': 'go 1.23\nuse ./api\n',
      'api/go.mod': WITH_REQUIRES,
    });
    expect(result.status).toBe('fail');
  });

  it('ignores go.mod files under vendor/ and testdata/', () => {
    const result = evaluate(
      {
        'go.mod': 'module example.com/x\n',
        'vendor/github.com/a/b/go.mod': WITH_REQUIRES,
        'internal/testdata/go.mod': WITH_REQUIRES,
      },
      ['vendor/modules.txt'],
    );
    expect(result.status).toBe('not-applicable');
  });

  it('reports an empty go.mod as an error naming the file', () => {
    const result = evaluate({ 'go.mod': '' });
    expect(result.status).toBe('error');
    expect(result.message).toContain('go.mod is empty');
    expect(result.locations).toEqual([
      { path: 'go.mod', startLine: 1, endLine: 1 },
    ]);
  });

  it('reports a broken go.mod as an error at its line', () => {
    const result = evaluate({
      'go.mod': 'module m\nrequire (\n\ta.com/b v1.0.0\n',
    });
    expect(result.status).toBe('error');
    expect(result.locations).toEqual([
      { path: 'go.mod', startLine: 2, endLine: 2 },
    ]);
  });

  it('still fails another module when one go.mod is broken, with a note', () => {
    const result = evaluate({
      'go.mod': { kind: 'binary' },
      'svc/go.mod': WITH_REQUIRES,
    });
    expect(result.status).toBe('fail');
    expect(result.notes).toEqual([
      'go.mod could not be evaluated: go.mod is a binary file.',
    ]);
  });

  it('runs inside a full scan with the catalogue severity', () => {
    const snapshot = snapshotFromFiles({ 'go.mod': WITH_REQUIRES });
    const finding = scanSnapshot(snapshot).findings.find(
      f => f.ruleId === 'mod-go-sum',
    );
    expect(finding).toMatchObject({ status: 'fail', severity: 'error' });
  });
});
