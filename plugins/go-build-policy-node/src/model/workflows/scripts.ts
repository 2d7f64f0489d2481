/**
 * Reading shell lines of `run:` steps and Makefile recipes for what the cache rules care
 * about. Each function looks at one line at a time with anchored, linear patterns.
 */
import { ScriptLine } from './types';

/** Go subcommands that make a job a Go job (POLICY.md). */
export const GO_JOB_SUBCOMMANDS = new Set([
  'build',
  'test',
  'vet',
  'install',
  'generate',
  'mod',
  'run',
]);

/** Longer lines are not analysed (minified or generated text, not a hand-written script). */
const MAX_LINE_LENGTH = 10_000;

const COMMAND_START = String.raw`(?:^|[\s;&|(\x60]|\$\()`;
const GO_COMMAND = new RegExp(
  `${COMMAND_START}(?:[\\w./-]*/)?go\\s+([a-z]+)((?:\\s+[^\\s;&|)]+)*)`,
  'g',
);

export interface GoCommand {
  subcommand: string;
  /** Arguments up to the end of the simple command. */
  args: string[];
  line: number;
}

/** `go <subcommand> args` invocations in a script line (also `$(go env GOMODCACHE)`). */
export function goCommands(line: ScriptLine): GoCommand[] {
  if (!line.text.includes('go') || line.text.length > MAX_LINE_LENGTH)
    return [];
  const text = line.text.replace(/#.*$/, '');
  const found: GoCommand[] = [];
  GO_COMMAND.lastIndex = 0;
  for (let m = GO_COMMAND.exec(text); m; m = GO_COMMAND.exec(text)) {
    found.push({
      subcommand: m[1],
      args: m[2].trim().split(/\s+/).filter(Boolean),
      line: line.line,
    });
  }
  if (/(?:^|[\s;&|])gotestsum\b/.test(text))
    found.push({ subcommand: 'test', args: [], line: line.line });
  return found;
}

/** Targets of `make …` in a line; an empty list means the default target. */
export function makeInvocations(
  line: ScriptLine,
): Array<{ targets: string[]; otherMakefile: boolean }> {
  const result: Array<{ targets: string[]; otherMakefile: boolean }> = [];
  if (!line.text.includes('make') || line.text.length > MAX_LINE_LENGTH)
    return result;
  const re = /(?:^|[\s;&|(])(?:g?make)\s+([^;&|)#]*)|(?:^|[\s;&|(])g?make\s*$/g;
  const text = line.text;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const args = (m[1] ?? '').trim().split(/\s+/).filter(Boolean);
    let otherMakefile = false;
    const targets: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const arg = args[i];
      if (
        arg === '-C' ||
        arg === '-f' ||
        arg === '--directory' ||
        arg === '--file'
      ) {
        otherMakefile = true;
        i++;
      } else if (/^-(C|f)./.test(arg) || /^--(directory|file)=/.test(arg)) {
        otherMakefile = true;
      } else if (!arg.startsWith('-') && !arg.includes('=')) {
        targets.push(arg);
      }
    }
    result.push({ targets, otherMakefile });
  }
  return result;
}

/**
 * Whether a go command builds or tests the repository's code (what ci-clean-validation
 * counts). `go install tool@v1.2.3` and `go run tool@latest` build a tool from the module
 * cache, not this code, so they do not count.
 */
export function buildsOrTests(command: GoCommand): boolean {
  if (command.subcommand === 'build' || command.subcommand === 'test') {
    return true;
  }
  if (command.subcommand === 'install' || command.subcommand === 'run') {
    return !command.args.some(arg => !arg.startsWith('-') && arg.includes('@'));
  }
  return false;
}

/** A `name=value` written to $GITHUB_OUTPUT or $GITHUB_ENV by a line (bash or PowerShell). */
export interface ScriptWrite {
  target: 'output' | 'env';
  name: string;
  value: string;
  line: number;
}

const WRITE =
  /(?:echo|printf)\s+(?:-[a-z]+\s+)?(["']?)([A-Za-z_][\w-]*)=(.*?)\1\s*>>\s*["']?\$\{?(?:env:)?(GITHUB_OUTPUT|GITHUB_ENV)\}?["']?/;
const PWSH_WRITE =
  /^\s*["']([A-Za-z_][\w-]*)=(.*)["']\s*\|?\s*(?:>>|Out-File|Add-Content).*\$env:(GITHUB_OUTPUT|GITHUB_ENV)/i;
const SET_OUTPUT = /::set-output\s+name=([\w-]+)::(.*?)["']?\s*$/;

/** Reads `echo "name=value" >> $GITHUB_OUTPUT` and the like from one line. */
export function scriptWrite(line: ScriptLine): ScriptWrite | undefined {
  const text = line.text;
  if (text.length > MAX_LINE_LENGTH) return undefined;
  if (!text.includes('GITHUB_') && !text.includes('set-output'))
    return undefined;
  const m = WRITE.exec(text);
  if (m)
    return {
      target: m[4] === 'GITHUB_OUTPUT' ? 'output' : 'env',
      name: m[2],
      value: m[3],
      line: line.line,
    };
  const p = PWSH_WRITE.exec(text);
  if (p)
    return {
      target: p[3].toUpperCase() === 'GITHUB_OUTPUT' ? 'output' : 'env',
      name: p[1],
      value: p[2],
      line: line.line,
    };
  const s = SET_OUTPUT.exec(text);
  if (s) return { target: 'output', name: s[1], value: s[2], line: line.line };
  return undefined;
}

/** `go clean -modcache`, or `rm -rf` of a module-cache path. */
export function wipesModuleCache(line: ScriptLine): boolean {
  if (line.text.length > MAX_LINE_LENGTH) return false;
  const text = line.text.replace(/#.*$/, '');
  if (/(?:^|[\s;&|(])go\s+clean\b[^;&|]*\s-modcache\b/.test(text)) return true;
  const rm = /(?:^|[\s;&|(])(?:sudo\s+)?rm\s+(-[a-zA-Z]+\s+)*([^;&|]*)/.exec(
    text,
  );
  if (!rm || !/r/i.test(rm[1] ?? '')) return false;
  return /(?:pkg\/mod\b|\bGOMODCACHE\b|go env GOMODCACHE)/.test(rm[2]);
}
