/* eslint jest/expect-expect: ["warn", { "assertFunctionNames": ["expect", "expectRobust"] }] */
import { RULES } from '@go-build-policy/plugin-go-build-policy-common';
import {
  MAX_PARSED_FILE_BYTES,
  snapshotFromFiles,
  SnapshotFile,
} from '../snapshot/RepositorySnapshot';
import {
  PlainNodeScanTimer,
  TimedScanInput,
} from './__testUtils__/PlainNodeScanTimer';
import { RuleContext } from './RuleContext';
import { scanSnapshot } from './scan';

/**
 * The whole engine (models and rules) on hostile input: every case must give one finding
 * per rule in bounded time, and no rule or model may throw (the engine would turn a throw
 * into an `error` finding that says "could not evaluate"; a real error finding names its input).
 */

const ENGINE_CAUGHT = 'The rule could not evaluate this repository';
/**
 * One scan's budget, measured in plain node (see PlainNodeScanTimer): generous for a loaded
 * 2-core CI machine; a linear engine needs a small fraction of it.
 */
const BUDGET_MS = 5000;
const SETTINGS = { privateModules: ['github.com/acme/*'] };
/** A large but plausible input (a generated file): an eighth of the parse limit. */
const LARGE_BYTES = MAX_PARSED_FILE_BYTES / 8;

/** Every kind of input the rules read, with a realistic sample of each. */
const SAMPLES: Record<string, string> = {
  '.github/workflows/ci.yml':
    "name: ci\non:\n  push:\n    branches: [main]\n  pull_request:\njobs:\n  test:\n    strategy:\n      matrix:\n        os: [ubuntu-latest, macos-latest]\n        go: ['1.22', '1.23']\n    runs-on: ${{ matrix.os }}\n    env:\n      GOPRIVATE: github.com/acme/*\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-go@v5\n        with:\n          go-version: ${{ matrix.go }}\n          cache-dependency-path: '**/go.sum'\n      - uses: actions/cache@v4\n        with:\n          path: |\n            ~/go/pkg/mod\n            ~/.cache/go-build\n          key: ${{ runner.os }}-go-${{ hashFiles('**/go.sum') }}\n          restore-keys: ${{ runner.os }}-go-\n      - run: |\n          go mod download\n          go test ./...\n      - uses: ./.github/actions/setup\n",
  '.github/actions/setup/action.yml':
    'name: setup\nruns:\n  using: composite\n  steps:\n    - uses: actions/setup-go@v5\n      with:\n        go-version-file: go.mod\n    - run: go env -w GOPRIVATE=github.com/acme/*\n      shell: bash\n',
  Dockerfile:
    '# syntax=docker/dockerfile:1\nARG GO_VERSION=1.23\nFROM --platform=$BUILDPLATFORM golang:${GO_VERSION} AS build\nWORKDIR /src\nCOPY go.mod go.sum ./\nRUN --mount=type=cache,target=/go/pkg/mod \\\n    go mod download\nCOPY . .\nRUN --mount=type=cache,target=/go/pkg/mod \\\n    --mount=type=cache,target=/root/.cache/go-build \\\n    go build -o /out/app ./cmd/app\nFROM gcr.io/distroless/static\nCOPY --from=build /out/app /app\n',
  'build/worker.Dockerfile':
    'FROM golang:1.23-alpine\nRUN <<EOF\napk add git\nEOF\nCOPY . .\nRUN go build ./...\n',
  '.dockerignore': '.git\nbin/\n',
  'go.mod':
    'module github.com/acme/app\n\ngo 1.23.4\n\ntoolchain go1.23.5\n\nrequire (\n\tgithub.com/acme/shared v1.2.0\n\tgolang.org/x/sync v0.8.0 // indirect\n)\n\nreplace github.com/acme/shared => ./shared\n',
  'shared/go.mod': 'module github.com/acme/shared\n\ngo 1.22\n',
  'go.work': 'go 1.23\n\nuse (\n\t.\n\t./shared\n)\n',
  'vendor/modules.txt':
    '# golang.org/x/sync v0.8.0\n## explicit; go 1.18\ngolang.org/x/sync/errgroup\n',
  '.go-version': '1.23.4\n',
  '.tool-versions': 'golang 1.23.4\nnodejs 20.1.0\n',
  '.github/dependabot.yml':
    'version: 2\nupdates:\n  - package-ecosystem: gomod\n    directory: /\n    schedule:\n      interval: weekly\n',
  'renovate.json':
    '{ "extends": ["config:recommended"], "gomod": { "enabled": true } }\n',
  Makefile:
    'build: generate\n\tgo build ./...\n\ngenerate:\n\tgo generate ./...\n\nclean:\n\tgo clean -modcache\n',
};
const INPUT_PATHS = Object.keys(SAMPLES);

