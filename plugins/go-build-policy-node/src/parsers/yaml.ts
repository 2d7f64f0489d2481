import {
  Alias,
  Document,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  Node,
  parseDocument,
  YAMLMap,
  YAMLSeq,
} from 'yaml';
import { MAX_PARSED_FILE_BYTES } from '../snapshot/RepositorySnapshot';

/** Why a YAML file could not be read, with the 1-based line it concerns (1 when unknown). */
export interface YamlParseIssue {
  message: string;
  line: number;
}

/** 1-based inclusive line range of a node in its file. */
export interface LineRange {
  startLine: number;
  endLine: number;
}

export interface YamlParseOptions {
  /** Largest input accepted, in bytes of UTF-16 text (defaults to MAX_PARSED_FILE_BYTES). */
  maxBytes?: number;
  /** How many aliases may be expanded in one file before expansion stops (default 200). */
  maxAliasCount?: number;
}

export type YamlParseResult =
  | { ok: true; file: YamlFile }
  | { ok: false; issue: YamlParseIssue };

const DEFAULT_MAX_ALIASES = 200;

/**
 * A parsed YAML document with line positions and alias-safe accessors. Every accessor
 * tolerates any node shape (a scalar where a map was expected gives `undefined`), so
 * model builders can walk untrusted input without type checks at every step.
 */
export class YamlFile {
  private aliasesResolved = 0;
  private sourceLines?: string[];
  private readonly mapIndexes = new WeakMap<object, MapIndex>();

  constructor(
    readonly text: string,
    readonly document: Document.Parsed,
    readonly lineCounter: LineCounter,
    private readonly maxAliasCount: number,
  ) {}

  /** The root node, or undefined for an empty document. */
  get root(): Node | undefined {
    return this.resolve(this.document.contents ?? undefined);
  }

  /** True once alias expansion was cut short (a likely alias bomb). */
  get aliasLimitReached(): boolean {
    return this.aliasesResolved > this.maxAliasCount;
  }

  /** Follows aliases to their anchored node, within the file's alias budget. */
  resolve(node: unknown): Node | undefined {
    let current: unknown = node;
    for (let hops = 0; isAlias(current); hops++) {
      this.aliasesResolved++;
      if (hops > 8 || this.aliasesResolved > this.maxAliasCount)
        return undefined;
      current = (current as Alias).resolve(this.document);
    }
    return (current as Node | null | undefined) ?? undefined;
  }

  /** Lines of a node (for a map entry, pass the key to start at the key's line). */
  lines(node: unknown, until?: unknown): LineRange | undefined {
    const start = rangeOf(node);
    const end = rangeOf(until ?? node);
    if (!start || !end) return undefined;
    const startLine = this.lineCounter.linePos(start[0]).line;
    let endOffset = Math.max(start[0], end[1] - 1);
    // A block node's range ends after its last newline: keep the line it ends on.
    while (endOffset > start[0] && /\s/.test(this.text[endOffset] ?? ''))
      endOffset--;
    const endLine = this.lineCounter.linePos(endOffset).line;
    return { startLine, endLine: Math.max(startLine, endLine) };
  }

  /** The text of a 1-based source line ('' past the end). */
  lineText(line: number): string {
    this.sourceLines ??= this.text.split('\n');
    return this.sourceLines[line - 1] ?? '';
  }

  /** Line of a node's first character, or 1 when the node has no position. */
  line(node: unknown): number {
    return this.lines(node)?.startLine ?? 1;
  }

  /** The map's entries with string keys, values alias-resolved (computed once per map). */
  entries(node: unknown): YamlEntry[] {
    return this.indexOf(node)?.list ?? [];
  }

  /** The entry of a map under `key`, if any (the first, as duplicate keys are refused). */
  entry(node: unknown, key: string): YamlEntry | undefined {
    return this.indexOf(node)?.byKey.get(key);
  }

  /** The value of a map under `key`, alias-resolved. */
  get(node: unknown, key: string): Node | undefined {
    return this.entry(node, key)?.value;
  }

