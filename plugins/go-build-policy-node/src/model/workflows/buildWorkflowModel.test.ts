import { snapshotFromFiles } from '../../snapshot/RepositorySnapshot';
import { buildGoModel } from '../go';
import { buildWorkflowModel, SetupGoCache } from '.';

function model(files: Record<string, string | { kind: 'binary' }>) {
  const snapshot = snapshotFromFiles(files);
  return buildWorkflowModel(snapshot, buildGoModel(snapshot));
}

const GO_MOD = 'module example.com/app\n\ngo 1.23\n';

describe('buildWorkflowModel', () => {
  it('reads triggers in their three shapes', () => {
    const m = model({
      '.github/workflows/a.yml': 'on: push\njobs: {}\n',
      '.github/workflows/b.yml':
        'on: [schedule, workflow_dispatch]\njobs: {}\n',
      '.github/workflows/c.yml':
        "on:\n  push:\n    tags: ['v*']\n  release:\n    types: [published]\njobs: {}\n",
    });
    const [a, b, c] = m.workflows.map(w => w.triggers);
    expect(a).toMatchObject({ routine: true, tagPush: true });
    expect(b).toMatchObject({ routine: false, scheduledOrManual: true });
    expect(c).toMatchObject({ routine: false, tagPush: true, release: true });
    expect(c.events[1]).toMatchObject({
      name: 'release',
      line: 4,
      types: ['published'],
    });
  });

  it('expands local composite actions into the job, with their inputs, and stops on cycles', () => {
    const m = model({
      'go.mod': GO_MOD,
      '.github/workflows/ci.yml':
        'on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ./.github/actions/a\n        with:\n          v: "1.22"\n',
      '.github/actions/a/action.yml':
        "inputs:\n  v:\n    default: '1.20'\nruns:\n  using: composite\n  steps:\n    - uses: actions/setup-go@v5\n      with:\n        go-version: ${{ inputs.v }}\n    - uses: ./.github/actions/b\n",
      '.github/actions/b/action.yaml':
        'runs:\n  using: composite\n  steps:\n    - run: go build ./...\n      shell: bash\n    - uses: ./.github/actions/a\n',
    });
    const job = m.jobs[0];
    const uses = job.steps.map(s => {
      if (s.uses?.kind === 'local') return s.uses.path;
      return s.uses?.kind === 'action' ? s.uses.repo : 'run';
    });
    expect(uses).toEqual([
      '.github/actions/a',
      'actions/setup-go',
      '.github/actions/b',
      'run',
      '.github/actions/a',
    ]);
    expect(job.steps[1].viaAction).toMatchObject({
      actionPath: '.github/actions/a/action.yml',
      inputs: { v: '1.22' },
    });
    expect(job.steps[3].span).toEqual({
      path: '.github/actions/b/action.yaml',
      startLine: 4,
      endLine: 5,
    });
    expect(job.goEvidence?.reason).toBe('runs `go build`');
  });

  it("resolves local reusable workflows under the caller's triggers and inputs, and flags remote ones", () => {
    const m = model({
      'go.mod': GO_MOD,
      '.github/workflows/ci.yml':
        "on: pull_request\njobs:\n  call:\n    uses: ./.github/workflows/build.yml\n    with:\n      go: '1.23'\n  remote:\n    uses: acme/shared/.github/workflows/go.yml@v1\n",
      '.github/workflows/build.yml':
        "on:\n  workflow_call:\n    inputs:\n      go:\n        type: string\n        default: '1.21'\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/setup-go@v5\n        with:\n          go-version: ${{ inputs.go }}\n      - run: go build ./...\n",
    });
    const called = m.jobs.find(j => j.id === 'build')!;
    expect(called.triggers.routine).toBe(true);
    expect(called.calledFrom).toMatchObject({
      workflowPath: '.github/workflows/ci.yml',
      jobId: 'call',
    });
    expect(called.inputs.go).toBe('1.23');
    expect(m.jobs.filter(j => j.id === 'build')).toHaveLength(1);
    expect(m.jobs.find(j => j.id === 'remote')!.usesWorkflow).toMatchObject({
      visible: false,
    });
    expect(m.jobs.find(j => j.id === 'call')!.usesWorkflow).toMatchObject({
      visible: true,
    });
  });

  it('reads setup-go caching per version, including SHA pins with a version comment', () => {
    const m = model({
      'go.mod': GO_MOD,
      'go.sum': '',
      '.github/workflows/ci.yml':
        'on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-go@v2\n      - uses: actions/setup-go@v3.1.0\n        with:\n          cache: true\n      - uses: actions/setup-go@v4\n      - uses: actions/setup-go@0aaccfd150d50ccaeb58ebd88d36e91967a5f35b # v5.0.2\n      - uses: actions/setup-go@v6.2.0\n      - uses: actions/setup-go@v6\n',
    });
    const caches = m.jobs[0].caches as SetupGoCache[];
    expect(caches.map(c => c.enabled)).toEqual([
      false,
      false,
      true,
      true,
      true,
      true,
    ]);
    expect(caches.map(c => c.keyHas.arch)).toEqual([
      false,
      false,
      false,
      false,
      true,
      true,
    ]);
    expect(caches.map(c => c.dependencyPatterns[0])).toEqual([
      'go.sum',
      'go.sum',
      'go.sum',
      'go.sum',
      'go.sum',
      'go.mod',
    ]);
    expect(caches[3].resolvedVersion).toBe('5.0.2');
  });

  it('moves Go paths for containers, Windows runners and env GOPATH', () => {
    const m = model({
      '.github/workflows/ci.yml':
        'on: push\nenv:\n  GOPATH: /opt/go\njobs:\n  c:\n    runs-on: ubuntu-latest\n    container:\n      image: golang:1.23\n    env:\n      GOPATH: /go\n    steps: []\n  w:\n    runs-on: windows-latest\n    env:\n      GOPATH: ""\n    steps: []\n  g:\n    runs-on: ubuntu-latest\n    steps: []\n',
    });
    const [c, w, g] = m.jobs.map(j => j.combinations[0].goPaths);
    expect(c).toMatchObject({
      gomodcache: '/go/pkg/mod',
      gocache: '/github/home/.cache/go-build',
    });
    expect(w.gocache).toBe('C:/Users/runneradmin/AppData/Local/go-build');
    expect(g).toMatchObject({
      gomodcache: '/opt/go/pkg/mod',
      gocache: '/home/runner/.cache/go-build',
    });
    expect(g.movedBy[0]).toMatchObject({ name: 'GOPATH', level: 'workflow' });
  });

  it('finds docker builds with their Dockerfile, build args, secrets and push', () => {
    const m = model({
      '.github/workflows/img.yml':
        "on: push\njobs:\n  i:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          docker build \\\n            --build-arg TOKEN=${{ secrets.GH_TOKEN }} \\\n            -f build/Dockerfile .\n      - uses: docker/build-push-action@v6\n        with:\n          context: svc\n          push: ${{ github.event_name != 'pull_request' }}\n          build-args: |\n            A=1\n            B=${{ secrets.B }}\n",
    });
    const [cli, action] = m.jobs[0].dockerBuilds;
    expect(cli).toMatchObject({
      dockerfile: 'build/Dockerfile',
      context: '',
      push: false,
      buildArgs: [{ text: 'TOKEN=${{ secrets.GH_TOKEN }}', line: 7 }],
    });
    expect(action).toMatchObject({
      dockerfile: 'svc/Dockerfile',
      context: 'svc',
      push: 'unknown',
    });
    expect(action.buildArgs).toEqual([
      { text: 'A=1', line: 15 },
      { text: 'B=${{ secrets.B }}', line: 16 },
    ]);
    expect(m.jobs[0].publishes?.reason).toContain('some runs');
  });

  it('keeps env entries and script lines with positions at every level', () => {
    const m = model({
      '.github/workflows/ci.yml':
        'on: push\nenv:\n  GOPRIVATE: github.com/acme/*\njobs:\n  t:\n    runs-on: ubuntu-latest\n    env:\n      GONOSUMDB: x\n    steps:\n      - run: |\n          go env -w GOPRIVATE=a\n          git config --global url."https://x@github.com/".insteadOf "https://github.com/"\n        env:\n          GOFLAGS: -mod=mod\n',
    });
    const job = m.jobs[0];
    expect(job.env.map(e => [e.name, e.level, e.span.startLine])).toEqual([
      ['GOPRIVATE', 'workflow', 3],
      ['GONOSUMDB', 'job', 8],
    ]);
    expect(job.steps[0].env[0]).toMatchObject({
      name: 'GOFLAGS',
      level: 'step',
    });
    expect(job.steps[0].runLines.map(l => l.line)).toEqual([11, 12]);
  });

  it('reports broken, binary and missing inputs as issues without throwing', () => {
    const m = model({
      '.github/workflows/bad.yml': 'on: [push\n',
      '.github/workflows/bin.yml': { kind: 'binary' },
      '.github/workflows/odd.yml': '- just\n- a list\n',
      '.github/workflows/missing-action.yml':
        'on: push\njobs:\n  t:\n    runs-on: x\n    steps:\n      - uses: ./nowhere\n',
      '.github/actions/x/action.yml': 'runs: [',
    });
    expect(m.issues.map(i => i.path)).toEqual([
      '.github/actions/x/action.yml',
      '.github/workflows/bad.yml',
      '.github/workflows/bin.yml',
    ]);
    expect(m.workflows.find(w => w.path.endsWith('odd.yml'))!.jobs).toEqual([]);
  });

  it('survives adversarial workflows quickly', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 10; i++)
      bomb.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(
          97 + i,
        )} [${Array(9)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(',')}]`,
      );
    const huge = `on: push\njobs:\n${Array.from(
      { length: 300 },
      (_, i) =>
        `  j${i}:\n    runs-on: \${{ matrix.os }}\n    strategy:\n      matrix:\n        os: [ubuntu-latest, macos-latest]\n        go: ['1.22', '1.23']\n    steps:\n      - run: ${'go build ./... && '.repeat(
          50,
        )}true\n`,
    ).join('')}`;
    const started = Date.now();
    const m = model({
      '.github/workflows/bomb.yml': `${bomb.join(
        '\n',
      )}\non: push\njobs:\n  t:\n    runs-on: *j\n    steps: *j\n`,
      '.github/workflows/huge.yml': huge,
      '.github/workflows/long.yml': `on: push\njobs:\n  t:\n    runs-on: x\n    steps:\n      - run: "${'echo a=b >> '.repeat(
        5000,
      )}"\n`,
      '.github/workflows/deep.yml': `on: push\njobs:\n  t:\n    runs-on: x\n    steps:\n      - uses: actions/cache@v4\n        with:\n          key: \${{ ${'format('.repeat(
        500,
      )}'a'${')'.repeat(500)} }}\n          path: ~/go/pkg/mod\n`,
    });
    expect(m.jobs.length).toBeGreaterThan(300);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
