/**
 * The Go module model: what the repository's go.mod, go.work, go.sum, vendor/modules.txt,
 * version files and update-bot configs say. Built once per scan by `buildGoModel` and
 * read by every rule through `ctx.go`. Line numbers are 1-based; paths are repository
 * paths with posix separators, no leading slash; a directory is '' at the repository root.
 *
 * This file is a contract for the workflow, Dockerfile and private-module code: fields are
 * only ever added, never renamed.
 */

/** A problem in one file, with the line it is on (0 when it concerns the whole file). */
export interface GoFileProblem {
  line: number;
  message: string;
}

/** The first and last line of a directive (equal for a single-line directive). */
export interface LineRange {
  startLine: number;
  endLine: number;
}

/** A module path with an optional version, as in `require`, `exclude` and `replace`. */
export interface ModuleVersion {
  path: string;
  /** Absent for a replace's left side without version, and for local replacement paths. */
  version?: string;
}

/** `require path version`, with `// indirect` noted. */
export interface GoRequire extends ModuleVersion {
  version: string;
  indirect: boolean;
  line: number;
}

/** How a local replacement path (or go.work `use`) is written. */
export type LocalPathKind = 'relative' | 'absolute' | 'windows-absolute';

/**
 * A local directory named by a `replace` or a go.work `use`, resolved against the tree.
 * Resolution is textual (no symlinks), the way Go joins the path to the file's directory.
 */
export interface LocalPathTarget {
  /** The path as written (quotes removed). */
  written: string;
  kind: LocalPathKind;
  /**
   * The repository directory it points to ('' for the root), or undefined when it leaves
   * the repository (`../other-repo` from the root) or is absolute.
   */
  repoDir?: string;
  /** Whether repoDir is inside the repository. False for absolute and escaping paths. */
  insideRepo: boolean;
  /** Whether any file of the tree lies under repoDir (a directory Git does not hold is absent). */
  existsInTree: boolean;
  /** Whether `repoDir/go.mod` is a path of the tree. */
  hasGoMod: boolean;
}

/** `replace old [v] => new [v]`. */
export interface GoReplace {
  old: ModuleVersion;
  /** The replacement: a module path with version, or a local directory (no version). */
  new: ModuleVersion;
  /** Set when `new.path` is a local directory (Go's rule: ./, ../, /, \, or `C:`). */
  local?: LocalPathTarget;
  line: number;
}

/** `retract v` or `retract [low, high]`, with the raw text kept. */
export interface GoRetract {
  text: string;
  line: number;
}

/** `godebug key=value`. */
export interface GoDebugSetting {
  key: string;
  value: string;
  line: number;
}

/** A directive with a single value: `module`, `go`, `toolchain`, `tool`, `ignore`. */
export interface GoValueDirective {
  value: string;
  line: number;
}

/**
 * One parsed go.mod. Directives are collected around syntax errors, so a rule can still
 * read what is there; `problems` lists every error (non-empty means Go would refuse it).
 */
export interface GoModFile {
  path: string;
  /** The module's directory ('' at the root). */
  dir: string;
  /**
   * Set when the file could not be read at all (binary, too large, unavailable, empty):
   * then every list below is empty and `problems` holds the reason too.
   */
  unreadable?: string;
  problems: GoFileProblem[];
  /** `module` directive; missing in a go.mod Go rejects ("no module declaration"). */
  module?: GoValueDirective;
  /** `go` language version line. */
  go?: GoValueDirective;
  /** `toolchain` line (e.g. `go1.23.4`). */
  toolchain?: GoValueDirective;
  godebug: GoDebugSetting[];
  requires: GoRequire[];
  excludes: Array<ModuleVersion & { line: number }>;
  replaces: GoReplace[];
  retracts: GoRetract[];
  tools: GoValueDirective[];
  ignores: GoValueDirective[];
  /** Number of lines of the file (for whole-file locations). */
  lineCount: number;
}

/** One `use` of a go.work file. */
export interface GoWorkUse {
  target: LocalPathTarget;
  line: number;
}

/** One parsed go.work (same conventions as GoModFile). */
export interface GoWorkFile {
  path: string;
  dir: string;
  unreadable?: string;
  problems: GoFileProblem[];
  go?: GoValueDirective;
  toolchain?: GoValueDirective;
  godebug: GoDebugSetting[];
  uses: GoWorkUse[];
  replaces: GoReplace[];
  /** `go.work.sum` beside it, when the tree has one. */
  sumPath?: string;
  lineCount: number;
}

