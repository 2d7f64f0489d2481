import { GoEnvironment } from './types';

/** What decides Go's paths at one point of a stage. */
export interface EnvironmentInputs {
  /** ENV and ARG values in effect (ARG values are in the RUN environment too). */
  variables: ReadonlyMap<string, string | undefined>;
  /** Variables whose value depends on something unresolved. */
  unresolved: ReadonlySet<string>;
  /** USER in effect, if any. */
  user?: string;
  /** The stage chain starts from an official golang image (GOPATH=/go). */
  golangBased: boolean;
  /** The base image is a known quantity (golang, scratch): its ENV is known. */
  baseKnown: boolean;
}

function isRoot(user: string | undefined): boolean {
  if (user === undefined) return true;
  const name = user.split(':')[0].trim();
  return name === '' || name === 'root' || name === '0';
}

/**
 * Go's cache paths as the go command computes them inside the container: GOMODCACHE, else
 * `$GOPATH/pkg/mod` (GOPATH defaults to `$HOME/go`; golang images set `/go`); GOCACHE, else
 * `$XDG_CACHE_HOME/go-build`, else `$HOME/.cache/go-build`. HOME comes from ENV HOME or
 * the user's passwd entry, which the scan cannot read for non-root users.
 */
export function goEnvironment(inputs: EnvironmentInputs): GoEnvironment {
  const { variables, unresolved } = inputs;
  const value = (name: string) => {
    const v = variables.get(name);
    return v === undefined || v === '' ? undefined : v;
  };
  /** Whether a variable's value (or its absence) is known: set and resolved, or a known base. */
  const known = (name: string) =>
    !unresolved.has(name) && (value(name) !== undefined || inputs.baseKnown);
  const user = inputs.user?.trim() || 'root';
  let home = value('HOME');
  let homeCertain = known('HOME');
  if (home === undefined) {
    if (isRoot(inputs.user)) {
      home = '/root';
    } else {
      // Docker reads HOME from /etc/passwd; `/home/<name>` is the adduser convention.
      home = `/home/${user.split(':')[0]}`;
      homeCertain = false;
    }
  }
  // Each path follows the first variable that sets it, so it is as certain as that variable.
  const gopathVar = value('GOPATH');
  const gopath =
    gopathVar?.split(':')[0] ?? (inputs.golangBased ? '/go' : `${home}/go`);
  const gopathCertain =
    known('GOPATH') && (gopathVar !== undefined || homeCertain);
  const gomodcacheVar = value('GOMODCACHE');
  const gomodcache = gomodcacheVar ?? `${gopath.replace(/\/+$/, '')}/pkg/mod`;
  const gomodcacheCertain =
    known('GOMODCACHE') && (gomodcacheVar !== undefined || gopathCertain);
  const gocacheVar = value('GOCACHE');
  const xdg = value('XDG_CACHE_HOME');
  const gocache =
    gocacheVar ?? `${(xdg ?? `${home}/.cache`).replace(/\/+$/, '')}/go-build`;
  let gocacheCertain = known('GOCACHE');
  if (gocacheVar === undefined)
    gocacheCertain &&=
      known('XDG_CACHE_HOME') && (xdg !== undefined || homeCertain);
  const environment: GoEnvironment = {
    gopath,
    gomodcache,
    gocache,
    home,
    user,
    certain: gomodcacheCertain && gocacheCertain,
    gomodcacheCertain,
    gocacheCertain,
  };
  const goflags = value('GOFLAGS');
  if (goflags !== undefined) environment.goflags = goflags;
  return environment;
}
