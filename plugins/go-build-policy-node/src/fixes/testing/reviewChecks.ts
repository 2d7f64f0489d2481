/**
 * Structural checks a reviewer applies to a proposed patch, beyond the rule proof of
 * fixProof.ts: the patched workflows still parse as YAML, the patched Dockerfiles parse
 * with the instructions they had plus the intended ones, and the file's line endings are
 * kept. Jest assertions: use from test files only.
 */
import { DockerfileParser } from 'dockerfile-ast';
import { parseDocument } from 'yaml';
import { isDockerfileName } from '../../snapshot/RepositorySnapshot';
import { FixProposal } from '../types';

function instructionCounts(text: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const instruction of DockerfileParser.parse(text).getInstructions()) {
    const keyword = instruction.getKeyword().toUpperCase();
    counts[keyword] = (counts[keyword] ?? 0) + 1;
  }
  return counts;
}

/** Per keyword, how many instructions the edit of `path` adds (negative: removes). */
export function instructionDelta(
  proposal: FixProposal,
  path: string,
): Record<string, number> {
  const edit = proposal.edits.find(e => e.path === path);
  if (!edit) throw new Error(`The proposal does not edit ${path}`);
  const before = instructionCounts(edit.before ?? '');
  const after = instructionCounts(edit.after);
  const delta: Record<string, number> = {};
  for (const keyword of new Set([
    ...Object.keys(before),
    ...Object.keys(after),
  ])) {
    const change = (after[keyword] ?? 0) - (before[keyword] ?? 0);
    if (change) delta[keyword] = change;
  }
  return delta;
}

function layout(text: string) {
  const breaks = text.match(/\r?\n/g) ?? [];
  return {
    crlf: breaks.length > 0 && breaks.every(b => b === '\r\n'),
    lf: breaks.every(b => b === '\n'),
    finalNewline: text.endsWith('\n'),
  };
}

/**
 * Every edited file keeps its line endings and never loses its final newline, YAML
 * files parse without errors or warnings, and Dockerfiles parse.
 */
export function expectWellFormedEdits(proposal: FixProposal): void {
  for (const edit of proposal.edits) {
    if (edit.before !== undefined) {
      const was = layout(edit.before);
      const now = layout(edit.after);
      expect({ path: edit.path, ...now }).toEqual({
        path: edit.path,
        crlf: was.crlf,
        lf: was.lf || (!was.crlf && now.lf),
        // Appending to a file without one adds it; nothing may drop it.
        finalNewline: was.finalNewline || now.finalNewline,
      });
    }
    if (/\.ya?ml$/.test(edit.path)) {
      const doc = parseDocument(edit.after);
      expect({
        path: edit.path,
        errors: doc.errors.map(e => e.message),
        warnings: doc.warnings.map(w => w.message),
      }).toEqual({ path: edit.path, errors: [], warnings: [] });
    }
    if (isDockerfileName(edit.path)) {
      expect(() => DockerfileParser.parse(edit.after)).not.toThrow();
    }
  }
}
