import { InMemoryRepo } from '../model/types';
import { goMod, goSum, PUBLIC_MODULES } from './goModules';
import { SeededRandom } from './random';
import {
  DEPENDABOT,
  DOCKERIGNORE,
  DockerStyle,
  MAKEFILE,
  WorkflowStyle,
  dockerfile,
  goPackage,
  mainGo,
  workflow,
} from './templates';

export interface SyntheticRepoOptions {
  count: number;
  owner?: string;
  /** Same seed, same repositories (names, files and so git ids). */
  seed?: number;
  /** Share of monorepos (several modules under services/ with a go.work). */
  monorepoShare?: number;
  /** Extra Go source files per module, to vary tree sizes: [min, max]. */
  sourceFiles?: [number, number];
}

const WORKFLOW_STYLES: WorkflowStyle[] = [
  'setup-go-default',
  'setup-go-version-file',
  'actions-cache-hashed',
  'actions-cache-per-run',
  'no-cache',
  'matrix-os',
];
const DOCKER_STYLES: Array<DockerStyle | undefined> = [
  'layered-cache-mounts',
  'layered',
  'copy-all-first',
  'floating-image',
  undefined,
];
const GO_VERSIONS = ['1.22', '1.23', '1.24', '1.25'];
const PACKAGE_NAMES = [
  'store',
  'api',
  'config',
  'worker',
  'auth',
  'billing',
  'events',
];

function addModule(
  files: Record<string, string>,
  random: SeededRandom,
  options: {
    dir: string;
    module: string;
    goVersion: string;
    owner: string;
    sourceFiles: [number, number];
  },
): boolean {
  const prefix = options.dir ? `${options.dir}/` : '';
  const requires = random
    .sample(PUBLIC_MODULES, random.integer(0, 6))
    .sort(([a], [b]) => a.localeCompare(b));
  const usesPrivate = random.chance(0.3);
  if (usesPrivate)
    requires.push([`github.com/${options.owner}/platform-kit`, 'v0.4.2']);
  files[`${prefix}go.mod`] = goMod({
    module: options.module,
    goVersion: `${options.goVersion}.${random.integer(0, 4)}`,
    requires,
  });
  // A few modules forget go.sum, as real repositories sometimes do.
  if (requires.length > 0 && random.chance(0.92))
    files[`${prefix}go.sum`] = goSum(requires);
  const binary = options.module.split('/').pop()!;
  files[`${prefix}cmd/${binary}/main.go`] = mainGo(binary);
  const count = random.integer(...options.sourceFiles);
  for (let index = 0; index < count; index++) {
    const pkg = PACKAGE_NAMES[index % PACKAGE_NAMES.length];
    files[`${prefix}internal/${pkg}/${pkg}_${index}.go`] = goPackage(
      pkg,
      index,
    );
  }
  return usesPrivate;
}

function generateOne(
  random: SeededRandom,
  owner: string,
  index: number,
  options: SyntheticRepoOptions,
): InMemoryRepo {
  const name = `svc-${String(index).padStart(4, '0')}`;
  const files: Record<string, string> = {};
  const goVersion = random.pick(GO_VERSIONS);
  const sourceFiles = options.sourceFiles ?? [3, 40];
  const monorepo = random.chance(options.monorepoShare ?? 0.1);
  let usesPrivate = false;
  if (monorepo) {
    const services = random.sample(
      ['orders', 'ledger', 'gateway', 'notifier'],
      random.integer(2, 4),
    );
    for (const service of services) {
      usesPrivate =
        addModule(files, random, {
          dir: `services/${service}`,
          module: `github.com/${owner}/${name}/services/${service}`,
          goVersion,
          owner,
          sourceFiles,
        }) || usesPrivate;
    }
    files['go.work'] = `go ${goVersion}.0\n\nuse (\n${services
      .map(service => `\t./services/${service}`)
      .join('\n')}\n)\n`;
  } else {
    usesPrivate = addModule(files, random, {
      dir: '',
      module: `github.com/${owner}/${name}`,
      goVersion,
      owner,
      sourceFiles,
    });
  }
  files['.github/workflows/ci.yml'] = workflow(
    random.pick(WORKFLOW_STYLES),
    goVersion,
    usesPrivate && random.chance(0.7) ? owner : undefined,
  );
  if (random.chance(0.3)) {
    files[
      '.github/workflows/lint.yml'
    ] = `name: lint\non: [pull_request]\njobs:\n  lint:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-go@v5\n        with:\n          go-version-file: go.mod\n      - uses: golangci/golangci-lint-action@v6\n`;
  }
  const docker = random.pick(DOCKER_STYLES);
  if (docker && !monorepo) {
    files.Dockerfile = dockerfile(docker, goVersion, name);
    if (random.chance(0.6)) files['.dockerignore'] = DOCKERIGNORE;
  }
  if (random.chance(0.5)) files.Makefile = MAKEFILE;
  if (random.chance(0.6)) files['.github/dependabot.yml'] = DEPENDABOT;
  files[
    'README.md'
  ] = `# ${name}\n\nA generated Go service for go-build-policy benchmarks.\n`;
  return {
    owner,
    name,
    files,
    settings: {
      description: `Synthetic Go service ${index}`,
      topics: monorepo ? ['go', 'monorepo'] : ['go'],
    },
  };
}

/**
 * Generates `count` varied Go repositories in memory for benchmarks:
 * different workflows, Dockerfiles, go.mod requirements (some private),
 * and some monorepos. Deterministic for a given seed.
 */
export function generateGoRepos(options: SyntheticRepoOptions): InMemoryRepo[] {
  const random = new SeededRandom(options.seed ?? 42);
  const owner = options.owner ?? 'bench';
  const repos: InMemoryRepo[] = [];
  for (let index = 0; index < options.count; index++) {
    repos.push(generateOne(random, owner, index, options));
  }
  return repos;
}
