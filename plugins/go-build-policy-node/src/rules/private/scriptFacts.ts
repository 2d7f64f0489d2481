/*
 * What a shell script does to Go's module settings and to credentials, read from the
 * commands of shellCommands.ts: `go env -w`, `export`, `VAR=x cmd`, `$GITHUB_ENV` writes,
 * the go commands it runs, `git config url.….insteadOf`, `.netrc` writes, `gh auth setup-git`.
 */
import {
  credentialOf,
  ScriptCredential,
  writesTo,
  writtenText,
} from './credentialReader';
import { parseShellScript, ShellCommand, ShellWord } from './shellCommands';

export type { CredentialKind, ScriptCredential } from './credentialReader';
export { hasUserInfo, hostOf, referencesIn } from './credentialReader';

/** The variables that decide how Go fetches and verifies modules. */
export const GO_FETCH_VARIABLES = [
  'GOPRIVATE',
  'GONOPROXY',
  'GONOSUMDB',
  'GOINSECURE',
  'GOPROXY',
  'GOSUMDB',
  'GOFLAGS',
] as const;
export type GoFetchVariable = (typeof GO_FETCH_VARIABLES)[number];

export function isGoFetchVariable(name: string): name is GoFetchVariable {
  return (GO_FETCH_VARIABLES as readonly string[]).includes(name);
}

/** How a script sets a variable, which decides how far the setting reaches. */
export type ScriptAssignmentKind =
  /** `go env -w` (or `-u`, value ''): Go's env file, for every later go command. */
  | 'go env -w'
  /** `export X=…`: later commands of the same script. */
  | 'export'
  /** `X=… go build`: that command only. */
  | 'prefix'
  /** `echo "X=…" >> $GITHUB_ENV`: later steps of the job. */
  | '$GITHUB_ENV';

export interface ScriptAssignment {
  name: GoFetchVariable;
  value: string;
  /** The value holds an expansion the scan cannot know. */
  dynamic: boolean;
  kind: ScriptAssignmentKind;
  /** 0-based script line. */
  line: number;
  /** Index of the command in ScriptFacts.commands. */
  commandIndex: number;
}

/** A `go` invocation (or `make`, or `goreleaser`) that may download modules. */
export interface ScriptGoRun {
  tool: 'go' | 'make' | 'goreleaser';
  /** For go: `build`, `mod download`, …; for make: the first target or ''. */
  subcommand: string;
  args: string[];
  line: number;
  commandIndex: number;
}

export interface ScriptFacts {
  commands: ShellCommand[];
  assignments: ScriptAssignment[];
  goRuns: ScriptGoRun[];
  credentials: ScriptCredential[];
}

/** Go subcommands that never download modules. */
export const OFFLINE_GO_SUBCOMMANDS: ReadonlySet<string> = new Set([
  'env',
  'version',
  'help',
  'doc',
  'clean',
  'fmt',
  'telemetry',
  'bug',
]);

function splitAssignment(
  text: string,
): { name: string; value: string } | undefined {
  const eq = text.indexOf('=');
  if (eq <= 0) return undefined;
  const name = text.slice(0, eq);
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name)
    ? { name, value: text.slice(eq + 1) }
    : undefined;
}

function assignmentsOf(
  command: ShellCommand,
  index: number,
  out: ScriptAssignment[],
  shellVars: Map<string, ShellWord>,
) {
  const words = command.words;
  let first = 0;
  const prefix: ScriptAssignment[] = [];
  while (first < words.length) {
    const a = splitAssignment(words[first].text);
    if (!a) break;
    if (isGoFetchVariable(a.name)) {
      prefix.push({
        name: a.name,
        value: a.value,
        dynamic: words[first].dynamic,
        kind: 'prefix',
        line: command.line,
        commandIndex: index,
      });
    }
    first++;
  }
  const name = words[first]?.text;
  const powershell =
    name === undefined ? undefined : powershellAssignment(command);
  if (powershell) {
    // `$env:GOPRIVATE = "…"` (pwsh steps on Windows runners): later commands of the script.
    if (isGoFetchVariable(powershell.name)) {
      out.push({
        ...powershell,
        name: powershell.name,
        kind: 'export',
        line: command.line,
        commandIndex: index,
      });
    }
    return;
  }
  if (name === undefined) {
    // Plain `X=…`: a shell variable that a later `export X` may export.
    for (const p of prefix)
      shellVars.set(p.name, { text: p.value, dynamic: p.dynamic });
    return;
  }
  out.push(...prefix);
  const rest = words.slice(first + 1);
  const push = (
    kind: ScriptAssignmentKind,
    word: ShellWord,
    text = word.text,
  ) => {
    const a = splitAssignment(text);
    if (a && isGoFetchVariable(a.name)) {
      out.push({
        name: a.name,
        value: a.value,
        dynamic: word.dynamic,
        kind,
        line: command.line,
        commandIndex: index,
      });
    }
  };
  if (name === 'export' || name === 'declare' || name === 'typeset') {
    for (const w of rest) {
      if (w.text.startsWith('-')) continue;
      const known = shellVars.get(w.text);
      if (known && isGoFetchVariable(w.text))
        push('export', known, `${w.text}=${known.text}`);
      else push('export', w);
    }
  } else if (
    name === 'go' &&
    rest[0]?.text === 'env' &&
    (rest[1]?.text === '-w' || rest[1]?.text === '-u')
  ) {
    for (const w of rest.slice(2)) {
      if (rest[1].text === '-u') push('go env -w', w, `${w.text}=`);
      else push('go env -w', w);
    }
  } else if (writesTo(command, /GITHUB_ENV/)) {
    const { text, dynamic } = writtenText(command);
    // $GITHUB_ENV is read line by line: NAME=value.
    for (const entry of text.split(/\n|\\n/))
      push('$GITHUB_ENV', { text: entry.trim(), dynamic }, entry.trim());
  }
}

