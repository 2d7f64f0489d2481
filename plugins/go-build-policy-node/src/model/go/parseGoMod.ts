import { lexModFile, ModStatement } from './modfileLexer';
import {
  godebugDirective,
  goDirective,
  isModuleVersion,
  ProblemList,
  replaceDirective,
  singleValue,
  toolchainDirective,
} from './modDirectives';
import { GoModFile, LocalPathTarget } from './types';
import { isLocalModulePath } from './localPaths';
import { dirOf } from './tree';

/** Resolves a local directory written in the file (relative to the file's directory). */
export type LocalPathResolver = (written: string) => LocalPathTarget;

/** A go.mod that could not be read: no directives, the reason as its only problem. */
export function unreadableGoMod(path: string, reason: string): GoModFile {
  return {
    ...emptyGoMod(path),
    unreadable: reason,
    problems: [{ line: 0, message: reason }],
  };
}

function emptyGoMod(path: string): GoModFile {
  return {
    path,
    dir: dirOf(path),
    problems: [],
    godebug: [],
    requires: [],
    excludes: [],
    replaces: [],
    retracts: [],
    tools: [],
    ignores: [],
    lineCount: 0,
  };
}

function isIndirect(comment: string | undefined): boolean {
  const first = comment?.trim().split(/\s+/)[0] ?? '';
  return first === 'indirect' || first.startsWith('indirect;');
}

/** `retract v1.0.1` or `retract [v1.0.0, v1.0.5]`. */
function retractText(
  statement: ModStatement,
  problems: ProblemList,
): string | undefined {
  const words = statement.args.map(a => a.text);
  const single = words.length === 1 && isModuleVersion(words[0]);
  const interval =
    words.length === 5 &&
    words[0] === '[' &&
    words[2] === ',' &&
    words[4] === ']' &&
    isModuleVersion(words[1]) &&
    isModuleVersion(words[3]);
  if (!single && !interval) {
    problems.add(
      statement.line,
      'usage: retract version | retract [low, high]',
    );
    return undefined;
  }
  return single ? words[0] : `[${words[1]}, ${words[3]}]`;
}

/**
 * Parses a go.mod with Go's strictness (what `go build` in the module would reject is a
 * problem), collecting every directive it can around the errors.
 */
export function parseGoMod(
  path: string,
  text: string,
  resolveLocal: LocalPathResolver,
): GoModFile {
  const lexed = lexModFile(text);
  const problems = new ProblemList();
  problems.problems.push(...lexed.problems);
  const file = emptyGoMod(path);
  file.lineCount = lexed.lineCount;

  for (const statement of lexed.statements) {
    const { verb, args, line } = statement;
    switch (verb) {
      case 'module': {
        const directive = singleValue(statement, problems);
        if (directive && file.module) {
          problems.add(
            line,
            `repeated module statement (first on line ${file.module.line})`,
          );
        } else if (directive) {
          file.module = directive;
        }
        break;
      }
      case 'go':
        file.go = goDirective(statement, file.go, problems);
        break;
      case 'toolchain':
        file.toolchain = toolchainDirective(
          statement,
          file.toolchain,
          problems,
        );
        break;
      case 'godebug': {
        const setting = godebugDirective(statement, problems);
        if (setting) file.godebug.push(setting);
        break;
      }
      case 'require':
      case 'exclude': {
        if (args.length !== 2) {
          problems.add(line, `usage: ${verb} module/path v1.2.3`);
          break;
        }
        const [modulePath, version] = [args[0].text, args[1].text];
        if (!isModuleVersion(version)) {
          problems.add(
            line,
            `invalid module version ${version}: must be of the form v1.2.3`,
          );
        }
        if (verb === 'require') {
          const indirect = isIndirect(statement.comment);
          file.requires.push({ path: modulePath, version, indirect, line });
        } else {
          file.excludes.push({ path: modulePath, version, line });
        }
        break;
      }
      case 'replace': {
        const replace = replaceDirective(statement, problems);
        if (!replace) break;
        const local = isLocalModulePath(replace.new.path)
          ? resolveLocal(replace.new.path)
          : undefined;
        file.replaces.push(local ? { ...replace, local } : replace);
        break;
      }
      case 'retract': {
        const retract = retractText(statement, problems);
        if (retract) file.retracts.push({ text: retract, line });
        break;
      }
      case 'tool':
      case 'ignore': {
        const directive = singleValue(statement, problems);
        if (directive)
          (verb === 'tool' ? file.tools : file.ignores).push(directive);
        break;
      }
      default:
        problems.add(line, `unknown directive: ${verb.slice(0, 40)}`);
    }
  }

  if (!file.module && problems.problems.length === 0) {
    problems.add(
      0,
      text.trim() === ''
        ? 'go.mod is empty: it has no module directive'
        : 'no module directive in go.mod',
    );
  } else if (!file.module) {
    problems.add(0, 'no valid module directive in go.mod');
  }
  file.problems = problems.problems.sort((a, b) => a.line - b.line);
  return file;
}
