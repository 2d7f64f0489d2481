import {
  RepositorySnapshot,
  snapshotFromFiles,
} from '../snapshot/RepositorySnapshot';
import { Random } from './random';
import {
  dependabot,
  goMod,
  goWork,
  makefile,
  renovate,
} from './generate/goModules';
import {
  ciWorkflow,
  codeqlWorkflow,
  compositeAction,
  lintWorkflow,
  nightlyWorkflow,
  releaseWorkflow,
} from './generate/workflows';
import {
  dockerfile,
  dockerignore,
  releaseDockerfile,
} from './generate/dockerfiles';

export type Archetype =
  | 'service'
  | 'monorepo'
  | 'library'
  | 'vendored'
  | 'no-ci';

export interface BenchRepository {
  name: string;
  archetype: Archetype;
  snapshot: RepositorySnapshot;
  /** Bytes of the files the engine reads (the rest of the tree is only listed). */
  inputBytes: number;
}

const ARCHETYPES: ReadonlyArray<[Archetype, number]> = [
  ['service', 0.45],
  ['monorepo', 0.25],
  ['library', 0.15],
  ['vendored', 0.1],
  ['no-ci', 0.05],
];

function pickArchetype(random: Random): Archetype {
  let roll = random.next();
  for (const [archetype, share] of ARCHETYPES) {
    roll -= share;
    if (roll < 0) return archetype;
  }
  return 'service';
}

/** Paths of Go sources and other files: rules only list them, as in a real tree. */
function sourcePaths(random: Random, modules: readonly string[]): string[] {
  const paths: string[] = ['README.md', 'LICENSE', '.gitignore'];
  for (const module of modules) {
    const prefix = module === '.' ? '' : `${module}/`;
    paths.push(`${prefix}go.sum`);
    const packages = random.int(3, 60);
    for (let p = 0; p < packages; p++) {
      for (let f = random.int(1, 12); f > 0; f--) {
        paths.push(
          `${prefix}internal/pkg${p}/file${f}.go`,
          `${prefix}internal/pkg${p}/file${f}_test.go`,
        );
      }
    }
  }
  return paths;
}

function repository(random: Random, index: number): BenchRepository {
  const archetype = pickArchetype(random);
  const privateModules = random.chance(0.3);
  const modules =
    archetype === 'monorepo'
      ? Array.from({ length: random.int(2, 8) }, (_, i) => `services/svc${i}`)
      : ['.'];
  const files: Record<string, string> = {};
  for (const module of modules) {
    const prefix = module === '.' ? '' : `${module}/`;
    const replace =
      archetype === 'monorepo' && random.chance(0.3)
        ? '../../shared'
        : undefined;
    files[`${prefix}go.mod`] = goMod(
      random,
      `github.com/acme/repo${index}/${module}`,
      { localReplace: replace },
    );
    if (archetype !== 'library' && random.chance(0.85)) {
      files[`${prefix}Dockerfile`] = dockerfile(random, module, privateModules);
      files[`${prefix}.dockerignore`] = dockerignore(random);
    }
  }
  if (archetype === 'monorepo') {
    files['shared/go.mod'] = goMod(random, 'github.com/acme/shared');
    files['go.work'] = goWork([...modules, 'shared']);
  }
  if (archetype === 'vendored') {
    files['vendor/modules.txt'] =
      '# golang.org/x/sync v0.8.0\n## explicit; go 1.18\ngolang.org/x/sync/errgroup\n';
  }
  if (archetype !== 'no-ci') {
    const ciModules = archetype === 'monorepo' ? modules : ['.'];
    files['.github/workflows/ci.yml'] = ciWorkflow(
      random,
      ciModules,
      privateModules,
    );
    if (random.chance(0.6))
      files['.github/workflows/lint.yml'] = lintWorkflow(random);
    if (random.chance(0.5)) {
      files['.github/workflows/release.yml'] = releaseWorkflow(random);
      files['build/release.Dockerfile'] = releaseDockerfile();
    }
    if (random.chance(0.3))
      files['.github/workflows/nightly.yml'] = nightlyWorkflow();
    if (random.chance(0.3))
      files['.github/workflows/codeql.yml'] = codeqlWorkflow();
    files['.github/actions/setup-tools/action.yml'] = compositeAction();
  }
  if (random.chance(0.5))
    files['.github/dependabot.yml'] = dependabot(
      random,
      modules.filter(m => m !== '.'),
    );
  else if (random.chance(0.6)) files['renovate.json'] = renovate(random);
  if (random.chance(0.5)) files.Makefile = makefile(random);
  if (random.chance(0.3)) files['.go-version'] = '1.23.4\n';
  const inputBytes = Object.values(files).reduce(
    (sum, text) => sum + text.length,
    0,
  );
  return {
    name: `repo${index}`,
    archetype,
    inputBytes,
    snapshot: snapshotFromFiles(files, {
      extraPaths: sourcePaths(random, modules),
    }),
  };
}

/** A deterministic corpus of varied, realistic repositories, built in memory. */
export function generateSnapshots(count: number, seed = 1): BenchRepository[] {
  const random = new Random(seed);
  return Array.from({ length: count }, (_, i) => repository(random, i));
}
