import {
  EnvEntry,
  EvaluatedValue,
  GoPaths,
  RunnerArch,
  RunnerOs,
} from './types';

/** Tells the OS and CPU of a GitHub-hosted (or labelled self-hosted) runner from its labels. */
export function runnerPlatform(runsOn: EvaluatedValue): {
  os: RunnerOs;
  arch: RunnerArch;
} {
  if (!runsOn.isLiteral) {
    // `${{ matrix.os }}` was resolved already; anything still symbolic is unknown.
    return { os: 'unknown', arch: 'unknown' };
  }
  const labels = runsOn.text
    .toLowerCase()
    .split(/[\s,]+/)
    .filter(Boolean);
  const text = labels.join(' ');
  let os: RunnerOs = 'unknown';
  if (
    /\b(ubuntu|linux)\b/.test(text) ||
    labels.some(l => l.startsWith('ubuntu-'))
  )
    os = 'linux';
  else if (labels.some(l => l.startsWith('macos') || l === 'macos'))
    os = 'macos';
  else if (labels.some(l => l.startsWith('windows') || l === 'windows'))
    os = 'windows';
  return { os, arch: runnerArch(os, labels) };
}

function runnerArch(os: RunnerOs, labels: string[]): RunnerArch {
  if (labels.some(l => l === 'arm64' || l === 'arm' || /-arm(64)?$/.test(l)))
    return 'arm64';
  if (labels.some(l => l === 'x64' || l === 'amd64' || l === 'x86_64'))
    return 'x64';
  if (os === 'macos') {
    // GitHub's macOS 14+ and `-xlarge` images are Apple silicon; 13 and `-large` are Intel.
    const mac = labels.find(l => l.startsWith('macos'))!;
    if (/-xlarge$/.test(mac)) return 'arm64';
    if (/-large$/.test(mac) || /^macos-1[0-3]\b/.test(mac)) return 'x64';
    return 'arm64';
  }
  if (os === 'linux' || os === 'windows') {
    return labels.includes('self-hosted') ? 'unknown' : 'x64';
  }
  return 'unknown';
}

/** Default home and Go cache locations of GitHub-hosted runners, per OS. */
const RUNNER_DEFAULTS: Record<
  Exclude<RunnerOs, 'unknown'>,
  { home: string; gocache: string }
> = {
  linux: { home: '/home/runner', gocache: '~/.cache/go-build' },
  macos: { home: '/Users/runner', gocache: '~/Library/Caches/go-build' },
  windows: {
    home: 'C:/Users/runneradmin',
    gocache: '~/AppData/Local/go-build',
  },
};

export interface GoPathInputs {
  os: RunnerOs;
  /** Job container image, when the job runs in one. */
  containerImage?: string;
  /** Env entries of the workflow and job (later entries win). */
  env: EnvEntry[];
  /** Evaluates an env value for this combination; undefined when it is not known. */
  evaluate: (value: string) => string | undefined;
}

/** `~` and `$HOME` expanded, backslashes turned to slashes, trailing slash removed. */
export function normalizePath(path: string, home: string): string {
  let result = path.trim().replace(/\\/g, '/');
  result = result
    .replace(/^~(?=\/|$)/, home)
    .replace(/^\$\{?HOME\}?(?=\/|$)/, home);
  result = result.replace(
    /%(LOCALAPPDATA|LocalAppData)%/i,
    `${home}/AppData/Local`,
  );
  result = result.replace(/%USERPROFILE%/i, home);
  result = result.replace(/\/+$/, '');
  return result || '/';
}

/**
 * Where Go keeps its caches in a job: the runner's defaults, moved by a job container
 * (HOME is /github/home there; golang images set GOPATH /go) and by env GOPATH,
 * GOMODCACHE, GOCACHE, XDG_CACHE_HOME.
 */
export function goPathsFor(inputs: GoPathInputs): GoPaths {
  const movedBy: EnvEntry[] = [];
  let certain = inputs.os !== 'unknown' || inputs.containerImage !== undefined;
  const container = inputs.containerImage;
  const defaults =
    RUNNER_DEFAULTS[inputs.os === 'unknown' ? 'linux' : inputs.os];
  let home = container ? '/github/home' : defaults.home;
  let gopath = `${home}/go`;
  let gocacheRaw = container ? '~/.cache/go-build' : defaults.gocache;
  if (container) {
    const golang = /^(?:docker\.io\/)?(?:library\/)?golang(?::|@|$)/i.test(
      container,
    );
    if (golang) gopath = '/go';
    else certain = false; // another image may set GOPATH itself
  }
  const lastOf = (name: string) =>
    [...inputs.env].reverse().find(e => e.name === name);
  const read = (name: string): string | undefined => {
    const entry = lastOf(name);
    if (!entry) return undefined;
    movedBy.push(entry);
    const value = inputs.evaluate(entry.value);
    if (value === undefined) certain = false;
    return value;
  };
  const envHome = read('HOME');
  if (envHome) home = envHome;
  const envGopath = read('GOPATH');
  if (envGopath)
    gopath = normalizePath(
      envGopath.split(inputs.os === 'windows' ? ';' : ':')[0],
      home,
    );
  const xdg = read('XDG_CACHE_HOME');
  if (xdg && inputs.os !== 'macos' && inputs.os !== 'windows')
    gocacheRaw = `${xdg}/go-build`;
  const gomodcache = read('GOMODCACHE');
  const gocache = read('GOCACHE');
  return {
    home,
    gomodcache: normalizePath(gomodcache ?? `${gopath}/pkg/mod`, home),
    gocache: normalizePath(gocache ?? gocacheRaw, home),
    certain,
    movedBy,
  };
}
