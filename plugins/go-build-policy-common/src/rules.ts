import { RuleCategory, RuleMetadata, Severity } from './types';

function rule(
  id: string,
  category: RuleCategory,
  defaultSeverity: Severity,
  title: string,
  text: Omit<RuleMetadata, 'id' | 'category' | 'defaultSeverity' | 'title'>,
): RuleMetadata {
  return { id, category, defaultSeverity, title, ...text };
}

/** Every rule of the policy, in the order of POLICY.md. Ids are stable: they are stored. */
export const RULES: readonly RuleMetadata[] = [
  rule('ci-module-cache', 'ci', 'warning', 'CI restores the module cache', {
    rationale:
      'Without GOMODCACHE restored, every push and pull-request run downloads every module again: slow, and exposed to proxy outages.',
    passWhen:
      'Every Go job triggered by pushes or pull requests restores GOMODCACHE, through actions/setup-go (v4+ by default, v3 with cache: true) or an actions/cache path covering the module cache.',
    failWhen:
      'A push or pull-request Go job restores no module cache, or uses setup-go caching whose dependency file does not exist.',
    notApplicableWhen:
      'There is no Go job, or the module is vendored and built with -mod=vendor.',
    remediation:
      'Use actions/setup-go@v5 (or later) with its default cache, pointing cache-dependency-path at every go.sum the job uses.',
  }),
  rule('ci-build-cache', 'ci', 'warning', 'CI restores the build cache', {
    rationale:
      'GOCACHE holds compiled packages and test results; restoring it turns a full rebuild into an incremental one.',
    passWhen:
      'Every push or pull-request Go job restores GOCACHE at the path the toolchain uses on that runner (setup-go caches it with the module cache).',
    failWhen:
      'A push or pull-request Go job restores no build cache, or caches a path the toolchain does not use there (another OS, a job container).',
    notApplicableWhen: 'There is no Go job.',
    remediation:
      'Let actions/setup-go cache both caches, or add the output of `go env GOCACHE` to the actions/cache path.',
  }),
  rule(
    'ci-key-dependency-hash',
    'ci',
    'error',
    'Module-cache keys hash the dependency files',
    {
      rationale:
        'Cache entries are immutable: a key that does not change with go.sum keeps serving the first dependency set forever.',
      passWhen:
        "Each module-cache key includes hashFiles(...) over every go.sum (or go.mod) the job uses, or is setup-go's built-in key over an existing dependency file.",
      failWhen:
        'A key has no dependency hash, or setup-go caching points at a dependency file that does not exist.',
      notApplicableWhen: 'No module cache is restored.',
      remediation:
        "Key the cache on `${{ hashFiles('**/go.sum') }}`, or set setup-go's cache-dependency-path to every go.sum.",
    },
  ),
  rule(
    'ci-key-not-per-run',
    'ci',
    'error',
    'Module-cache keys are stable across runs',
    {
      rationale:
        'A key containing the commit SHA or run id never hits: every run downloads everything and stores another copy.',
      passWhen:
        'The primary module-cache key has no per-run part (a coarse period passes with a note; a per-run build-cache key with a useful restore-keys prefix passes with a note).',
      failWhen:
        'The module-cache key contains github.sha, github.run_id, github.run_number, github.run_attempt or a timestamp.',
      notApplicableWhen: 'No module cache is restored.',
      remediation:
        'Drop the per-run part from the key; key on the OS, architecture, Go version and go.sum hash.',
    },
  ),
  rule(
    'ci-key-os-arch',
    'ci',
    'warning',
    'Cache keys separate OS and architecture',
    {
      rationale:
        'Build caches from one OS or CPU are useless, or harmful, on another; jobs sharing one key overwrite each other.',
      passWhen:
        "The key reflects runner.os and runner.arch (or the matrix values that choose runs-on), or is setup-go's built-in key.",
      failWhen:
        'Jobs on different operating systems or architectures share one key.',
      notApplicableWhen: 'No cache is restored.',
      remediation: 'Start the key with `${{ runner.os }}-${{ runner.arch }}-`.',
    },
  ),
  rule(
    'ci-key-go-version',
    'ci',
    'warning',
    'Cache keys follow the Go version',
    {
      rationale:
        'Build caches are specific to the Go version; a key that ignores it restores stale artifacts after an upgrade.',
      passWhen:
        "The key contains the Go version (setup-go's built-in key, matrix.go*, setup-go's output, a shared env var, a hash of the version file, or a literal equal to the pinned version).",
      failWhen:
        'The key does not change with the Go version, above all where a matrix varies it, or holds a literal that no longer matches.',
      notApplicableWhen: 'No cache is restored.',
      remediation:
        'Add the Go version to the key: `${{ steps.setup-go.outputs.go-version }}` or `${{ matrix.go }}`.',
    },
  ),
  rule('ci-no-double-cache', 'ci', 'info', 'Each cache path is restored once', {
    rationale:
      'setup-go caching plus an actions/cache step over the same paths wastes time and causes tar extraction conflicts.',
    passWhen: 'Each cache path is restored once per job.',
    failWhen:
      'setup-go caching and an actions/cache step restore the same paths in one job.',
    notApplicableWhen: 'No cache is restored.',
    remediation:
      'Keep one: set `cache: false` on setup-go, or remove the actions/cache step.',
  }),
  rule(
    'ci-clean-validation',
    'ci',
    'warning',
    'Some CI build runs with no cache',
    {
      rationale:
        'A warm cache can hide missing go.sum entries and private-module access that only works with cached modules; a clean build proves reproducibility.',
      passWhen:
        'At least one Go job that builds or tests restores no Go cache (best on a schedule, release or manual dispatch).',
      failWhen: 'Every Go job that builds or tests restores a Go cache.',
      notApplicableWhen: 'There is no Go job.',
      remediation:
        'Add a scheduled workflow that builds and tests with `cache: false` on setup-go.',
    },
  ),
  rule(
    'ci-release-no-cache',
    'ci',
    'warning',
    'Releases build without Go caches',
    {
      rationale:
        'A release job that restores caches written by other runs can ship stale or poisoned artifacts.',
      passWhen:
        'Jobs that publish (release triggers, tag pushes, goreleaser, docker push) restore no Go cache.',
      failWhen: 'A publishing job restores a Go cache that other runs write.',
      notApplicableWhen: 'Nothing is published from CI.',
      remediation:
        'Set `cache: false` on setup-go (and drop actions/cache) in publishing jobs.',
    },
  ),
  rule(
    'ci-no-modcache-wipe',
    'ci',
    'warning',
    'Nothing wipes the module cache routinely',
    {
      rationale:
        '`go clean -modcache` in routine builds throws away the cache every run and forces full downloads.',
      passWhen: 'Nothing deletes the module cache routinely.',
      failWhen:
        '`go clean -modcache` or `rm -rf` of the module cache runs in a push or pull-request workflow, a Dockerfile RUN, or a Makefile target CI calls.',
      notApplicableWhen: 'Never: passes when absent.',
      remediation:
        'Remove the wipe; rely on cache keys, or run clean builds on a schedule.',
    },
  ),
  rule(
    'mod-go-sum',
    'mod',
    'error',
    'Every module with requirements has go.sum',
    {
      rationale:
        'Without go.sum, builds cannot verify downloads and fail in module mode or pick unverified content.',
      passWhen:
        "Every go.mod that requires modules has a go.sum beside it, or the workspace's go.work.sum covers it.",
      failWhen: 'A go.mod with require lines has no go.sum.',
      notApplicableWhen:
        'No module has requirements, or modules are vendored with vendor/modules.txt.',
      remediation: 'Run `go mod tidy` in the module and commit go.sum.',
    },
  ),
  rule(
    'mod-no-external-replace',
    'mod',
    'error',
    'Local replaces stay inside the repository',
    {
      rationale:
        'A replace to ../other-repo or an absolute path only builds on a machine with that layout.',
      passWhen:
        'Every local-path replace points to a directory in the repository that holds a go.mod.',
      failWhen:
        'A local replace points outside the repository or to a directory without go.mod in the tree.',
      notApplicableWhen: 'There is no local replace.',
      remediation:
        'Replace with a published version, or move the module into this repository (a go.work is better for local development).',
    },
  ),
  rule(
    'mod-tidy-verified',
    'mod',
    'info',
    'CI checks go.mod and go.sum are tidy',
    {
      rationale:
        'A CI check that go.mod/go.sum are complete catches dependencies that only a warm cache made work.',
      passWhen:
        'CI runs `go mod verify`, `go mod tidy -diff`, or `go mod tidy` followed by `git diff --exit-code`.',
      failWhen: 'No such step.',
      notApplicableWhen: 'There is no Go job.',
      remediation:
        'Add a step: `go mod tidy -diff` (Go 1.23+) or `go mod tidy && git diff --exit-code go.mod go.sum`.',
    },
  ),
  rule('mod-update-bot', 'mod', 'info', 'A bot keeps modules up to date', {
    rationale:
      'Dependabot or Renovate keep dependencies and go.sum moving in small reviewed steps.',
    passWhen:
      'Dependabot has a gomod entry covering the module directories, or Renovate runs its gomod manager.',
    failWhen: 'Neither covers the modules.',
    notApplicableWhen: 'There is no go.mod.',
    remediation:
      'Add a `gomod` entry to .github/dependabot.yml for each module directory.',
  }),
  rule(
    'toolchain-ci-version',
    'toolchain',
    'warning',
    "CI's Go version comes from the module",
    {
      rationale:
        'An older CI Go than go.mod needs downloads a toolchain every run (or fails with GOTOOLCHAIN=local); a floating version churns cache keys.',
      passWhen:
        'CI reads go-version-file: go.mod (or an agreeing .go-version/.tool-versions), or pins at least the minor, not older than go.mod.',
      failWhen:
        'CI asks for an older Go than go.mod, or a floating stable/latest/1.x.',
      notApplicableWhen: 'There is no Go job.',
      remediation: 'Use `go-version-file: go.mod` on actions/setup-go.',
    },
  ),
  rule(
    'toolchain-docker-version',
    'toolchain',
    'warning',
    'golang images are pinned and current',
    {
      rationale:
        'A floating golang tag changes the toolchain (and busts every layer) without a commit; an old one cannot build the module.',
      passWhen:
        "Every golang build image is pinned to at least a minor (or a digest) not older than go.mod's go line, after resolving ARG defaults.",
      failWhen:
        'golang:latest, an untagged or floating golang image, or a version older than go.mod.',
      notApplicableWhen: 'No Dockerfile builds Go.',
      remediation:
        'Pin `FROM golang:<go.mod version>` through an ARG: `ARG GO_VERSION=1.23` then `FROM golang:${GO_VERSION}`.',
    },
  ),
  rule(
    'private-goprivate',
    'private',
    'error',
    'GOPRIVATE covers private modules',
    {
      rationale:
        'Private module paths not in GOPRIVATE go to the public proxy and checksum database: the build fails, and the names leak.',
      passWhen:
        'Every environment that downloads modules sets GOPRIVATE (or GONOPROXY and GONOSUMDB) to patterns matching every private requirement.',
      failWhen: 'A private requirement is not matched in some environment.',
      notApplicableWhen: 'go.mod requires no private module.',
      remediation:
        'Set GOPRIVATE at the workflow level and as ENV/ARG in every Dockerfile stage that downloads.',
    },
  ),
  rule(
    'private-ci-auth',
    'private',
    'error',
    'CI authenticates private module downloads',
    {
      rationale:
        'Private modules need credentials; without explicit setup the build only works where a developer already has access.',
      passWhen:
        'Go jobs that need private modules configure git insteadOf or .netrc from secrets, or use an authenticated GOPROXY.',
      failWhen: 'No credential setup is visible.',
      notApplicableWhen: 'There is no private requirement.',
      remediation:
        'Add `git config --global url."https://x-access-token:${{ secrets.GO_MODULES_TOKEN }}@github.com/".insteadOf "https://github.com/"` before the build.',
    },
  ),
  rule(
    'private-consistent',
    'private',
    'warning',
    'Private-module settings agree everywhere',
    {
      rationale:
        'When CI and image builds disagree on GOPRIVATE, one of them leaks or fails.',
      passWhen:
        'The GOPRIVATE family means the same in every workflow and Dockerfile that downloads modules.',
      failWhen:
        'CI and image builds disagree (set in one, different or missing in the other).',
      notApplicableWhen: 'There is no private requirement and none is set.',
      remediation: 'Use the same GOPRIVATE value in workflows and Dockerfiles.',
    },
  ),
  rule(
    'private-no-checksum-bypass',
    'private',
    'error',
    'Checksum verification stays on',
    {
      rationale:
        'Turning off the checksum database for everything lets a compromised proxy or mirror serve altered modules.',
      passWhen: 'Checksum verification stays on for public modules.',
      failWhen:
        'GOSUMDB=off, GONOSUMDB/GOPRIVATE/GOINSECURE matching everything, GOFLAGS=-insecure, or GOINSECURE set.',
      notApplicableWhen: 'Never: passes when absent.',
      remediation:
        'Remove the bypass; list only your private prefixes in GOPRIVATE.',
    },
  ),
  rule(
    'docker-mod-download-layer',
    'docker',
    'error',
    'Dependencies download in their own layer',
    {
      rationale:
        'Copying go.mod/go.sum and running `go mod download` before the source keeps the download layer cached across source edits.',
      passWhen:
        'go.mod and go.sum are copied (or bind-mounted) before the rest of the source, with `go mod download` in between.',
      failWhen:
        'The whole context is copied before dependencies download, or nothing downloads them before the build.',
      notApplicableWhen:
        'No stage builds Go; vendored builds; builds that bind-mount the context with cache mounts for both caches.',
      remediation:
        'COPY go.mod go.sum ./ then RUN go mod download, then COPY the rest.',
    },
  ),
  rule(
    'docker-cache-mounts',
    'docker',
    'warning',
    'Go RUN steps use cache mounts',
    {
      rationale:
        'BuildKit cache mounts keep GOMODCACHE and GOCACHE across builds even when layers are invalidated.',
      passWhen:
        'Every downloading RUN mounts the module cache, and every building RUN mounts both caches, at the paths the image uses.',
      failWhen:
        'No cache mounts, or mounts at paths the toolchain does not use.',
      notApplicableWhen: 'No stage builds Go.',
      remediation:
        'RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build go build ...',
    },
  ),
  rule(
    'docker-no-secret-args',
    'docker',
    'error',
    'Credentials reach builds as secret mounts',
    {
      rationale:
        'Build args and ENV stay in the image history; secrets and ssh mounts do not.',
      passWhen:
        'Private-module credentials reach the build through RUN --mount=type=secret or --mount=type=ssh.',
      failWhen:
        'A token-like ARG or ENV is used for git or .netrc, or a workflow passes secrets.* as a build arg.',
      notApplicableWhen: 'No credentials are used in the build.',
      remediation:
        'RUN --mount=type=secret,id=netrc,target=/root/.netrc go mod download, and pass `secrets:` to docker/build-push-action.',
    },
  ),
  rule(
    'docker-context-ignore',
    'docker',
    'info',
    '.dockerignore keeps .git out of the context',
    {
      rationale:
        'Without .dockerignore, any change under .git invalidates `COPY . .` layers.',
      passWhen: 'A .dockerignore beside the build context excludes .git.',
      failWhen:
        'A Go-building Dockerfile copies the full context with no .dockerignore, or one that does not exclude .git.',
      notApplicableWhen: 'There is no full-context copy.',
      remediation: 'Add a .dockerignore with `.git` and build outputs.',
    },
  ),
];

const RULES_BY_ID = new Map(RULES.map(r => [r.id, r]));

/** The rule's metadata, or undefined for an id that is not part of the policy. */
export function getRuleMetadata(id: string): RuleMetadata | undefined {
  return RULES_BY_ID.get(id);
}
