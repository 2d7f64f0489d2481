import { Argument, Heredoc as AstHeredoc } from 'dockerfile-ast';
import { flagOptions, InstructionFlag } from './instructionFlags';
import {
  findGoInvocations,
  goEnvWrites,
  selectsVendor,
  ShellWord,
  wordsOfLines,
} from './shellCommands';
import {
  GoEnvironment,
  Heredoc,
  LineRange,
  RunInstruction,
  RunMount,
} from './types';

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh']);

/** What the RUN builder needs from the parsed instruction. */
export interface RunSource {
  lines: LineRange;
  stageIndex: number;
  flags: InstructionFlag[];
  args: Argument[];
  heredocs: AstHeredoc[];
  /** The file's lines (0-based array), to read heredoc bodies exactly. */
  fileLines: readonly string[];
  environment: GoEnvironment;
  /** The stage is built on a golang image: `make` there is taken to run the go command. */
  golangStage: boolean;
}

/** Builds the mount of one `--mount=` flag; BuildKit's defaults fill what is left out. */
export function parseMount(flag: InstructionFlag): RunMount {
  const options = flagOptions(flag.value);
  const type = (options.get('type') || 'bind').toLowerCase();
  const mount: RunMount = { type, raw: flag.value };
  const target =
    options.get('target') ?? options.get('dst') ?? options.get('destination');
  const source = options.get('source') ?? options.get('src');
  if (target !== undefined) mount.target = target;
  if (source !== undefined) mount.source = source;
  if (options.has('id')) mount.id = options.get('id');
  if (options.has('from')) mount.from = options.get('from');
  if (options.has('env')) mount.env = options.get('env');
  if (type === 'secret') {
    // A secret's id defaults to the target's base name, its target to /run/secrets/<id>.
    mount.id ??= target?.split('/').pop();
    if (target === undefined && !mount.env && mount.id)
      mount.target = `/run/secrets/${mount.id}`;
  }
  return mount;
}

/** Heredoc bodies read from the file's lines, with 1-based line ranges. */
export function readHeredocs(
  parsed: AstHeredoc[],
  instructionLines: LineRange,
  fileLines: readonly string[],
): Heredoc[] {
  const source = { lines: instructionLines, fileLines };
  const heredocs: Heredoc[] = [];
  for (const heredoc of parsed) {
    const range = heredoc.getContentRange();
    if (!range) {
      heredocs.push({
        name: heredoc.getName(),
        body: '',
        lines: { ...source.lines },
      });
      continue;
    }
    const first = range.start.line;
    // An unterminated heredoc runs to the end of the file; clamp to the lines that exist.
    const last = Math.min(range.end.line, source.fileLines.length - 1);
    const body = source.fileLines.slice(first, last + 1).join('\n');
    heredocs.push({
      name: heredoc.getName(),
      body,
      lines: { startLine: first + 1, endLine: Math.max(first, last) + 1 },
    });
  }
  return heredocs;
}

/** The words of the command outside heredoc bodies, with their lines. */
function commandWords(args: Argument[], heredocs: Heredoc[]): ShellWord[] {
  const inBody = (line: number) =>
    heredocs.some(
      h =>
        h.body !== '' &&
        line >= h.lines.startLine &&
        line <= h.lines.endLine + 1,
    );
  return (
    args
      .map(arg => ({
        text: arg.getValue(),
        line: arg.getRange().start.line + 1,
      }))
      // `<<EOF` is the heredoc's redirection, not a word of the command.
      .filter(word => !inBody(word.line) && !word.text.startsWith('<<'))
  );
}

/** JSON (exec) form: `RUN ["go", "build", "."]`. */
function execFormWords(words: ShellWord[]): ShellWord[] | undefined {
  const text = words
    .map(w => w.text)
    .join(' ')
    .trim();
  if (!text.startsWith('[')) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    if (!Array.isArray(parsed) || !parsed.every(x => typeof x === 'string'))
      return undefined;
    const line = words[0]?.line ?? 0;
    return (parsed as string[])
      .flatMap(arg => arg.split(/\s+/))
      .map(arg => ({ text: arg, line }));
  } catch {
    return undefined;
  }
}

export function buildRunInstruction(source: RunSource): RunInstruction {
  const mounts: RunMount[] = [];
  const flags: Record<string, string> = {};
  for (const flag of source.flags) {
    if (flag.name === 'mount') mounts.push(parseMount(flag));
    else flags[flag.name] = flag.value;
  }
  const heredocs = readHeredocs(
    source.heredocs,
    source.lines,
    source.fileLines,
  );
  const shellWords = commandWords(source.args, heredocs);
  const words = execFormWords(shellWords) ?? shellWords;
  // `RUN <<EOF` and `RUN <<EOF bash` run the body as a script; `RUN cat <<EOF > f` writes data.
  const first = words[0]?.text;
  const bodyIsScript =
    first === undefined || SHELLS.has(first.split('/').pop() ?? '');
  const allWords = bodyIsScript
    ? [
        ...words,
        { text: ';', line: source.lines.startLine },
        ...heredocs.flatMap(h => wordsOfLines(h.body, h.lines.startLine)),
      ]
    : words;
  const goCommands = findGoInvocations(allWords).filter(
    invocation => invocation.via !== 'make' || source.golangStage,
  );
  const command = [
    words.map(w => w.text).join(' '),
    ...heredocs.map(h => h.body),
  ].join('\n');
  const goflags = source.environment.goflags?.split(/\s+/) ?? [];
  return {
    keyword: 'RUN',
    lines: source.lines,
    text: command,
    stageIndex: source.stageIndex,
    command,
    heredocs,
    mounts,
    flags,
    goCommands,
    goEnvWrites: goEnvWrites(goCommands),
    environment: source.environment,
    usesVendor:
      selectsVendor(goflags) ||
      goCommands.some(invocation => selectsVendor(invocation.args)),
  };
}
