import { YamlFile } from '../../parsers/yaml';
import { actionsScalar } from './actionsScalar';

/** GitHub refuses matrices with more than 256 jobs; the scan stops at the same size. */
export const MAX_COMBINATIONS = 256;

export interface ExpandedMatrix {
  /** Combinations (one empty combination when the job has no matrix). */
  combinations: Array<Record<string, string>>;
  /** Keys of the matrix (product keys and include keys). */
  keys: string[];
  /** Whether the job has a `strategy.matrix`. */
  present: boolean;
  /** The matrix (or one of its vectors) is an expression the scan cannot expand. */
  unknown: boolean;
  /** Unquoted numbers Actions reads differently from their spelling (`1.20` as `1.2`). */
  misread: MisreadValues;
}

/** Values Actions reads differently from their spelling, per key: read text → written text. */
export type MisreadValues = Record<string, Record<string, string>>;

function asText(
  file: YamlFile,
  node: unknown,
  key?: string,
  misread?: MisreadValues,
): string {
  const scalar = actionsScalar(file, node);
  if (scalar) {
    if (scalar.writtenAs && key && misread)
      (misread[key] ??= {})[scalar.value] = scalar.writtenAs;
    return scalar.value;
  }
  const js = file.toJS(node);
  return js === undefined || js === null ? '' : JSON.stringify(js);
}

function entriesAsText(
  file: YamlFile,
  node: unknown,
  misread: MisreadValues,
): Record<string, string> {
  const result: Record<string, string> = {};
  for (const entry of file.entries(node))
    result[entry.key] = asText(file, entry.value, entry.key, misread);
  return result;
}

function product(
  vectors: Array<[string, string[]]>,
): Array<Record<string, string>> {
  let combos: Array<Record<string, string>> = [{}];
  for (const [key, values] of vectors) {
    const next: Array<Record<string, string>> = [];
    for (const combo of combos) {
      for (const value of values) {
        if (next.length >= MAX_COMBINATIONS) break;
        next.push({ ...combo, [key]: value });
      }
    }
    combos = next;
  }
  return combos;
}

function matches(
  combo: Record<string, string>,
  filter: Record<string, string>,
): boolean {
  return Object.entries(filter).every(([k, v]) => combo[k] === v);
}

/**
 * Applies include entries the way GitHub does: an entry extends every combination whose
 * original values it does not contradict; an entry that extends none becomes its own.
 */
function applyIncludes(
  base: Array<Record<string, string>>,
  originalKeys: Set<string>,
  includes: Array<Record<string, string>>,
): Array<Record<string, string>> {
  const combos = base.map(c => ({ ...c }));
  const originals = base.map(c => ({ ...c }));
  for (const include of includes) {
    let extended = false;
    combos.forEach((combo, i) => {
      // Only combinations of the original product take includes; one an include created
      // stays as it is (GitHub runs `{fruit: banana}` and `{fruit: banana, animal: cat}`
      // as two jobs, and an include-only matrix as one job per entry).
      if (i >= base.length) return;
      const conflicts = Object.entries(include).some(
        ([k, v]) =>
          originalKeys.has(k) &&
          originals[i][k] !== undefined &&
          originals[i][k] !== v,
      );
      if (conflicts) return;
      Object.assign(combo, include);
      extended = true;
    });
    if (!extended && combos.length < MAX_COMBINATIONS)
      combos.push({ ...include });
  }
  return combos;
}

/** Expands `strategy.matrix` of a job node. */
export function expandMatrix(file: YamlFile, jobNode: unknown): ExpandedMatrix {
  const matrixNode = file.get(file.get(jobNode, 'strategy'), 'matrix');
  if (matrixNode === undefined)
    return {
      combinations: [{}],
      keys: [],
      present: false,
      unknown: false,
      misread: {},
    };
  if (!file.isMap(matrixNode)) {
    return {
      combinations: [{}],
      keys: [],
      present: true,
      unknown: true,
      misread: {},
    };
  }
  const vectors: Array<[string, string[]]> = [];
  let includes: Array<Record<string, string>> = [];
  let excludes: Array<Record<string, string>> = [];
  let unknown = false;
  const misread: MisreadValues = {};
  for (const entry of file.entries(matrixNode)) {
    if (entry.key === 'include' || entry.key === 'exclude') {
      const list = file
        .items(entry.value)
        .map(item => entriesAsText(file, item, misread));
      if (!file.isSeq(entry.value)) unknown = true;
      if (entry.key === 'include') includes = list;
      else excludes = list;
      continue;
    }
    if (!file.isSeq(entry.value)) {
      // `os: ${{ fromJSON(needs.setup.outputs.os) }}` and similar.
      unknown = true;
      continue;
    }
    vectors.push([
      entry.key,
      file
        .items(entry.value)
        .map(item => asText(file, item, entry.key, misread)),
    ]);
  }
  const originalKeys = new Set(vectors.map(([k]) => k));
  let combos = vectors.length ? product(vectors) : [];
  combos = combos.filter(
    c => !excludes.some(e => Object.keys(e).length && matches(c, e)),
  );
  combos = applyIncludes(combos, originalKeys, includes);
  if (combos.length === 0) combos = [{}];
  const keys = [
    ...new Set([...originalKeys, ...includes.flatMap(i => Object.keys(i))]),
  ];
  return { combinations: combos, keys, present: true, unknown, misread };
}