/** Deterministic pseudo-random text, so a failure can be replayed. */
function garbage(seed: number, length: number): string {
  let state = seed;
  let out = '';
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    const r = state % 100;
    if (r < 8) out += '\n';
    else if (r < 14) out += '  ';
    else if (r < 30) out += ':-[]{}&*!|>\'"%@`#,?\\$\t'[state % 22];
    else out += String.fromCharCode(32 + (state % 95));
  }
  return out;
}

function withInput(
  path: string,
  content: string | SnapshotFile,
): TimedScanInput {
  return {
    files: { ...SAMPLES, [path]: content },
    extraPaths: ['go.sum', 'main.go'],
    settings: SETTINGS,
  };
}

let timer: PlainNodeScanTimer;

// The checks that run inside jest's sandbox (models and findings) may be slow there on the
// largest inputs; the time budget of a scan is asserted in plain node, not by this timeout.
jest.setTimeout(120_000);

beforeAll(async () => {
  timer = new PlainNodeScanTimer();
  // The first scan loads and compiles the engine in the worker: not part of any budget.
  await timer.time({ files: SAMPLES, settings: SETTINGS });
}, 120_000);

afterAll(async () => {
  await timer?.close();
});

/**
 * Builds the three shared models directly too, so they are checked even when no rule reads
 * them; scans here for the findings, and in plain node for the time.
 */
async function expectRobust(input: TimedScanInput) {
  const snapshot = snapshotFromFiles(input.files, {
    extraPaths: input.extraPaths,
  });
  const context = new RuleContext(snapshot, input.settings);
  expect(() => [context.go, context.workflows, context.docker]).not.toThrow();
  const result = scanSnapshot(snapshot, { settings: input.settings });
  expect(result.findings.map(f => f.ruleId)).toEqual(RULES.map(r => r.id));
  const caught = result.findings.filter(f =>
    f.message.startsWith(ENGINE_CAUGHT),
  );
  expect(caught.map(f => `${f.ruleId}: ${f.message}`)).toEqual([]);
  expect(Number.isFinite(result.score)).toBe(true);
  // Timed on its own: the scan builds its own models, as the backend and the CLI do.
  expect(await timer.time(input)).toBeLessThan(BUDGET_MS);
}

