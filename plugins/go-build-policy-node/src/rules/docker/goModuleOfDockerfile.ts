import { RuleContext } from '../../engine/RuleContext';
import {
  DockerfileModel,
  DockerStage,
  RunInstruction,
} from '../../model/docker';
import { compareGoVersions, GoModule, parseGoVersion } from '../../model/go';

/**
 * The module a Dockerfile most likely builds: the nearest module at or above its folder,
 * else the root module, else the only module of the repository.
 */
export function moduleOfDockerfile(
  ctx: RuleContext,
  file: DockerfileModel,
): GoModule | undefined {
  const go = ctx.go;
  return (
    go.moduleForDir(file.directory) ??
    go.rootModule ??
    (go.modules.length === 1 ? go.modules[0] : undefined)
  );
}

const VENDOR_DEFAULT_SINCE = { major: 1, minor: 14 };

/**
 * Whether the go command uses vendored modules for these RUNs: `-mod=vendor` given, or a
 * vendor/modules.txt in a module whose `go` line is 1.14 or later (Go's default then), with
 * no `-mod=mod`/`-mod=readonly` overriding it.
 */
export function buildsVendored(
  ctx: RuleContext,
  file: DockerfileModel,
  stage: DockerStage,
  runs: RunInstruction[],
): boolean {
  if (stage.vendored) return true;
  const module = moduleOfDockerfile(ctx, file);
  if (!module?.vendorModulesTxtPath) return false;
  const goLine = module.file.go?.value;
  const version = goLine ? parseGoVersion(goLine) : undefined;
  if (!version || compareGoVersions(version, VENDOR_DEFAULT_SINCE) < 0)
    return false;
  const overrides = (text: string) => /-mod[= ](?:mod|readonly)\b/.test(text);
  return !runs.some(
    run =>
      overrides(run.environment.goflags ?? '') ||
      run.goCommands.some(c => overrides(c.args.join(' '))),
  );
}
