import { hasGlob, matchSegment } from './glob';
import { CopyInstruction, Heredoc, LineRange } from './types';

type DependencyFile = CopyInstruction['dependencyFiles'][number];
const DEPENDENCY_FILES: DependencyFile[] = [
  'go.mod',
  'go.sum',
  'go.work',
  'go.work.sum',
];

// Sources that copy the whole build context into the image.
const WHOLE_CONTEXT = new Set([
  '.',
  './',
  '/',
  '*',
  './*',
  '.*',
  './.',
  '**',
  '*/',
]);

export interface CopySource {
  keyword: 'COPY' | 'ADD';
  lines: LineRange;
  stageIndex: number;
  /** Arguments after flags (outside heredoc bodies), substituted; the last is the destination. */
  words: string[];
  flags: Record<string, string>;
  heredocs: Heredoc[];
  /** Stage names of this file so far (lowercased), by index. */
  stageNames: ReadonlyMap<string, number>;
}

function baseName(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** The Go dependency files one source covers, by name (`go.*` covers all four). */
export function dependencyFilesOf(source: string): DependencyFile[] {
  const name = baseName(source);
  if (!hasGlob(name)) {
    return DEPENDENCY_FILES.filter(file => file === name);
  }
  return DEPENDENCY_FILES.filter(file => matchSegment(name, file));
}

/** Whether a source names only dependency files (a glob like `go.*` may match little else). */
function onlyDependencies(source: string): boolean {
  const name = baseName(source);
  if (!hasGlob(name)) return (DEPENDENCY_FILES as string[]).includes(name);
  // `go.*` and `go.[ms]*` stay within go.mod/go.sum/go.work(.sum) in practice.
  return /^go\.[^/]*$/.test(name) && dependencyFilesOf(source).length > 0;
}

/** Reads `COPY [--from=x] src… dest` in either form (`["src", "dest"]` too). */
function splitSources(words: string[]): {
  sources: string[];
  destination: string;
} {
  const joined = words.join(' ').trim();
  if (joined.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(joined);
      if (
        Array.isArray(parsed) &&
        parsed.every(x => typeof x === 'string') &&
        parsed.length
      ) {
        const list = parsed as string[];
        return {
          sources: list.slice(0, -1),
          destination: list[list.length - 1],
        };
      }
    } catch {
      // Not JSON after all: fall back to the shell form below.
    }
  }
  const plain = words.filter(word => !word.startsWith('<<'));
  if (plain.length === 0) return { sources: [], destination: '' };
  return { sources: plain.slice(0, -1), destination: plain[plain.length - 1] };
}

export function buildCopyInstruction(source: CopySource): CopyInstruction {
  const { sources, destination } = splitSources(source.words);
  const from = source.flags.from;
  const fromContext = from === undefined;
  const dependencyFiles = fromContext
    ? [...new Set(sources.flatMap(dependencyFilesOf))]
    : [];
  const copy: CopyInstruction = {
    keyword: source.keyword,
    lines: source.lines,
    text: [...source.words].join(' '),
    stageIndex: source.stageIndex,
    sources,
    destination,
    copiesWholeContext: fromContext && sources.some(s => WHOLE_CONTEXT.has(s)),
    dependencyFiles,
    onlyDependencyFiles:
      fromContext && sources.length > 0 && sources.every(onlyDependencies),
    heredocs: source.heredocs,
  };
  if (from !== undefined) {
    copy.from = from;
    const stage = source.stageNames.get(from.toLowerCase());
    if (stage !== undefined) copy.fromStage = stage;
    else if (/^\d+$/.test(from)) copy.fromStage = Number(from);
  }
  if (source.flags.chown !== undefined) copy.chown = source.flags.chown;
  return copy;
}