  private indexOf(node: unknown): MapIndex | undefined {
    const map = this.resolve(node);
    if (!isMap(map)) return undefined;
    const cached = this.mapIndexes.get(map);
    if (cached) return cached;
    const list: YamlEntry[] = [];
    const byKey = new Map<string, YamlEntry>();
    for (const pair of (map as YAMLMap<unknown, unknown>).items) {
      const keyNode = this.resolve(pair.key);
      const key = isScalar(keyNode) ? String(keyNode.value) : undefined;
      if (key === undefined) continue;
      const entry = { key, keyNode, value: this.resolve(pair.value) };
      list.push(entry);
      if (!byKey.has(key)) byKey.set(key, entry);
    }
    const index = { list, byKey };
    this.mapIndexes.set(map, index);
    return index;
  }

  /** Items of a sequence, alias-resolved; a non-sequence gives an empty list. */
  items(node: unknown): Node[] {
    const seq = this.resolve(node);
    if (!isSeq(seq)) return [];
    const result: Node[] = [];
    for (const item of (seq as YAMLSeq<unknown>).items) {
      const resolved = this.resolve(item);
      if (resolved) result.push(resolved);
    }
    return result;
  }

  /** A scalar's value as text (numbers and booleans too); undefined for maps, lists, null. */
  string(node: unknown): string | undefined {
    const resolved = this.resolve(node);
    if (!isScalar(resolved)) return undefined;
    const value = resolved.value;
    if (value === null || value === undefined) return undefined;
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') {
      // Keep the source spelling: `go-version: 1.20` is "1.20", not the number 1.2.
      return resolved.source ?? String(value);
    }
    return undefined;
  }

  /** Plain JavaScript for a node, with aliases bounded; undefined when expansion is too large. */
  toJS(node: unknown): unknown {
    const resolved = this.resolve(node);
    if (!resolved) return undefined;
    try {
      return resolved.toJS(this.document, {
        maxAliasCount: this.maxAliasCount,
      });
    } catch {
      return undefined;
    }
  }

  isMap(node: unknown): boolean {
    return isMap(this.resolve(node));
  }

  isSeq(node: unknown): boolean {
    return isSeq(this.resolve(node));
  }
}

interface MapIndex {
  list: YamlEntry[];
  byKey: Map<string, YamlEntry>;
}

export interface YamlEntry {
  key: string;
  keyNode: Node | undefined;
  value: Node | undefined;
}

function rangeOf(node: unknown): [number, number] | undefined {
  const range = (node as { range?: [number, number, number] } | undefined)
    ?.range;
  if (!range) return undefined;
  return [range[0], range[1]];
}

/**
 * Parses one YAML document safely: size limit, YAML 1.2 core schema (so `on:` stays a
 * string key, as GitHub reads it), bounded aliases, and parser errors returned as an issue
 * with its line instead of thrown. Warnings do not fail the parse.
 */
export function parseYaml(
  text: string,
  options: YamlParseOptions = {},
): YamlParseResult {
  const maxBytes = options.maxBytes ?? MAX_PARSED_FILE_BYTES;
  if (text.length > maxBytes) {
    return {
      ok: false,
      issue: {
        message: `the file is larger than ${maxBytes} bytes, the most the scanner parses`,
        line: 1,
      },
    };
  }
  if (text.includes('\u0000')) {
    return {
      ok: false,
      issue: { message: 'the file is binary, not YAML', line: 1 },
    };
  }
  const lineCounter = new LineCounter();
  let document: Document.Parsed;
  try {
    document = parseDocument(text, {
      lineCounter,
      version: '1.2',
      schema: 'core',
      prettyErrors: false,
      uniqueKeys: true,
      merge: false,
    });
  } catch (e) {
    // Deeply nested input can exhaust the stack inside the parser.
    return {
      ok: false,
      issue: {
        message: `the YAML could not be parsed (${describe(e)})`,
        line: 1,
      },
    };
  }
  const first = document.errors[0];
  if (first) {
    const line = first.pos ? lineCounter.linePos(first.pos[0]).line : 1;
    const message = first.message.split('\n')[0];
    return { ok: false, issue: { message, line } };
  }
  const maxAliasCount = options.maxAliasCount ?? DEFAULT_MAX_ALIASES;
  return {
    ok: true,
    file: new YamlFile(text, document, lineCounter, maxAliasCount),
  };
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