/** `$env:NAME = value` or `$env:NAME="value"`, as PowerShell writes an environment variable. */
function powershellAssignment(
  command: ShellCommand,
): { name: string; value: string; dynamic: boolean } | undefined {
  const [first, second, third] = command.words;
  const m = /^\$env:([A-Za-z_][A-Za-z0-9_]*)(=(.*))?$/i.exec(first.text);
  if (!m) return undefined;
  if (m[2] !== undefined)
    return {
      name: m[1].toUpperCase(),
      value: m[3],
      dynamic: m[3].includes('$'),
    };
  if (second?.text !== '=' || !third) return undefined;
  return {
    name: m[1].toUpperCase(),
    value: third.text,
    dynamic: third.dynamic,
  };
}

function goRunOf(
  command: ShellCommand,
  index: number,
): ScriptGoRun | undefined {
  const words = command.words.map(w => w.text);
  let first = 0;
  while (first < words.length && splitAssignment(words[first])) first++;
  // `sudo -E go …`, `time go …`, `env X=y go …` run go all the same.
  while (
    first < words.length &&
    /^(?:sudo|time|env|exec|command|nice|-E|-[a-z])$/.test(words[first])
  )
    first++;
  while (first < words.length && splitAssignment(words[first])) first++;
  const tool = (words[first] ?? '').replace(/^.*\//, '');
  const args = words.slice(first + 1);
  if (tool === 'go') {
    const sub = args[0] ?? '';
    if (!sub || OFFLINE_GO_SUBCOMMANDS.has(sub)) return undefined;
    const two =
      sub === 'mod' || sub === 'work' ? `${sub} ${args[1] ?? ''}`.trim() : sub;
    return {
      tool,
      subcommand: two,
      args: args.slice(two.split(' ').length),
      line: command.line,
      commandIndex: index,
    };
  }
  if (tool === 'make' || tool === 'gmake') {
    return {
      tool: 'make',
      subcommand: args.find(a => !a.startsWith('-') && !a.includes('=')) ?? '',
      args,
      line: command.line,
      commandIndex: index,
    };
  }
  if (tool === 'goreleaser')
    return {
      tool,
      subcommand: args[0] ?? '',
      args,
      line: command.line,
      commandIndex: index,
    };
  return undefined;
}

// The private rules read the same scripts several times per scan; facts are never mutated.
const recent = new Map<string, ScriptFacts>();
const RECENT_LIMIT = 512;

/** Reads a script once: settings, downloads and credentials, in script order. */
export function analyseScript(script: string): ScriptFacts {
  const known = recent.get(script);
  if (known) return known;
  const facts = readScript(script);
  if (recent.size >= RECENT_LIMIT) recent.clear();
  recent.set(script, facts);
  return facts;
}

function readScript(script: string): ScriptFacts {
  const commands = parseShellScript(script);
  const assignments: ScriptAssignment[] = [];
  const goRuns: ScriptGoRun[] = [];
  const credentials: ScriptCredential[] = [];
  const shellVars = new Map<string, ShellWord>();
  commands.forEach((command, index) => {
    assignmentsOf(command, index, assignments, shellVars);
    const run = goRunOf(command, index);
    if (run) goRuns.push(run);
    const credential = credentialOf(command);
    if (credential) credentials.push(credential);
  });
  return { commands, assignments, goRuns, credentials };
}
