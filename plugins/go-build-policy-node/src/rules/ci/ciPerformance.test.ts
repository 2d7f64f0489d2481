import { RuleContext } from '../../engine/RuleContext';
import { snapshotFromFiles } from '../../snapshot/RepositorySnapshot';
import { ciRules } from '.';
import { modTidyVerifiedRule } from '../mod/mod-tidy-verified';
import { toolchainCiVersionRule } from '../toolchain/toolchain-ci-version';
import { GO_MOD, GO_SUM } from './testing/fixtures';

const CI = `name: CI
on:
  push:
    branches: [main]
  pull_request:
jobs:
  test:
    strategy:
      matrix:
        os: [ubuntu-latest, macos-latest, windows-latest]
        go: ['1.23', '1.24']
    runs-on: \${{ matrix.os }}
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-go@v5
        with:
          go-version: \${{ matrix.go }}
      - run: go vet ./... && go test -race ./...
  lint:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-go@v5
        with:
          go-version-file: go.mod
      - uses: golangci/golangci-lint-action@v6
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-go@v5
        id: go
        with:
          go-version-file: go.mod
          cache: false
      - id: paths
        run: |
          echo "mod=$(go env GOMODCACHE)" >> $GITHUB_OUTPUT
          echo "build=$(go env GOCACHE)" >> $GITHUB_OUTPUT
      - uses: actions/cache@v4
        with:
          path: |
            \${{ steps.paths.outputs.mod }}
            \${{ steps.paths.outputs.build }}
          key: \${{ runner.os }}-\${{ runner.arch }}-go\${{ steps.go.outputs.go-version }}-\${{ hashFiles('**/go.sum') }}
          restore-keys: \${{ runner.os }}-\${{ runner.arch }}-go-
      - run: make build
`;
const RELEASE = `on:
  push:
    tags: ['v*']
jobs:
  release:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-go@v5
        with:
          go-version-file: go.mod
          cache: false
      - uses: goreleaser/goreleaser-action@v6
        with:
          args: release --clean
`;

function typicalRepository() {
  return snapshotFromFiles({
    'go.mod': GO_MOD,
    'go.sum': GO_SUM,
    Makefile:
      'build: generate\n\tgo build ./...\n\ngenerate:\n\tgo generate ./...\n',
    Dockerfile:
      'FROM golang:1.23 AS build\nWORKDIR /src\nCOPY go.mod go.sum ./\nRUN go mod download\nCOPY . .\nRUN go build -o /app .\nFROM scratch\nCOPY --from=build /app /app\n',
    '.github/workflows/ci.yml': CI,
    '.github/workflows/release.yml': RELEASE,
    ...Object.fromEntries(
      Array.from({ length: 200 }, (_, i) => [`pkg/p${i}/p.go`, 'package p\n']),
    ),
  });
}

describe('ci rules performance', () => {
  it('builds the models and runs the ci rules in a few ms of CPU for a typical repository', () => {
    const rules = [...ciRules, modTidyVerifiedRule, toolchainCiVersionRule];
    const run = () => {
      const ctx = new RuleContext(typicalRepository(), { privateModules: [] });
      return rules.map(rule => rule.evaluate(ctx).status);
    };
    run(); // warm up the JIT
    const rounds = 100;
    // CPU time, not wall time: the machine running tests is shared.
    const started = process.cpuUsage();
    for (let i = 0; i < rounds; i++) run();
    const used = process.cpuUsage(started);
    const perScan = (used.user + used.system) / 1000 / rounds;
    process.stdout.write(
      `workflow model + ci rules: ${perScan.toFixed(2)} ms CPU per scan\n`,
    );
    expect(run()).toEqual([
      'pass',
      'pass',
      'pass',
      'pass',
      'pass',
      'pass',
      'pass',
      'pass',
      'pass',
      'pass',
      'fail',
      'pass',
    ]);
    // A loose bound: the machine running tests is shared and loaded; half of the
    // model's time is the yaml package's parser.
    expect(perScan).toBeLessThan(25);
  });
});
