import { FindingLocation } from '@go-build-policy/plugin-go-build-policy-common';
import { at, outcome, PolicyRule, RuleOutcome } from '../../engine/Rule';
import { describeModule, GoModule, moduleProblem } from '../../model/go';

type Verdict =
  | {
      kind: 'broken';
      module: GoModule;
      problem: FindingLocation & { message: string };
    }
  | { kind: 'vendored'; module: GoModule }
  | { kind: 'no-requirements'; module: GoModule }
  | { kind: 'go-sum'; module: GoModule }
  | { kind: 'work-sum'; module: GoModule; sumPath: string }
  | { kind: 'missing'; module: GoModule };

function judge(module: GoModule): Verdict {
  const problem = moduleProblem(module);
  if (problem) return { kind: 'broken', module, problem };
  if (module.vendorModulesTxtPath) return { kind: 'vendored', module };
  if (module.file.requires.length === 0)
    return { kind: 'no-requirements', module };
  if (module.goSumPath) return { kind: 'go-sum', module };
  const sumPath = module.workspace?.sumPath;
  if (sumPath) return { kind: 'work-sum', module, sumPath };
  return { kind: 'missing', module };
}

function requireLines(module: GoModule): FindingLocation {
  const lines = module.file.requires.map(r => r.line);
  return at(module.goModPath, Math.min(...lines), Math.max(...lines));
}

function remediationFor(missing: GoModule[]): string {
  const commands = missing
    .map(m => (m.dir ? `(cd ${m.dir} && go mod tidy)` : 'go mod tidy'))
    .join('\n');
  const sums = missing
    .map(m => (m.dir ? `${m.dir}/go.sum` : 'go.sum'))
    .join(' ');
  return [
    'Generate go.sum with the checksums of every requirement and commit it, so builds verify',
    'what they download and do not depend on a warm module cache:',
    '',
    '```sh',
    commands,
    `git add ${sums}`,
    '```',
  ].join('\n');
}

function notes(verdicts: Verdict[]): string[] {
  return verdicts.flatMap(v => {
    if (v.kind === 'broken') {
      return [
        `${v.module.goModPath} could not be evaluated: ${v.problem.message}.`,
      ];
    }
    if (v.kind === 'work-sum') {
      return [
        `${describeModule(v.module)} has no go.sum of its own; ${
          v.sumPath
        } covers it in the workspace, but builds with GOWORK=off (or of the module alone) need go.sum.`,
      ];
    }
    return [];
  });
}

function evaluate(modules: GoModule[]): RuleOutcome {
  if (modules.length === 0)
    return outcome.notApplicable('The repository has no go.mod.');
  const verdicts = modules.map(judge);
  const of = (kind: Verdict['kind']) => verdicts.filter(v => v.kind === kind);
  const missing = of('missing').map(v => v.module);
  const broken = of('broken') as Array<Extract<Verdict, { kind: 'broken' }>>;

  if (missing.length > 0) {
    const names = missing.map(
      m => `${describeModule(m)} (${m.file.requires.length} requirements)`,
    );
    return outcome.fail(
      `${names.join(', ')} ${
        missing.length === 1 ? 'has' : 'have'
      } require lines but no go.sum beside go.mod.`,
      {
        locations: missing.map(requireLines),
        remediation: remediationFor(missing),
        notes: notes(verdicts),
      },
    );
  }
  if (broken.length > 0) {
    return outcome.error(
      `${broken
        .map(b => b.module.goModPath)
        .join(
          ', ',
        )} could not be parsed, so whether it needs go.sum is unknown: ${
        broken[0].problem.message
      }.`,
      {
        locations: broken.map(b => at(b.problem.path, b.problem.startLine)),
        notes: notes(verdicts),
      },
    );
  }
  const covered = verdicts.filter(
    v => v.kind === 'go-sum' || v.kind === 'work-sum',
  );
  if (covered.length > 0) {
    const evidence = covered.map(v =>
      at(
        v.kind === 'work-sum'
          ? v.sumPath
          : v.module.goSumPath ?? v.module.goModPath,
        1,
      ),
    );
    const names = covered.map(v => describeModule(v.module)).join(', ');
    return outcome.pass(
      `Every module with requirements has its checksums committed: ${names}.`,
      {
        locations: evidence,
        notes: notes(verdicts),
      },
    );
  }
  const vendored = of('vendored').map(v => v.module);
  const reason = vendored.length
    ? `its modules are vendored (${vendored
        .map(m => m.vendorModulesTxtPath)
        .join(', ')}) or require nothing`
    : 'no go.mod has require lines';
  return outcome.notApplicable(`go.sum is not needed: ${reason}.`, {
    locations: vendored.map(m => at(m.vendorModulesTxtPath ?? m.goModPath, 1)),
  });
}

export const modGoSumRule: PolicyRule = {
  id: 'mod-go-sum',
  evaluate: ctx => evaluate(ctx.go.modules),
};
