import { Random } from '../random';
import { GO_VERSIONS } from './goModules';

/** One setup-go step in one of the forms seen in the wild (versions, caches, version files). */
function setupGo(
  random: Random,
  indent: string,
  goVersion: string,
  dependencyPath?: string,
) {
  const version = random.pick(['v3', 'v4', 'v5', 'v5.0.2', 'v6']);
  const lines = [
    `${indent}- uses: actions/setup-go@${version}`,
    `${indent}  with:`,
  ];
  lines.push(
    random.chance(0.4)
      ? `${indent}    go-version-file: ${
          dependencyPath ? `${dependencyPath}/go.mod` : 'go.mod'
        }`
      : `${indent}    go-version: ${goVersion}`,
  );
  if (version === 'v3' || random.chance(0.2))
    lines.push(`${indent}    cache: ${random.pick(['true', 'false'])}`);
  if (dependencyPath)
    lines.push(`${indent}    cache-dependency-path: ${dependencyPath}/go.sum`);
  return lines;
}

function actionsCache(random: Random, indent: string) {
  const key = random.pick([
    "${{ runner.os }}-go-${{ hashFiles('**/go.sum') }}",
    "${{ runner.os }}-${{ runner.arch }}-go-${{ matrix.go }}-${{ hashFiles('**/go.sum') }}",
    'go-${{ github.sha }}',
    'go-mod-static',
  ]);
  return [
    `${indent}- uses: actions/cache@v4`,
    `${indent}  with:`,
    `${indent}    path: |`,
    `${indent}      ~/go/pkg/mod`,
    `${indent}      ~/.cache/go-build`,
    `${indent}    key: ${key}`,
    ...(random.chance(0.6)
      ? [`${indent}    restore-keys: \${{ runner.os }}-go-`]
      : []),
  ];
}

/** The main CI workflow: a matrix over OS and Go, caches, and a mix of run and make steps. */
export function ciWorkflow(
  random: Random,
  modules: readonly string[],
  privateModules: boolean,
) {
  const matrix = random.chance(0.5);
  const goVersion = matrix
    ? '${{ matrix.go }}'
    : `'${random.pick(GO_VERSIONS)}'`;
  const lines = [
    'name: ci',
    'on:',
    '  push:',
    '    branches: [main]',
    '  pull_request:',
    '',
  ];
  if (privateModules) lines.push('env:', '  GOPRIVATE: github.com/acme/*', '');
  lines.push('jobs:');
  for (const module of modules.length ? modules : ['.']) {
    const job = module === '.' ? 'test' : `test-${module.replace(/\W/g, '-')}`;
    lines.push(`  ${job}:`);
    if (matrix) {
      lines.push(
        '    strategy:',
        '      matrix:',
        '        os: [ubuntu-latest, macos-latest, windows-latest]',
      );
      lines.push(`        go: ['${GO_VERSIONS[3]}', '${GO_VERSIONS[5]}']`);
      lines.push('    runs-on: ${{ matrix.os }}');
    } else {
      lines.push(
        `    runs-on: ${random.pick([
          'ubuntu-latest',
          'ubuntu-24.04',
          'ubuntu-24.04-arm',
        ])}`,
      );
    }
    if (random.chance(0.15)) lines.push('    container: golang:1.23');
    lines.push('    steps:', '      - uses: actions/checkout@v4');
    if (privateModules) {
      lines.push(
        '      - run: git config --global url."https://x-access-token:${{ secrets.GO_MODULES_TOKEN }}@github.com/".insteadOf "https://github.com/"',
      );
    }
    lines.push(
      ...setupGo(
        random,
        '      ',
        goVersion,
        module === '.' ? undefined : module,
      ),
    );
    if (random.chance(0.3)) lines.push(...actionsCache(random, '      '));
    if (random.chance(0.3))
      lines.push('      - uses: ./.github/actions/setup-tools');
    const dir = module === '.' ? '' : `\n        working-directory: ${module}`;
    lines.push(`      - run: go mod download${dir}`);
    lines.push(
      random.chance(0.3)
        ? '      - run: make test'
        : `      - run: |\n          go vet ./...\n          go test -race ./...${dir}`,
    );
    if (random.chance(0.3))
      lines.push('      - run: go mod tidy && git diff --exit-code');
  }
  return `${lines.join('\n')}\n`;
}

export function lintWorkflow(random: Random) {
  return `name: lint\non: [pull_request]\njobs:\n  golangci:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-go@v5\n        with:\n          go-version: stable\n      - uses: golangci/golangci-lint-action@v${random.int(
    3,
    6,
  )}\n        with:\n          version: latest\n`;
}

export function releaseWorkflow(random: Random) {
  const secretArg = random.chance(0.3)
    ? '          build-args: GITHUB_TOKEN=${{ secrets.GITHUB_TOKEN }}\n'
    : '';
  const docker = random.chance(0.5)
    ? `      - uses: docker/build-push-action@v6\n        with:\n          push: true\n          tags: ghcr.io/acme/app:\${{ github.ref_name }}\n          cache-from: type=gha\n          cache-to: type=gha,mode=max\n${secretArg}`
    : '';
  return `name: release\non:\n  push:\n    tags: ['v*']\njobs:\n  release:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n        with:\n          fetch-depth: 0\n      - uses: actions/setup-go@v5\n        with:\n          go-version-file: go.mod\n          cache: ${random.pick(
    ['false', 'true'],
  )}\n      - uses: goreleaser/goreleaser-action@v6\n        with:\n          args: release --clean\n${docker}`;
}

export function nightlyWorkflow() {
  return "name: nightly\non:\n  schedule:\n    - cron: '0 3 * * *'\n  workflow_dispatch:\njobs:\n  clean-build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-go@v5\n        with:\n          go-version-file: go.mod\n          cache: false\n      - run: go build ./... && go test ./...\n";
}

export function codeqlWorkflow() {
  return 'name: codeql\non: [push]\njobs:\n  analyze:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: github/codeql-action/init@v3\n        with:\n          languages: go\n      - uses: github/codeql-action/autobuild@v3\n      - uses: github/codeql-action/analyze@v3\n';
}

export function compositeAction() {
  return "name: setup-tools\ndescription: Installs code generators\nruns:\n  using: composite\n  steps:\n    - uses: actions/cache@v4\n      with:\n        path: ~/.local/bin\n        key: tools-${{ hashFiles('tools/go.sum') }}\n    - run: go install golang.org/x/tools/cmd/stringer@latest\n      shell: bash\n";
}
