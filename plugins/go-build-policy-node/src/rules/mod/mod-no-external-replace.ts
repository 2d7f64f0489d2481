import { at, outcome, PolicyRule, RuleOutcome } from '../../engine/Rule';
import {
  dirOf,
  fileProblem,
  GoModel,
  GoReplace,
  LocalPathTarget,
} from '../../model/go';

/** A local replace (in a go.mod or a go.work) with the file it is written in. */
interface LocalReplace {
  path: string;
  replace: GoReplace;
  local: LocalPathTarget;
}

function localReplaces(go: GoModel): LocalReplace[] {
  const files = [...go.modules.map(m => m.file), ...go.workspaces];
  return files.flatMap(file =>
    file.replaces.flatMap(replace =>
      replace.local ? [{ path: file.path, replace, local: replace.local }] : [],
    ),
  );
}

/** Why a local replace only works on some machines, or undefined when it is portable. */
function defect(local: LocalPathTarget): string | undefined {
  if (local.kind === 'absolute' || local.kind === 'windows-absolute') {
    return 'is an absolute path, which exists only on the machine that wrote it';
  }
  if (!local.insideRepo) return 'points outside the repository';
  if (local.written.includes('\\')) {
    return 'uses backslashes, which Go rejects on Linux and macOS ("replacement directory appears to be Windows path")';
  }
  if (!local.existsInTree)
    return `points to ${
      local.repoDir || 'the root'
    }, a directory that is not in the repository`;
  if (!local.hasGoMod)
    return `points to ${local.repoDir || 'the root'}, which holds no go.mod`;
  return undefined;
}

function describe(item: LocalReplace): string {
  return `\`replace ${item.replace.old.path} => ${item.local.written}\` in ${item.path}`;
}

/** The command that drops one replace, run in the directory of the file that holds it. */
function dropCommand(item: LocalReplace): string {
  const tool = item.path.endsWith('go.work') ? 'go work' : 'go mod';
  const command = `${tool} edit -dropreplace=${item.replace.old.path}`;
  const dir = dirOf(item.path);
  return dir ? `(cd ${dir} && ${command})` : command;
}

function remediation(bad: Array<LocalReplace & { why: string }>): string {
  const lines = bad.map(
    b => `replace ${b.replace.old.path} => ${b.local.written}`,
  );
  return [
    'A local replace must name a directory of this repository that holds a go.mod; otherwise the',
    'build works only where that directory happens to exist. Remove these lines:',
    '',
    '```',
    ...lines,
    '```',
    '',
    'and require a published version of the module instead (or move its code into this',
    'repository, with its own go.mod, and point the replace there with a relative path):',
    '',
    '```sh',
    ...[...new Set(bad.map(dropCommand))],
    '```',
    '',
    'then run `go mod tidy` in each module and commit go.mod and go.sum.',
  ].join('\n');
}

function evaluate(go: GoModel): RuleOutcome {
  if (go.modules.length === 0 && go.workspaces.length === 0) {
    return outcome.notApplicable('The repository has no go.mod or go.work.');
  }
  const replaces = localReplaces(go);
  const unreadable = [...go.modules.map(m => m.file), ...go.workspaces]
    .map(fileProblem)
    .filter((p): p is NonNullable<typeof p> => !!p);
  const brokenNotes = unreadable.map(
    p =>
      `${p.path} has a problem (${p.message}); replaces after it may be missed.`,
  );

  const bad = replaces.flatMap(item => {
    const why = defect(item.local);
    return why ? [{ ...item, why }] : [];
  });
  if (bad.length > 0) {
    return outcome.fail(bad.map(b => `${describe(b)} ${b.why}.`).join(' '), {
      locations: bad.map(b => at(b.path, b.replace.line)),
      remediation: remediation(bad),
      notes: brokenNotes,
    });
  }
  if (replaces.length === 0 && unreadable.length > 0) {
    return outcome.error(
      `${unreadable
        .map(p => p.path)
        .join(
          ', ',
        )} could not be parsed, so its replace directives are unknown: ${
        unreadable[0].message
      }.`,
      { locations: unreadable.map(p => at(p.path, p.startLine)) },
    );
  }
  if (replaces.length === 0) {
    return outcome.notApplicable(
      'No go.mod or go.work replaces a module with a local directory.',
    );
  }
  const targets = replaces.map(
    r => `${r.local.written} (${r.local.repoDir || 'the root'})`,
  );
  return outcome.pass(
    `Every local replace points to a module inside the repository: ${[
      ...new Set(targets),
    ].join(', ')}.`,
    {
      locations: replaces.map(r => at(r.path, r.replace.line)),
      notes: brokenNotes,
    },
  );
}

export const modNoExternalReplaceRule: PolicyRule = {
  id: 'mod-no-external-replace',
  evaluate: ctx => evaluate(ctx.go),
};