describe('engine robustness', () => {
  it('scans the realistic sample set', async () => {
    await expectRobust({ files: SAMPLES, settings: SETTINGS });
  });

  describe.each(INPUT_PATHS)('with a hostile %s', path => {
    const sample = SAMPLES[path];
    it.each([
      ['garbage text', garbage(path.length, 20_000)],
      ['text cut mid-line', sample.slice(0, Math.floor(sample.length * 0.55))],
      [
        'text cut after the first line',
        sample.slice(0, sample.indexOf('\n') + 3),
      ],
      ['an empty file', ''],
      ['only whitespace and comments', '\n\n   \n# nothing\n// nothing\n'],
      ['CRLF line ends and a BOM', `\uFEFF${sample.replace(/\n/g, '\r\n')}`],
      ['NUL and lone surrogates in text', `${sample}\u0000\uD800\uDFFF\uDC00`],
      ['a single 200 kB line', 'x'.repeat(200_000)],
      [
        'the sample repeated to 128 kB',
        sample.repeat(Math.ceil(LARGE_BYTES / sample.length)),
      ],
      ['text over the size limit', 'a: b\n'.repeat(MAX_PARSED_FILE_BYTES / 4)],
    ])('%s', async (_name, content) => {
      await expectRobust(withInput(path, content));
    });

    it.each<[string, SnapshotFile]>([
      ['binary', { kind: 'binary' }],
      ['too large', { kind: 'too-large', size: 50 * MAX_PARSED_FILE_BYTES }],
      ['unavailable', { kind: 'unavailable', reason: 'GitHub answered 502' }],
    ])('marked %s by the source', async (_name, file) => {
      await expectRobust(withInput(path, file));
    });
  });

  it('survives a YAML alias bomb in a workflow', async () => {
    const lines = [
      'x-a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
    ];
    for (let i = 1; i <= 9; i++) {
      lines.push(
        `x-${'abcdefghij'[i]}: &${'abcdefghij'[i]} [${Array(9)
          .fill(`*${'abcdefghij'[i - 1]}`)
          .join(',')}]`,
      );
    }
    lines.push(
      'on: push',
      'jobs:',
      '  bomb:',
      '    runs-on: ubuntu-latest',
      '    env: *j',
      '    steps:',
      '      - run: go build ./...',
    );
    await expectRobust(withInput('.github/workflows/ci.yml', lines.join('\n')));
  });

  it('survives aliases that refer to themselves or to the steps list', async () => {
    const text =
      'on: push\njobs:\n  a: &job\n    runs-on: ubuntu-latest\n    steps: &steps\n      - uses: actions/setup-go@v5\n      - run: go test ./...\n  b: *job\n  c:\n    runs-on: ubuntu-latest\n    steps: *steps\n  d: *missing\n';
    await expectRobust(withInput('.github/workflows/ci.yml', text));
  });

  it('survives deeply nested YAML', async () => {
    const depth = 5000;
    const flow = `on: push\njobs: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;
    await expectRobust(withInput('.github/workflows/ci.yml', flow));
    const block = Array.from(
      { length: 2000 },
      (_, i) => `${' '.repeat(i)}k${i}:`,
    ).join('\n');
    await expectRobust(
      withInput('.github/workflows/ci.yml', `on: push\njobs:\n${block}\n`),
    );
    await expectRobust(withInput('.github/dependabot.yml', flow));
  });

  it('survives a workflow with thousands of jobs and steps', async () => {
    const jobs = Array.from(
      { length: 2000 },
      (_, i) =>
        `  job${i}:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/setup-go@v5\n      - run: go test ./...\n`,
    ).join('');
    await expectRobust(
      withInput('.github/workflows/ci.yml', `on: [push]\njobs:\n${jobs}`),
    );
  });

  it('survives a 10,000-line Dockerfile', async () => {
    const line = (i: number) => {
      if (i % 500 === 0) return `FROM golang:1.23 AS s${i}`;
      if (i % 3 === 0) return `COPY . /src/${i}`;
      return `RUN go build -o /out/${i} ./...`;
    };
    const body = Array.from({ length: 10_000 }, (_, i) => line(i)).join('\n');
    await expectRobust(withInput('Dockerfile', body));
  });

  it('survives Dockerfiles with endless continuations, open heredocs and odd instructions', async () => {
    await expectRobust(
      withInput(
        'Dockerfile',
        `FROM golang:1.23\nRUN go build \\\n${'  -v \\\n'.repeat(20_000)}`,
      ),
    );
    await expectRobust(
      withInput('Dockerfile', 'FROM golang:1.23\nRUN <<EOF\ngo build ./...\n'),
    );
    await expectRobust(
      withInput(
        'Dockerfile',
        'FROM\nFROM AS\nCOPY\nRUN --mount=\nARG =\nENV\nFROM ${X:-${Y:-${Z}}}\n',
      ),
    );
    await expectRobust(
      withInput('Dockerfile', `FROM golang:${'${A}'.repeat(5000)}\n`),
    );
  });

  it('survives a go.mod with 100,000 requirements and broken directives', async () => {
    const requires = Array.from(
      { length: 100_000 },
      (_, i) => `\texample.com/m${i} v1.0.${i}`,
    ).join('\n');
    await expectRobust(
      withInput('go.mod', `module a\n\ngo 1.23\n\nrequire (\n${requires}\n)\n`),
    );
    await expectRobust(
      withInput(
        'go.mod',
        'module\ngo\nrequire (\nreplace => \nreplace a => ../../..\n)\n)\n',
      ),
    );
    await expectRobust(
      withInput(
        'go.mod',
        'module "a b"\ngo 1.23 extra\nrequire a\nreplace /abs => /abs\n',
      ),
    );
  });

  it('survives a tree of 50,000 paths and 300 go.mod files', async () => {
    const files: Record<string, string> = { ...SAMPLES };
    for (let i = 0; i < 300; i++)
      files[`svc${i}/go.mod`] = `module github.com/acme/svc${i}\n\ngo 1.23\n`;
    const extraPaths = Array.from(
      { length: 50_000 },
      (_, i) => `pkg/p${i % 700}/f${i}.go`,
    );
    await expectRobust({ files, extraPaths, settings: SETTINGS });
  });

  it('survives regex-hostile lines in every input at once', async () => {
    const hostile = `${'a'.repeat(30_000)}!\n${'${{ '.repeat(
      5000,
    )}\n${'-'.repeat(30_000)}\n${' \t'.repeat(20_000)}x\n`;
    const files = Object.fromEntries(
      INPUT_PATHS.map(p => [p, `${SAMPLES[p]}${hostile}`]),
    );
    await expectRobust({ files, settings: SETTINGS });
  });
});
