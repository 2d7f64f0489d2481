import { RuleContext } from '../engine/RuleContext';
import { BUILT_IN_RULES } from '../engine/registry';
import { generateSnapshots } from '../bench/generateSnapshots';
import { snapshotFromFiles } from '../snapshot/RepositorySnapshot';
import { applyEdits } from './applyEdits';
import { PatchedContexts, unchangedModels } from './patchedContext';
import { wantsFix } from './suggestFix';

const settings = { privateModules: ['github.com/acme/*'] };

function contextOf(files: Record<string, string>) {
  return new RuleContext(snapshotFromFiles(files), settings);
}

const FILES = {
  'go.mod': 'module example.com/app\n\ngo 1.23\n',
  'go.sum': '',
  Dockerfile: 'FROM golang:1.23\nRUN go build ./...\n',
  '.github/workflows/ci.yml':
    'on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: go test ./...\n',
};

describe('unchangedModels', () => {
  it('keeps the Go and Docker models when only a workflow changes', () => {
    const context = contextOf(FILES);
    const inherited = unchangedModels(context, [
      { path: '.github/workflows/ci.yml', before: 'x', after: 'y' },
    ]);
    expect(inherited.go).toBe(context.go);
    expect(inherited.docker).toBe(context.docker);
    expect(inherited.workflows).toBeUndefined();
  });

  it('keeps the Go and workflow models when only a Dockerfile changes', () => {
    const context = contextOf(FILES);
    const inherited = unchangedModels(context, [
      { path: 'Dockerfile', before: 'x', after: 'y' },
    ]);
    expect(inherited.workflows).toBe(context.workflows);
    expect(inherited.docker).toBeUndefined();
  });

  it('rebuilds everything when go.mod, a bot config or a file in a new folder is written', () => {
    const context = contextOf(FILES);
    for (const path of ['go.mod', '.github/dependabot.yml', 'renovate.json'])
      expect(unchangedModels(context, [{ path, after: 'x' }])).toEqual({});
    expect(
      unchangedModels(context, [
        { path: 'deploy/.dockerignore', after: '.git' },
      ]),
    ).toEqual({});
  });

  it('rebuilds the workflow model when a file is created, since workflows glob the tree', () => {
    const context = contextOf(FILES);
    const inherited = unchangedModels(context, [
      { path: '.dockerignore', after: '.git\n' },
    ]);
    expect(inherited.go).toBe(context.go);
    expect(inherited.workflows).toBeUndefined();
  });
});

describe('PatchedContexts', () => {
  it('shares one verification context between identical proposals', () => {
    const patched = new PatchedContexts(contextOf(FILES));
    const edits = [{ path: 'Dockerfile', before: 'x', after: 'y' }];
    expect(patched.of(edits)).toBe(patched.of([...edits]));
    expect(patched.of(edits)).not.toBe(
      patched.of([{ path: 'Dockerfile', before: 'x', after: 'z' }]),
    );
  });

  it('judges every proposal of a generated corpus as a full rebuild does', () => {
    let compared = 0;
    for (const { snapshot } of generateSnapshots(40, 11)) {
      const context = new RuleContext(snapshot, settings);
      const patched = new PatchedContexts(context);
      for (const rule of BUILT_IN_RULES) {
        const outcome = rule.evaluate(context);
        if (!rule.fix || !wantsFix(outcome)) continue;
        const proposal = rule.fix(context, outcome);
        if (!proposal) continue;
        const rebuilt = new RuleContext(
          applyEdits(snapshot, proposal.edits),
          settings,
        );
        expect(rule.evaluate(patched.of(proposal.edits))).toEqual(
          rule.evaluate(rebuilt),
        );
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(20);
  });
});
