import { DockerStage, RunInstruction } from '../../model/docker';

/** The stage's FROM line, rewritten from the model (for remediation snippets). */
export function fromLineOf(stage: DockerStage, image = stage.baseText): string {
  const platform = stage.platform ? `--platform=${stage.platform} ` : '';
  const name = stage.name ? ` AS ${stage.name}` : '';
  return `FROM ${platform}${image}${name}`;
}

/** Shell-form RUN text that keeps the original command, flags other than mounts and all. */
function commandText(run: RunInstruction): string {
  if (run.heredocs.length)
    return `<<EOF\n${run.heredocs.map(h => h.body).join('\n')}\nEOF`;
  return run.command.replace(/\s+/g, ' ').trim();
}

/**
 * The RUN rewritten with the cache mounts it needs (for the paths in effect there) and any
 * non-cache mounts it already has.
 */
export function runSnippet(
  run: RunInstruction,
  caches: { module?: string; build?: string } = {},
): string {
  const mounts = run.mounts
    .filter(m => m.type !== 'cache')
    .map(m => `--mount=${m.raw}`);
  const module = caches.module ?? run.environment.gomodcache;
  const build = caches.build ?? run.environment.gocache;
  const cacheMounts = [`--mount=type=cache,target=${module}`];
  const compiles = run.goCommands.some(c => c.subcommand !== 'mod download');
  if (compiles) cacheMounts.push(`--mount=type=cache,target=${build}`);
  const flags = [...cacheMounts, ...mounts];
  return `RUN ${flags.join(' \\\n    ')} \\\n    ${commandText(run)}`;
}
