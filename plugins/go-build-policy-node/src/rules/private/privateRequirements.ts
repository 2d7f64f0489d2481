/*
 * The private modules the repository downloads: requirements of any go.mod that match the
 * organisation's private patterns, less those Go never fetches (replaced by a local
 * directory, or a module of the same workspace). A requirement replaced by another module
 * path is fetched under that path.
 */
import { FindingLocation } from '@go-build-policy/plugin-go-build-policy-common';
import { at } from '../../engine/Rule';
import {
  compileModulePatterns,
  GoModule,
  GoReplace,
  matchesModulePatterns,
} from '../../model/go';
import { RuleContext } from '../../engine/RuleContext';

export interface PrivateRequirement {
  /** The module path Go downloads (the replacement's path when a replace points at a module). */
  path: string;
  /** The path as required, when a replace changed it. */
  requiredAs?: string;
  goModPath: string;
  location: FindingLocation;
  /** The requiring module is vendored: plain builds read vendor/, not the network. */
  vendored: boolean;
}

export interface PrivateRequirementScan {
  requirements: PrivateRequirement[];
  /** go.mod files that could not be read or parsed, with why. */
  unreadable: Array<{ path: string; reason: string }>;
  /** The configured private patterns. */
  patterns: string[];
}

function replacementFor(
  module: GoModule,
  path: string,
  version: string,
): GoReplace | undefined {
  const replaces = [
    ...(module.workspace?.replaces ?? []),
    ...module.file.replaces,
  ];
  // Go applies a versioned replace before an unversioned one for the same path.
  return (
    replaces.find(r => r.old.path === path && r.old.version === version) ??
    replaces.find(r => r.old.path === path && r.old.version === undefined)
  );
}

function workspaceModulePaths(ctx: RuleContext, module: GoModule): Set<string> {
  const paths = new Set<string>();
  for (const use of module.workspace?.uses ?? []) {
    const dir = use.target.repoDir;
    if (dir === undefined) continue;
    const used = ctx.go.modules.find(m => m.dir === dir);
    if (used?.file.module) paths.add(used.file.module.value);
  }
  return paths;
}

/** Whether the module builds from vendor/ by default (Go 1.14+ with vendor/modules.txt). */
function isVendored(module: GoModule): boolean {
  if (!module.vendorModulesTxtPath) return false;
  const m = /^1\.(\d+)/.exec(module.file.go?.value ?? '');
  return m !== null && Number(m[1]) >= 14;
}

/** The private requirements of every go.mod; computed once per scan and shared by the rules. */
export function findPrivateRequirements(
  ctx: RuleContext,
): PrivateRequirementScan {
  return ctx.shared(scanPrivateRequirements);
}

function scanPrivateRequirements(ctx: RuleContext): PrivateRequirementScan {
  const patterns = ctx.settings.privateModules.filter(p => p.trim() !== '');
  const requirements: PrivateRequirement[] = [];
  const unreadable: PrivateRequirementScan['unreadable'] = [];
  let isPrivate: ((modulePath: string) => boolean) | undefined;
  for (const module of ctx.go.modules) {
    const file = module.file;
    if (file.unreadable) {
      unreadable.push({ path: module.goModPath, reason: file.unreadable });
      continue;
    }
    if (file.problems.length && !file.requires.length) {
      const first = file.problems[0];
      unreadable.push({
        path: module.goModPath,
        reason: `line ${first.line}: ${first.message}`,
      });
      continue;
    }
    if (!patterns.length) continue;
    isPrivate ??= compileModulePatterns(patterns);
    const inWorkspace = workspaceModulePaths(ctx, module);
    for (const req of file.requires) {
      if (inWorkspace.has(req.path)) continue;
      const replace = replacementFor(module, req.path, req.version);
      if (replace?.local) continue;
      const path = replace ? replace.new.path : req.path;
      if (!isPrivate(path)) continue;
      requirements.push({
        path,
        requiredAs: replace ? req.path : undefined,
        goModPath: module.goModPath,
        location: at(module.goModPath, replace?.line ?? req.line),
        vendored: isVendored(module),
      });
    }
  }
  return { requirements, unreadable, patterns };
}

/** The configured patterns that match at least one requirement (what remediations suggest). */
export function patternsInUse(scan: PrivateRequirementScan): string[] {
  const used = scan.patterns.filter(p =>
    scan.requirements.some(r => matchesModulePatterns(p, r.path)),
  );
  return used.length ? used : scan.patterns;
}

/** Distinct module paths, in first-seen order. */
export function distinctPaths(requirements: PrivateRequirement[]): string[] {
  return [...new Set(requirements.map(r => r.path))];
}
