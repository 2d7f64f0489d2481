import { ModStatement, ModToken } from './modfileLexer';
import { isLocalModulePath } from './localPaths';
import {
  GoDebugSetting,
  GoFileProblem,
  GoReplace,
  GoValueDirective,
} from './types';

/*
 * Directives that go.mod and go.work share, checked as golang.org/x/mod/modfile checks
 * them, so a file Go would refuse is reported with the line Go would name.
 */

const GO_VERSION =
  /^[1-9]\d*\.(?:0|[1-9]\d*)(?:\.(?:0|[1-9]\d*))?(?:[a-z]+\d+)?$/;
const TOOLCHAIN = /^(?:default|go1(?:\..*)?)$/;
const MODULE_VERSION = /^v\d/;

/** Collects problems of one file, with their lines. */
export class ProblemList {
  readonly problems: GoFileProblem[] = [];

  add(line: number, message: string): void {
    this.problems.push({ line, message });
  }
}

function texts(args: ModToken[]): string[] {
  return args.map(a => a.text);
}

/** Reads a directive that takes exactly one value (`module`, `go`, `use`, `tool`, …). */
export function singleValue(
  statement: ModStatement,
  problems: ProblemList,
): GoValueDirective | undefined {
  if (statement.args.length !== 1) {
    problems.add(
      statement.line,
      `usage: ${statement.verb} <value> (one value expected)`,
    );
    return undefined;
  }
  return { value: statement.args[0].text, line: statement.line };
}

/**
 * A directive that may appear once with one checked value (`go`, `toolchain`): a repeated
 * line keeps the first and is an error, as is a value of the wrong format.
 */
function onceDirective(
  statement: ModStatement,
  previous: GoValueDirective | undefined,
  problems: ProblemList,
  check: { name: string; format: RegExp; invalid: (value: string) => string },
): GoValueDirective | undefined {
  const directive = singleValue(statement, problems);
  if (!directive) return previous;
  if (previous) {
    problems.add(
      statement.line,
      `repeated ${check.name} line (first on line ${previous.line})`,
    );
    return previous;
  }
  if (!check.format.test(directive.value)) {
    problems.add(statement.line, check.invalid(directive.value));
  }
  return directive;
}

/** `go 1.23.4`: Go's format check; a repeated line is an error too. */
export function goDirective(
  statement: ModStatement,
  previous: GoValueDirective | undefined,
  problems: ProblemList,
): GoValueDirective | undefined {
  return onceDirective(statement, previous, problems, {
    name: 'go',
    format: GO_VERSION,
    invalid: value => `invalid go version '${value}': must match format 1.23.0`,
  });
}

/** `toolchain go1.23.4` (or `default`). */
export function toolchainDirective(
  statement: ModStatement,
  previous: GoValueDirective | undefined,
  problems: ProblemList,
): GoValueDirective | undefined {
  return onceDirective(statement, previous, problems, {
    name: 'toolchain',
    format: TOOLCHAIN,
    invalid: value =>
      `invalid toolchain '${value}': must be a name like go1.23.4`,
  });
}

/** `godebug key=value`. */
export function godebugDirective(
  statement: ModStatement,
  problems: ProblemList,
): GoDebugSetting | undefined {
  const [arg] = statement.args;
  const eq = arg?.text.indexOf('=') ?? -1;
  if (statement.args.length !== 1 || eq <= 0) {
    problems.add(statement.line, 'usage: godebug key=value');
    return undefined;
  }
  return {
    key: arg.text.slice(0, eq),
    value: arg.text.slice(eq + 1),
    line: statement.line,
  };
}

/** Whether a token is a module version as go.mod needs it (`v1.2.3`, pseudo-versions). */
export function isModuleVersion(text: string): boolean {
  return MODULE_VERSION.test(text);
}

/**
 * `replace old [v] => new [v]`. The replacement is local when Go would read it as a
 * directory; a local replacement takes no version, a module replacement needs one.
 */
export function replaceDirective(
  statement: ModStatement,
  problems: ProblemList,
): Omit<GoReplace, 'local'> | undefined {
  const { args, line } = statement;
  const isArrow = (t: ModToken | undefined) =>
    !!t && !t.quoted && t.text === '=>';
  const arrow = isArrow(args[1]) ? 1 : 2;
  if (
    !isArrow(args[arrow]) ||
    args.length < arrow + 2 ||
    args.length > arrow + 3
  ) {
    problems.add(
      line,
      'usage: replace module/path [v1.2.3] => other/module v1.4 | replace module/path [v1.2.3] => ../local/directory',
    );
    return undefined;
  }
  const [oldPath, oldVersion] = texts(args.slice(0, arrow));
  const [newPath, newVersion] = texts(args.slice(arrow + 1));
  if (oldVersion !== undefined && !isModuleVersion(oldVersion)) {
    problems.add(
      line,
      `invalid module version ${oldVersion}: must be of the form v1.2.3`,
    );
  }
  const local = isLocalModulePath(newPath);
  if (local && newVersion !== undefined) {
    problems.add(
      line,
      `replacement module directory path "${newPath}" cannot have version`,
    );
  }
  if (!local && newVersion === undefined) {
    problems.add(
      line,
      `replacement module without version must be directory path (rooted or starting with ./ or ../)`,
    );
  }
  if (!local && newVersion !== undefined && !isModuleVersion(newVersion)) {
    problems.add(
      line,
      `invalid module version ${newVersion}: must be of the form v1.2.3`,
    );
  }
  return {
    old:
      oldVersion === undefined
        ? { path: oldPath }
        : { path: oldPath, version: oldVersion },
    new:
      newVersion === undefined
        ? { path: newPath }
        : { path: newPath, version: newVersion },
    line,
  };
}
