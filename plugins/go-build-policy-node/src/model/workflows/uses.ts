import { UsesRef } from './types';

type Version = { major: number; minor: number; patch: number };

function parseVersion(text: string): Version | undefined {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(text.trim());
  if (!m || m[2] === undefined) return undefined;
  return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3] ?? 0) };
}

/**
 * Parses a `uses:` value. `sourceLine` is the YAML line it is written on, so the
 * `# v5.1.0` comment that pinning tools put after a SHA can be read as the version.
 */
export function parseUses(raw: string, sourceLine?: string): UsesRef {
  const value = raw.trim();
  if (value.startsWith('./') || value === '.') {
    return {
      kind: 'local',
      path: value.replace(/^\.\/?/, '').replace(/\/+$/, ''),
      raw,
    };
  }
  if (value.startsWith('docker://'))
    return { kind: 'docker', image: value.slice(9), raw };
  const at = value.lastIndexOf('@');
  if (at <= 0) return { kind: 'invalid', raw };
  const [owner, repo, ...rest] = value.slice(0, at).split('/');
  if (!owner || !repo) return { kind: 'invalid', raw };
  const ref = value.slice(at + 1);
  const majorMatch = /^v?(\d+)(?:\.|$)/.exec(ref);
  const comment = sourceLine
    ? /#\s*(?:tag[:=]\s*)?(v?\d+(?:\.\d+){0,2})\b/.exec(sourceLine)
    : null;
  const commentVersion = comment
    ? parseVersion(comment[1]) ?? majorOnly(comment[1])
    : undefined;
  return {
    kind: 'action',
    repo: `${owner}/${repo}`.toLowerCase(),
    subPath: rest.join('/'),
    ref,
    major: majorMatch ? Number(majorMatch[1]) : commentVersion?.major,
    version: parseVersion(ref),
    commentVersion,
    raw,
  };
}

function majorOnly(text: string): Version | undefined {
  const m = /^v?(\d+)$/.exec(text);
  return m ? { major: Number(m[1]), minor: -1, patch: -1 } : undefined;
}

/** Whether a `uses` names an action (`owner/repo` and optional sub-path). */
export function isAction(
  uses: UsesRef | undefined,
  repo: string,
  subPath = '',
): boolean {
  return (
    uses?.kind === 'action' && uses.repo === repo && uses.subPath === subPath
  );
}
