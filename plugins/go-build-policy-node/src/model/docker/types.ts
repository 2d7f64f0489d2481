/**
 * The Dockerfile model: every Dockerfile and .dockerignore of the repository, parsed once
 * per scan. Rules (docker-*, toolchain-docker-version, private-*, ci-no-modcache-wipe,
 * mod-tidy-verified) read these types; they are kept stable.
 *
 * Lines are 1-based and inclusive, as in findings.
 */

/** Lines `startLine`..`endLine` of the file the object belongs to. */
export interface LineRange {
  startLine: number;
  endLine: number;
}

/** A parsed `golang:1.23-alpine@sha256:…`-style image reference. */
export interface ImageReference {
  /** The reference after ARG substitution, as BuildKit would pull it. */
  text: string;
  /** Repository without registry defaults, lowercased: `golang`, `ghcr.io/acme/go`. */
  repository: string;
  /** Tag after `:`, if any (`1.23.4-bookworm`, `alpine`, `latest`). */
  tag?: string;
  /** Digest after `@`, if any (`sha256:…`). */
  digest?: string;
  /** The official Go image (`golang`, `library/golang`, `docker.io/library/golang`). */
  isGolang: boolean;
  /** `scratch`: the empty image. */
  isScratch: boolean;
  /** A `${VAR}` could not be resolved (no default): the reference is partly unknown. */
  unresolved: boolean;
}

/** A variable from `ARG` or `ENV`, where it was declared. */
export interface VariableDeclaration {
  kind: 'ARG' | 'ENV';
  name: string;
  /** The value with `$VAR`/`${VAR}` substituted where known; undefined for `ARG X` without default. */
  value?: string;
  /** The value as written (quotes removed). */
  rawValue?: string;
  lines: LineRange;
}

/** A `--mount=` flag of a RUN instruction. */
export interface RunMount {
  /** `bind` when the flag gives no type, as BuildKit defaults. */
  type: 'cache' | 'secret' | 'ssh' | 'bind' | 'tmpfs' | string;
  /** Mount point (`target`, `dst` or `destination`); for secrets defaults to `/run/secrets/<id>`. */
  target?: string;
  /** `id` for cache, secret and ssh mounts. */
  id?: string;
  /** `source`/`src` for bind and cache mounts. */
  source?: string;
  /** `from` for bind and cache mounts: a stage or image. */
  from?: string;
  /** `env` for secret mounts (BuildKit 1.10+ syntax): the secret lands in this variable. */
  env?: string;
  /** The flag's value as written, e.g. `type=cache,target=/go/pkg/mod`. */
  raw: string;
}

/** A here-document of RUN/COPY (`RUN <<EOF … EOF`). */
export interface Heredoc {
  /** Delimiter name (`EOF`). */
  name: string;
  body: string;
  /** Lines of the body (without the delimiter lines). */
  lines: LineRange;
}

/** A `go …` invocation found in a RUN command. */
export interface GoInvocation {
  /** `build`, `install`, `test`, `mod download`, `mod tidy`, `mod verify`, `clean`, `env`, `vet`, `generate`, `run`, … */
  subcommand: string;
  /** Arguments after the subcommand, up to the end of the simple command. */
  args: string[];
  /** Line of the invocation in the Dockerfile. */
  line: number;
  /**
   * Set when the go command runs indirectly: `make` in a stage on a golang image, or
   * `goreleaser build|release` (recorded as subcommand `build`).
   */
  via?: 'make' | 'goreleaser';
}

/** Go's view of paths at one point of a stage. */
export interface GoEnvironment {
  /** Effective GOPATH (first element when a list). */
  gopath: string;
  /** Effective module cache: GOMODCACHE, else `$GOPATH/pkg/mod`. */
  gomodcache: string;
  /** Effective build cache: GOCACHE, else `$XDG_CACHE_HOME/go-build`, else `$HOME/.cache/go-build`. */
  gocache: string;
  /** HOME as the runtime would set it: ENV HOME, else `/root` for root, `/home/<user>` otherwise. */
  home: string;
  /** USER in effect (`root` when none). */
  user: string;
  /**
   * False when a path depends on something the model cannot see (a non-root USER whose
   * home comes from /etc/passwd, an unresolved variable); rules should then not fail on paths.
   */
  certain: boolean;
  /**
   * Per cache: false when that path depends on what the model cannot see. An explicit
   * `ENV GOPATH=/x` fixes the module cache even when a non-root USER leaves HOME unknown.
   */
  gomodcacheCertain: boolean;
  gocacheCertain: boolean;
  /** GOFLAGS in effect (ENV/ARG), if any. */
  goflags?: string;
}

/** Fields common to every instruction. */
interface InstructionBase {
  /** Upper-cased keyword (`RUN`, `COPY`, …), also for lowercase source. */
  keyword: string;
  /** Lines the instruction spans, continuations and heredoc bodies included. */
  lines: LineRange;
  /** Arguments text with continuations joined and comment lines removed. */
  text: string;
  /** Index of the stage the instruction belongs to. */
  stageIndex: number;
}

