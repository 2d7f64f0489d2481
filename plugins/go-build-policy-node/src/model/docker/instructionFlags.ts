/** A `--name=value` flag of RUN, COPY, ADD or FROM. */
export interface InstructionFlag {
  /** Lowercased name without dashes (`mount`, `from`). */
  name: string;
  value: string;
}

/**
 * Reads the leading `--name=value` flags of an instruction from its arguments text (see
 * argumentsText). dockerfile-ast has getFlags, but it rescans the whole instruction on every
 * call, which dominates the cost of long RUNs; flags are simple words, so one split suffices.
 */
export function leadingFlags(argumentsText: string): InstructionFlag[] {
  const flags: InstructionFlag[] = [];
  for (const word of argumentsText.split(/[ \t]+/)) {
    if (!word.startsWith('--') || word.length < 3) break;
    const eq = word.indexOf('=');
    const name = (eq === -1 ? word.slice(2) : word.slice(2, eq)).toLowerCase();
    flags.push({ name, value: eq === -1 ? '' : word.slice(eq + 1) });
  }
  return flags;
}

/** `type=cache,target=/go/pkg/mod` as option name → value (names lowercased, quotes removed). */
export function flagOptions(value: string): Map<string, string> {
  const options = new Map<string, string>();
  for (const part of value.split(',')) {
    const eq = part.indexOf('=');
    const name = (eq === -1 ? part : part.slice(0, eq)).trim().toLowerCase();
    if (!name) continue;
    options.set(
      name,
      eq === -1
        ? ''
        : part
            .slice(eq + 1)
            .trim()
            .replace(/^"(.*)"$/, '$1'),
    );
  }
  return options;
}
