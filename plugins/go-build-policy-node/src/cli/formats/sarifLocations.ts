import {
  FindingLocation,
  RuleCategory,
} from '@go-build-policy/plugin-go-build-policy-common';
import {
  isDockerfileName,
  RepositorySnapshot,
} from '../../snapshot/RepositorySnapshot';

const SRCROOT = '%SRCROOT%';
/** Lines of context shown around a finding's region. */
const CONTEXT_LINES = 2;
/** Regions longer than this get no snippet (GitHub shows the file itself anyway). */
const MAX_SNIPPET_LINES = 40;

/**
 * GitHub rejects results without a location, so a finding that names no file (for example
 * "no update bot configured") is placed on line 1 of the file it is most about.
 */
export function fallbackPath(
  category: RuleCategory | undefined,
  paths: readonly string[],
): string {
  const goMod = () =>
    paths.includes('go.mod')
      ? 'go.mod'
      : paths.find(p => p.endsWith('/go.mod'));
  const workflow = () => paths.find(p => p.startsWith('.github/workflows/'));
  const dockerfile = () => paths.find(isDockerfileName);
  let order = [goMod, workflow, dockerfile];
  if (category === 'ci') order = [workflow, goMod, dockerfile];
  if (category === 'docker') order = [dockerfile, goMod, workflow];
  for (const pick of order) {
    const path = pick();
    if (path) return path;
  }
  return paths[0] ?? 'go.mod';
}

/** Builds SARIF physical locations, with snippets from the snapshot's text files. */
export class SarifLocations {
  private readonly lines = new Map<string, string[] | undefined>();

  constructor(private readonly snapshot: RepositorySnapshot) {}

  private linesOf(path: string): string[] | undefined {
    if (!this.lines.has(path)) {
      const file = this.snapshot.file(path);
      this.lines.set(
        path,
        file?.kind === 'text' ? file.text.split(/\r?\n/) : undefined,
      );
    }
    return this.lines.get(path);
  }

  private snippet(path: string, startLine: number, endLine: number) {
    const lines = this.linesOf(path);
    if (
      !lines ||
      endLine > lines.length ||
      endLine - startLine >= MAX_SNIPPET_LINES
    ) {
      return {};
    }
    const contextStart = Math.max(1, startLine - CONTEXT_LINES);
    const contextEnd = Math.min(lines.length, endLine + CONTEXT_LINES);
    const text = (from: number, to: number) =>
      `${lines.slice(from - 1, to).join('\n')}\n`;
    return {
      snippet: { text: text(startLine, endLine) },
      contextRegion: {
        startLine: contextStart,
        endLine: contextEnd,
        snippet: { text: text(contextStart, contextEnd) },
      },
    };
  }

  /** A result location; line numbers are clamped to SARIF's 1-based, ordered regions. */
  physical(location: FindingLocation) {
    const startLine = Math.max(1, Math.floor(location.startLine) || 1);
    const endLine = Math.max(
      startLine,
      Math.floor(location.endLine) || startLine,
    );
    const { contextRegion, snippet } = this.snippet(
      location.path,
      startLine,
      endLine,
    );
    return {
      physicalLocation: {
        artifactLocation: { uri: encodeURI(location.path), uriBaseId: SRCROOT },
        region: { startLine, endLine, ...(snippet ? { snippet } : {}) },
        ...(contextRegion ? { contextRegion } : {}),
      },
    };
  }
}

export const SARIF_SRCROOT = SRCROOT;
