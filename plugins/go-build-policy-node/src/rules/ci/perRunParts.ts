/** Which parts of a cache key change on every run, or rotate on a coarse period. */
import { EvaluatedValue } from '../../model/workflows';
import { PER_RUN_CONTEXTS } from '../../model/workflows/expressions';

export interface KeyTiming {
  /** Parts that differ on every run (`github.sha`, `$(date +%s)`). */
  perRun: string[];
  /** Parts that rotate on a period of a day or more (`$(date +%Y%V)`). */
  periodic: string[];
  /** Parts the scan cannot follow. */
  unknown: string[];
}

/** `date` formats finer than a day change within a day: per run for cache purposes. */
function dateTiming(command: string): 'per-run' | 'periodic' | undefined {
  const m = /^(?:g?date|Get-Date)\b(.*)$/i.exec(command.trim());
  if (!m) return undefined;
  const format =
    /\+["']?([^"']*)/.exec(m[1])?.[1] ??
    /-Format\s+["']?([^"']*)/i.exec(m[1])?.[1] ??
    '';
  if (!format) return 'per-run';
  return /%[sSNHMIklrRTcXx+]|%[0-9]*N|\bHH|\bmm|\bss/.test(format)
    ? 'per-run'
    : 'periodic';
}

export function keyTiming(key: EvaluatedValue): KeyTiming {
  const timing: KeyTiming = { perRun: [], periodic: [], unknown: [] };
  for (const part of key.parts) {
    if (part.kind === 'context') {
      if (
        PER_RUN_CONTEXTS.has(part.name) ||
        /^github\.event\.head_commit\.(id|timestamp)$/.test(part.name)
      ) {
        timing.perRun.push(part.name);
      }
    } else if (part.kind === 'command') {
      const date = dateTiming(part.command);
      if (date === 'per-run') timing.perRun.push(`$(${part.command})`);
      else if (date === 'periodic') timing.periodic.push(`$(${part.command})`);
      else if (/^(git\s+rev-parse|uuidgen|openssl\s+rand)/.test(part.command))
        timing.perRun.push(`$(${part.command})`);
    } else if (part.kind === 'unknown') {
      timing.unknown.push(part.text);
    }
  }
  return timing;
}

/** A restore key is a useful fallback when it keeps a stable prefix (not empty, not per run). */
export function usefulRestoreKey(
  restoreKeys: EvaluatedValue[],
): EvaluatedValue | undefined {
  return restoreKeys.find(
    k => k.text.trim().length > 0 && keyTiming(k).perRun.length === 0,
  );
}
