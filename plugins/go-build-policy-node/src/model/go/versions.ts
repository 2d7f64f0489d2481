import { GoVersion, GoVersionSpec } from './types';

/*
 * Go versions follow Go's own ordering (cmd/go/internal/gover), not semver: the language
 * version `1.21` sorts before `1.21rc1`, which sorts before `1.21.0`; before Go 1.21 the
 * first release was `1.N`, so `1.20` equals `1.20.0`. Requests as CI and images write them
 * (`1.26`, `1.23.x`, `~1.23.0`) resolve at the precision given: `1.26` is the newest 1.26
 * patch, so it satisfies `go 1.26.3` (POLICY.md, "Versions compare at the precision given").
 */

const PRERELEASE_KINDS = ['alpha', 'beta', 'rc'] as const;
type PrereleaseKind = (typeof PRERELEASE_KINDS)[number];

// Anchored, no nested quantifiers: linear on any input.
const VERSION_TEXT =
  /^(?:go|v)?(\d{1,6})(?:\.(\d{1,6}))?(?:\.(\d{1,6}))?(?:(alpha|beta|rc)(\d{1,6})|-(alpha|beta|rc)\.?(\d{1,6}))?(?:-[0-9A-Za-z.+-]*)?$/;

/**
 * Parses one Go version: `1.23`, `1.23.4`, `go1.23.4`, `v1.23.4`, `1.21rc1`, `go1.21beta2`,
 * setup-go's semver spelling `1.21.0-rc.1`, and Go's custom suffix (`go1.21.0-bigcorp`,
 * ignored as Go ignores it). `1` alone is `1.0.0`, as in Go. Undefined for anything else.
 */
export function parseGoVersion(text: string): GoVersion | undefined {
  const match = VERSION_TEXT.exec(text.trim());
  if (!match) return undefined;
  const [, major, minor, patch, kindA, numA, kindB, numB] = match;
  const kind = (kindA ?? kindB) as PrereleaseKind | undefined;
  const prereleaseNumber = numA ?? numB;
  const version: GoVersion = {
    major: Number(major),
    minor: minor === undefined ? 0 : Number(minor),
  };
  if (minor === undefined) version.patch = 0;
  else if (patch !== undefined) version.patch = Number(patch);
  // `1.21.0-rc.1` is setup-go's way of writing `1.21rc1`: the release it precedes has no patch yet.
  if (kind && prereleaseNumber !== undefined) {
    if (kindB && version.patch === 0) delete version.patch;
    version.prerelease = { kind, number: Number(prereleaseNumber) };
  }
  return version;
}

/** Writes a version the way Go does (`1.23`, `1.23.4`, `1.21rc1`). */
export function formatGoVersion(version: GoVersion): string {
  let text = `${version.major}.${version.minor}`;
  if (version.patch !== undefined) text += `.${version.patch}`;
  if (version.prerelease) {
    text += `${version.prerelease.kind}${version.prerelease.number}`;
  }
  return text;
}

/** The patch Go's ordering gives a version: `1.20` is `1.20.0`, `1.21` is below every 1.21 release. */
function effectivePatch(version: GoVersion): number {
  if (version.patch !== undefined) return version.patch;
  if (!version.prerelease && version.major === 1 && version.minor < 21)
    return 0;
  return -1;
}

/** Sort key of the pre-release part: the language version, then alpha < beta < rc < release. */
function prereleaseRank(version: GoVersion): number {
  if (version.prerelease)
    return PRERELEASE_KINDS.indexOf(version.prerelease.kind) + 1;
  return effectivePatch(version) >= 0 ? PRERELEASE_KINDS.length + 1 : 0;
}

/** Go's ordering of two versions: negative, zero or positive. */
export function compareGoVersions(a: GoVersion, b: GoVersion): number {
  return (
    a.major - b.major ||
    a.minor - b.minor ||
    effectivePatch(a) - effectivePatch(b) ||
    prereleaseRank(a) - prereleaseRank(b) ||
    (a.prerelease?.number ?? 0) - (b.prerelease?.number ?? 0)
  );
}

