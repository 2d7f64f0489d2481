/*
 * Editing a fetch-variable setting where the scan found it (GoSetting.location): change
 * its value, rename it, or remove it, in the syntax of its file. Each returns false when
 * the text is not in a shape it can edit safely; the fix is then not offered.
 */
import { GoSetting } from '../goFetchSettings';
import { removeCommandAt } from './shellCommand';
import { FilePatches, TextPatch } from './textPatch';
import {
  findWrittenValue,
  replaceWrittenValue,
  Syntax,
  WrittenValue,
} from './valueSyntax';

function syntaxOf(setting: GoSetting): Syntax {
  if (setting.source.endsWith(' env')) return 'yaml';
  if (setting.source === 'Makefile export') return 'makefile';
  if (setting.source.startsWith('Dockerfile ')) return 'dockerfile';
  return 'shell';
}

interface Found {
  patch: TextPatch;
  line: number;
  written: WrittenValue;
  syntax: Syntax;
}

/** The one line, within the setting's lines, that writes it. */
function locate(patches: FilePatches, setting: GoSetting): Found | undefined {
  const patch = patches.patch(setting.location.path);
  if (!patch) return undefined;
  const syntax = syntaxOf(setting);
  const hits: Found[] = [];
  const { startLine, endLine } = setting.location;
  for (let n = startLine; n <= endLine; n++) {
    const text = patch.line(n);
    if (text === undefined) continue;
    // Exec-form RUN (`RUN ["go", …]`) is JSON, not shell: not edited.
    if (syntax === 'shell' && /^\s*RUN\s+(--\S+\s+)*\[/i.test(text)) continue;
    const written = findWrittenValue(text, setting.name, syntax);
    if (written && written.value.trim() === setting.value.trim())
      hits.push({ patch, line: n, written, syntax });
  }
  return hits.length === 1 ? hits[0] : undefined;
}

/** Writes a new value (and optionally a new name) where the setting is written. */
export function rewriteSetting(
  patches: FilePatches,
  setting: GoSetting,
  value: string,
  name: string = setting.name,
): boolean {
  if (value === setting.value && name === setting.name) return true;
  const found = locate(patches, setting);
  if (!found) return false;
  const { patch, line, written, syntax } = found;
  patch.editLine(line, text => {
    // Another edit of the same line may have moved the value: find it again.
    const again = findWrittenValue(text, written.name, syntax) ?? written;
    return replaceWrittenValue(text, again, syntax, value, name);
  });
  return true;
}

/** A YAML entry goes with its line, and with its `env:` header when it was the only entry. */
function removeYamlEntry(patch: TextPatch, line: number) {
  patch.removeLines(line);
  const indent = (n: number) => /^\s*/.exec(patch.line(n) ?? '')![0].length;
  const meaningful = (n: number) => {
    const text = patch.line(n);
    return text !== undefined && text.trim() !== '' && !/^\s*#/.test(text);
  };
  let before = line - 1;
  while (before > 0 && !meaningful(before)) before--;
  let after = line + 1;
  while (after <= patch.lines.length && !meaningful(after)) after++;
  const header = patch.line(before) ?? '';
  const ownIndent = indent(line);
  const alone =
    /^\s*(?:-\s+)?env:\s*$/.test(header) &&
    indent(before) < ownIndent &&
    (after > patch.lines.length || indent(after) < ownIndent);
  if (alone) patch.removeLines(before);
}

/** Removes a Dockerfile ENV/ARG variable; the instruction goes when it held only that. */
function removeDockerVariable(found: Found, setting: GoSetting): boolean {
  const { patch, line, written } = found;
  const { startLine, endLine } = setting.location;
  const instruction: string[] = [];
  for (let n = startLine; n <= endLine; n++) {
    let text = patch.line(n) ?? '';
    if (n === line)
      text = text.slice(0, written.start) + text.slice(written.end);
    instruction.push(text.replace(/\\\s*$/, ''));
  }
  if (/^\s*(?:ENV|ARG)\s*$/i.test(instruction.join(' '))) {
    patch.removeLines(startLine, endLine);
    return true;
  }
  patch.editLine(line, text => {
    const again = findWrittenValue(text, written.name, 'dockerfile');
    if (!again) return text;
    return (
      text.slice(0, again.start).replace(/[ \t]+$/, ' ') +
      text.slice(again.end).replace(/^[ \t]+/, '')
    ).replace(/ $/, '');
  });
  return true;
}

/** The kinds of shell setting whose whole command goes when the setting goes. */
const OWN_COMMAND = new Set(['go env -w', 'export', '$GITHUB_ENV']);

function removeShellSetting(found: Found, setting: GoSetting): boolean {
  const { patch, line, written } = found;
  const text = patch.line(line)!;
  const others =
    /(?:^|\s)(?:go\s+env\s+-w|export)\s+(.*)$/.exec(text)?.[1] ?? '';
  const assignments =
    others.split(/\s*(?:&&|\|\||;)\s*/)[0].match(/\w+=/g) ?? [];
  const wholeCommand =
    OWN_COMMAND.has(setting.source) &&
    (setting.source === '$GITHUB_ENV' || assignments.length <= 1);
  if (!wholeCommand) {
    patch.editLine(line, current => {
      const again = findWrittenValue(current, written.name, 'shell');
      if (!again) return current;
      const rest =
        current.slice(0, again.start).replace(/--build-arg[=\s]*$/, '') +
        current.slice(again.end).replace(/^[ \t]+/, '');
      // A `build-args:` line that held only this argument goes away.
      return rest.trim() === '' ? undefined : rest.trimEnd();
    });
    return true;
  }
  const previous = patch.line(line - 1);
  const removal = removeCommandAt(
    text,
    written.start,
    line > setting.location.startLine && !!previous?.trimEnd().endsWith('\\'),
  );
  if (removal.kind === 'unsupported') return false;
  if (/^\s*-?\s*run:/.test(text)) return false;
  if (removal.kind === 'remove-line') patch.removeLines(line);
  else patch.editLine(line, () => removal.text);
  return true;
}

/** Removes the setting where it is written. */
export function removeSetting(
  patches: FilePatches,
  setting: GoSetting,
): boolean {
  const found = locate(patches, setting);
  if (!found) return false;
  switch (found.syntax) {
    case 'yaml':
      removeYamlEntry(found.patch, found.line);
      return true;
    case 'makefile':
      found.patch.removeLines(found.line);
      return true;
    case 'dockerfile':
      return removeDockerVariable(found, setting);
    default:
      return removeShellSetting(found, setting);
  }
}
