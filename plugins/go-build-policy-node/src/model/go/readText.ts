import {
  MAX_PARSED_FILE_BYTES,
  RepositorySnapshot,
} from '../../snapshot/RepositorySnapshot';

export type TextRead =
  | { ok: true; text: string }
  | { ok: false; reason: string };

/** A file's text, or why it cannot be parsed (binary, too large, unreadable, absent). */
export function readText(snapshot: RepositorySnapshot, path: string): TextRead {
  const file = snapshot.file(path);
  if (!file) return { ok: false, reason: `${path} is not in the tree` };
  switch (file.kind) {
    case 'binary':
      return { ok: false, reason: `${path} is a binary file` };
    case 'too-large':
      return {
        ok: false,
        reason: `${path} is too large to parse (${file.size} bytes)`,
      };
    case 'unavailable':
      return { ok: false, reason: `${path} could not be read: ${file.reason}` };
    default:
      break;
  }
  if (file.text.length > MAX_PARSED_FILE_BYTES) {
    return {
      ok: false,
      reason: `${path} is larger than ${MAX_PARSED_FILE_BYTES} bytes, the most the scanner parses`,
    };
  }
  if (file.text.includes('\u0000')) {
    return { ok: false, reason: `${path} is a binary file` };
  }
  return { ok: true, text: file.text };
}
