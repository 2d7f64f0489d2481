import { lexModFile } from './modfileLexer';
import {
  godebugDirective,
  goDirective,
  ProblemList,
  replaceDirective,
  singleValue,
  toolchainDirective,
} from './modDirectives';
import { isLocalModulePath } from './localPaths';
import { LocalPathResolver } from './parseGoMod';
import { GoWorkFile } from './types';
import { dirOf } from './tree';

/** A go.work that could not be read. */
export function unreadableGoWork(path: string, reason: string): GoWorkFile {
  return {
    ...emptyGoWork(path),
    unreadable: reason,
    problems: [{ line: 0, message: reason }],
  };
}

function emptyGoWork(path: string): GoWorkFile {
  return {
    path,
    dir: dirOf(path),
    problems: [],
    godebug: [],
    uses: [],
    replaces: [],
    lineCount: 0,
  };
}

/** Parses a go.work: `go`, `toolchain`, `godebug`, `use` and `replace`, as Go checks them. */
export function parseGoWork(
  path: string,
  text: string,
  resolveLocal: LocalPathResolver,
): GoWorkFile {
  const lexed = lexModFile(text);
  const problems = new ProblemList();
  problems.problems.push(...lexed.problems);
  const file = emptyGoWork(path);
  file.lineCount = lexed.lineCount;

  for (const statement of lexed.statements) {
    switch (statement.verb) {
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
      case 'use': {
        const directive = singleValue(statement, problems);
        if (!directive) break;
        // `use` takes a directory; Go joins a bare name (`use app`) to go.work's directory too.
        const written = isLocalModulePath(directive.value)
          ? directive.value
          : `./${directive.value}`;
        file.uses.push({
          target: { ...resolveLocal(written), written: directive.value },
          line: statement.line,
        });
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
      default:
        problems.add(
          statement.line,
          `unknown directive: ${statement.verb.slice(0, 40)}`,
        );
    }
  }
  file.problems = problems.problems.sort((a, b) => a.line - b.line);
  return file;
}