const FLOATING_WORDS = new Set(['stable', 'oldstable', 'latest', 'x', '*']);
const MINOR_WILDCARD = /^v?(\d{1,6})\.(\d{1,6})\.[xX*]$/;
// `1`, `1.x`, `1.x.x`: any release of the major version.
const MAJOR_WILDCARD = /^v?(\d{1,6})(?:\.[xX*](?:\.[xX*])?)?$/;
const TILDE = /^~\s*v?(\d{1,6})(?:\.(\d{1,6})(?:\.(\d{1,6}|[xX*]))?)?$/;
const LOWER_BOUND = /^(?:\^|>=?)\s*(\S+)$/;

/**
 * Parses a version request as setup-go, an image tag or a version file writes it.
 * See {@link GoVersionSpec} for the kinds. Expressions (`${{ … }}`, `$VAR`) are `unknown`.
 */
export function parseGoVersionSpec(text: string): GoVersionSpec {
  const raw = text;
  const spec = text.trim().replace(/^=\s*/, '');
  if (!spec || spec.includes('$') || /\s/.test(spec))
    return { kind: 'unknown', raw };
  if (FLOATING_WORDS.has(spec.toLowerCase())) return { kind: 'floating', raw };

  const minorWildcard = MINOR_WILDCARD.exec(spec);
  if (minorWildcard) {
    const version = {
      major: Number(minorWildcard[1]),
      minor: Number(minorWildcard[2]),
    };
    return { kind: 'minor', raw, version };
  }
  const majorWildcard = MAJOR_WILDCARD.exec(spec);
  if (majorWildcard) {
    return {
      kind: 'floating',
      raw,
      floor: { major: Number(majorWildcard[1]), minor: 0 },
    };
  }
  const tilde = TILDE.exec(spec);
  if (tilde) {
    const major = Number(tilde[1]);
    if (tilde[2] === undefined)
      return { kind: 'floating', raw, floor: { major, minor: 0 } };
    const version: GoVersion = { major, minor: Number(tilde[2]) };
    if (tilde[3] !== undefined && /^\d/.test(tilde[3]))
      version.patch = Number(tilde[3]);
    return { kind: 'minor', raw, version };
  }
  const lowerBound = LOWER_BOUND.exec(spec);
  if (lowerBound) {
    const floor = parseGoVersion(lowerBound[1]);
    return floor ? { kind: 'floating', raw, floor } : { kind: 'unknown', raw };
  }

  const version = parseGoVersion(spec);
  if (!version) return { kind: 'unknown', raw };
  if (version.patch === undefined && !version.prerelease) {
    return { kind: 'minor', raw, version };
  }
  return { kind: 'exact', raw, version };
}

/**
 * Whether a request can give a Go at least as new as `required` (go.mod's `go` or
 * `toolchain` line), comparing at the precision the request gives: a `minor` request is the
 * newest patch of its minor; a `floating` one is the newest release. Undefined for `unknown`.
 * (setup-go without `check-latest` takes the runner's cached patch when one satisfies the
 * request, which can trail the newest by an image release: POLICY.md accepts the spec as
 * written.)
 */
export function specSatisfies(
  spec: GoVersionSpec,
  required: GoVersion,
): boolean | undefined {
  switch (spec.kind) {
    case 'exact':
      return compareGoVersions(spec.version, required) >= 0;
    case 'minor':
      return (
        spec.version.major > required.major ||
        (spec.version.major === required.major &&
          spec.version.minor >= required.minor)
      );
    case 'floating':
      return true;
    default:
      return undefined;
  }
}

/** Whether a request names at least a minor version (what POLICY.md calls pinned). */
export function isPinnedToMinor(spec: GoVersionSpec): boolean {
  return spec.kind === 'exact' || spec.kind === 'minor';
}