/** A module of the repository: one go.mod outside vendor/ and testdata/ trees. */
export interface GoModule {
  /** Path of the go.mod ('go.mod', 'services/api/go.mod'). */
  goModPath: string;
  /** Directory of the module ('' at the root). */
  dir: string;
  file: GoModFile;
  /** Path of `go.sum` beside go.mod, when the tree has one. */
  goSumPath?: string;
  /** Path of `vendor/modules.txt` beside go.mod, when the tree has one. */
  vendorModulesTxtPath?: string;
  /** The go.work whose `use` lists this module's directory, if any. */
  workspace?: GoWorkFile;
  /** Module paths required (direct and indirect), in file order. */
  requiredPaths: string[];
}

/** A `.go-version` or the `golang` entry of `.tool-versions`. */
export interface GoVersionFile {
  path: string;
  /** The version as written (e.g. '1.23.4'); absent when the file names none. */
  version?: string;
  line: number;
  /** Set when the file could not be read or names no Go version. */
  problem?: string;
}

/** A Go version, as written in go.mod, a toolchain name, an image tag or a version file. */
export interface GoVersion {
  major: number;
  minor: number;
  /** Absent when the version is written to the minor only ('1.23', or a language version). */
  patch?: number;
  /** Pre-release kind and number: `1.21rc1` is { kind: 'rc', number: 1 }. */
  prerelease?: { kind: 'alpha' | 'beta' | 'rc'; number: number };
}

/**
 * A version request as CI or an image tag writes it:
 * - `exact`: `1.23.4`, `go1.23.4`, `1.21rc1` (the version itself);
 * - `minor`: `1.23`, `1.23.x`, `~1.23.0`, `golang:1.23`: the newest patch of that minor
 *   (at least `floor`'s patch for `~1.23.4`);
 * - `floating`: `stable`, `latest`, `1.x`, `1`, `^1.23`, `>=1.21`: moves across minors;
 * - `unknown`: an expression (`${{ … }}`) or text that is no version.
 */
export type GoVersionSpec =
  | { kind: 'exact'; raw: string; version: GoVersion }
  | { kind: 'minor'; raw: string; version: GoVersion }
  | {
      kind: 'floating';
      raw: string;
      /** The lowest version it allows, when it says one (`^1.23` → 1.23). */
      floor?: GoVersion;
    }
  | { kind: 'unknown'; raw: string };

/** One `package-ecosystem: gomod` entry of .github/dependabot.yml. */
export interface DependabotGomodEntry {
  /** Directory patterns as written (`/`, `/services/*`, `/libs/**`), with their lines. */
  directories: Array<{ pattern: string; line: number }>;
  /** Lines of the whole `updates` item. */
  lines: LineRange;
  /** `exclude-paths` globs (repository-relative, `*` and `**`): manifests there are skipped. */
  excludePaths?: Array<{ pattern: string; line: number }>;
}

/** .github/dependabot.yml (or .yaml). */
export interface DependabotConfig {
  path: string;
  /** Set when the file could not be read or parsed (the reason, with line when known). */
  problem?: GoFileProblem;
  gomodEntries: DependabotGomodEntry[];
  /** Ecosystems of every update entry, to tell "no gomod entry" from "empty file". */
  ecosystems: string[];
}

/** One Renovate configuration file (or package.json's `renovate` key). */
export interface RenovateConfig {
  path: string;
  problem?: GoFileProblem;
  /** Whether Renovate's gomod manager runs, as far as this file can tell. */
  gomodEnabled: boolean;
  /** Why gomod is off (`enabledManagers` without gomod, `gomod.enabled: false`, `enabled: false`). */
  disabledBy?: GoValueDirective;
  /** `extends` presets: they may change managers in ways the scan cannot see. */
  extends: string[];
  /** Line of the config's start (1, or the `renovate` key in package.json). */
  line: number;
}

/** Update bots configured in the repository. */
export interface UpdateBotModel {
  dependabot?: DependabotConfig;
  /** Every Renovate config found, in Renovate's lookup order (Renovate uses the first). */
  renovate: RenovateConfig[];
}

/** The Go model of one repository snapshot. */
export interface GoModel {
  /** Every module, root first, then by path. */
  modules: GoModule[];
  /** The module whose go.mod is at the repository root, if any. */
  rootModule?: GoModule;
  /** Every go.work (outside vendor/ and testdata/), root first. */
  workspaces: GoWorkFile[];
  /** `.go-version` and `.tool-versions` (golang entry) at the root, when present. */
  versionFiles: GoVersionFile[];
  updateBots: UpdateBotModel;
  /** Whether a path is a file of the tree. */
  hasFile(path: string): boolean;
  /** Whether any file of the tree lies under this directory ('' is the root). */
  hasDirectory(dir: string): boolean;
  /** The module whose directory is the nearest ancestor of (or equal to) a directory. */
  moduleForDir(dir: string): GoModule | undefined;
}
