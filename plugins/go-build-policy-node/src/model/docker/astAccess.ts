import {
  Flag,
  Heredoc as AstHeredoc,
  Argument,
  Instruction,
  Property,
} from 'dockerfile-ast';
import { LineRange } from './types';

/*
 * Small accessors over dockerfile-ast's instruction classes: only some classes have flags,
 * heredocs or properties, so each is probed for, and none throws on odd input.
 */

export function linesOf(instruction: Instruction): LineRange {
  const range = instruction.getRange();
  return { startLine: range.start.line + 1, endLine: range.end.line + 1 };
}

export function flagsOf(instruction: Instruction): Flag[] {
  const withFlags = instruction as Partial<{ getFlags(): Flag[] }>;
  return typeof withFlags.getFlags === 'function' ? withFlags.getFlags() : [];
}

/** Heredocs of RUN/COPY/ADD; asked of the parser only when an argument starts one. */
export function heredocsOf(
  instruction: Instruction,
  args: Argument[],
): AstHeredoc[] {
  if (!args.some(arg => arg.getValue().startsWith('<<'))) return [];
  const withHeredocs = instruction as unknown as Partial<{
    getHeredocs(): AstHeredoc[];
  }>;
  return typeof withHeredocs.getHeredocs === 'function'
    ? withHeredocs.getHeredocs()
    : [];
}

export function propertiesOf(instruction: Instruction): Property[] {
  const withProperties = instruction as Partial<{
    getProperties(): Property[];
  }>;
  return typeof withProperties.getProperties === 'function'
    ? withProperties.getProperties()
    : [];
}

/**
 * An instruction's arguments from the raw lines: continuations joined, comment lines
 * dropped, keyword removed. Cheaper than dockerfile-ast's getArguments, which re-scans the
 * instruction on every call; used for instructions whose words the rules do not split.
 */
export function argumentsText(
  fileLines: readonly string[],
  lines: LineRange,
  escape: string,
): string {
  const parts: string[] = [];
  for (
    let i = lines.startLine - 1;
    i < lines.endLine && i < fileLines.length;
    i++
  ) {
    let line = fileLines[i].replace(/\r$/, '');
    if (i > lines.startLine - 1 && line.trimStart().startsWith('#')) continue;
    const trimmed = line.trimEnd();
    if (trimmed.endsWith(escape)) line = trimmed.slice(0, -1);
    parts.push(line.trim());
  }
  return parts
    .join(' ')
    .replace(/^\S+\s*/, '')
    .trim();
}
