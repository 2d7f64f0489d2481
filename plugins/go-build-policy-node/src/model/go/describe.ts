import { FindingLocation } from '@go-build-policy/plugin-go-build-policy-common';
import { GoModFile, GoModule, GoWorkFile } from './types';

/** How findings name a module: `services/api/go.mod (example.com/api)`. */
export function describeModule(module: GoModule): string {
  const name = module.file.module?.value;
  return name ? `${module.goModPath} (${name})` : module.goModPath;
}

/**
 * The first problem that keeps a go.mod or go.work from being evaluated, with its
 * location (line 1 when the problem concerns the whole file), or undefined when it parsed.
 */
export function fileProblem(
  file: GoModFile | GoWorkFile,
): (FindingLocation & { message: string }) | undefined {
  const [first] = file.problems;
  if (!first) return undefined;
  const line = Math.max(1, first.line);
  return {
    path: file.path,
    startLine: line,
    endLine: line,
    message: first.message,
  };
}

/** {@link fileProblem} of a module's go.mod. */
export function moduleProblem(module: GoModule) {
  return fileProblem(module.file);
}