export interface CopyInstruction extends InstructionBase {
  keyword: 'COPY' | 'ADD';
  /** Sources after ARG substitution (not including the destination). */
  sources: string[];
  destination: string;
  /** `--from=` value, if any. */
  from?: string;
  /** Index of the stage `--from` names, when it names a stage of this file. */
  fromStage?: number;
  chown?: string;
  /** Copies from the build context (no --from) a source that is the whole context (`.`, `./`, `*`, `/`). */
  copiesWholeContext: boolean;
  /** Which Go dependency files the sources cover (exact names or globs such as `go.*`), by file name. */
  dependencyFiles: Array<'go.mod' | 'go.sum' | 'go.work' | 'go.work.sum'>;
  /** Every source is a Go dependency file (or a glob only matching them): an early, cache-friendly layer. */
  onlyDependencyFiles: boolean;
  /** Heredoc sources (`COPY <<EOF /file`). */
  heredocs: Heredoc[];
}

export interface RunInstruction extends InstructionBase {
  keyword: 'RUN';
  /** The shell command: continuations joined, heredoc bodies appended on new lines. */
  command: string;
  heredocs: Heredoc[];
  mounts: RunMount[];
  /** Other flags (`--network=none`, `--security=…`), by name. */
  flags: Record<string, string>;
  /** `go` invocations in the command and in heredoc bodies. */
  goCommands: GoInvocation[];
  /** `go env -w NAME=value` settings in this RUN. */
  goEnvWrites: Array<{ name: string; value: string; line: number }>;
  /** Go paths in effect when this RUN executes (ENV, USER, WORKDIR before it). */
  environment: GoEnvironment;
  /** Builds with vendored modules: `-mod=vendor` in the command or in GOFLAGS. */
  usesVendor: boolean;
}

export interface OtherInstruction extends InstructionBase {
  keyword: string;
}

export type DockerInstruction =
  | CopyInstruction
  | RunInstruction
  | OtherInstruction;

/** A stage: one FROM and the instructions up to the next FROM. */
export interface DockerStage {
  index: number;
  /** Name from `AS name`, lowercased as BuildKit compares them. */
  name?: string;
  /** Lines of the FROM instruction. */
  fromLines: LineRange;
  /** Image reference as written (`golang:${GO_VERSION}`). */
  baseText: string;
  /** The base image after resolving global ARG defaults; undefined when it names a stage. */
  image?: ImageReference;
  /** Index of the stage this one is built FROM, when the base names an earlier stage. */
  parentStage?: number;
  /** `--platform=` value as written (`$BUILDPLATFORM`). */
  platform?: string;
  /** Every instruction after FROM, in order. */
  instructions: DockerInstruction[];
  copies: CopyInstruction[];
  runs: RunInstruction[];
  /** ENV and ARG declared in this stage (not the inherited ones), in order. */
  variables: VariableDeclaration[];
  /** WORKDIR values in order (resolved when possible). */
  workdirs: Array<{ path: string; lines: LineRange }>;
  users: Array<{ user: string; lines: LineRange }>;
  /** Go paths at the end of the stage (what a child stage starts from). */
  environment: GoEnvironment;
  /** The base chain ends in an official golang image (directly or through parent stages). */
  golangBased: boolean;
  /** A RUN of this stage runs `go build|install|test|mod download`. */
  buildsGo: boolean;
  /** Every Go build/test of the stage uses vendored modules (`-mod=vendor`). */
  vendored: boolean;
}

export interface DockerfileModel {
  path: string;
  /** Directory of the Dockerfile (`''` for the repository root). */
  directory: string;
  /** Why the file could not be parsed (binary, too large, unreadable); stages are empty then. */
  error?: string;
  /** Parser directives at the top (`syntax`, `escape`, `check`), names lowercased. */
  directives: Array<{ name: string; value: string; line: number }>;
  /** ARGs before the first FROM (usable in FROM lines). */
  globalArgs: VariableDeclaration[];
  stages: DockerStage[];
  /** Some stage builds Go. */
  buildsGo: boolean;
  /**
   * No stage builds Go but the image copies a binary from the context (goreleaser-style
   * images: `FROM scratch` + `COPY app /`).
   */
  prebuiltBinaryOnly: boolean;
  /** Number of lines in the file. */
  lineCount: number;
}

/** One line of a .dockerignore. */
export interface DockerignorePattern {
  /** Pattern after cleaning (leading `/` and `./` removed), without the `!`. */
  pattern: string;
  negated: boolean;
  line: number;
}

export interface DockerignoreFile {
  path: string;
  /** Directory the file is in (`''` for the root). */
  directory: string;
  /** For `<name>.dockerignore` beside a Dockerfile: the Dockerfile it belongs to. */
  forDockerfile?: string;
  patterns: DockerignorePattern[];
  /** Why the file could not be read. */
  error?: string;
}

export interface DockerModel {
  /** Every Dockerfile of the tree (see isDockerfileName), in path order. */
  dockerfiles: DockerfileModel[];
  /** Every .dockerignore (and `<Dockerfile>.dockerignore`) of the tree. */
  dockerignores: DockerignoreFile[];
}
