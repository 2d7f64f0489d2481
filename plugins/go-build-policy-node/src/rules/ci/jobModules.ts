/** Which modules' dependency files a job builds with, from where its go commands run. */
import { RuleContext } from '../../engine/RuleContext';
import { Job } from '../../model/workflows';
import { goCommands } from '../../model/workflows/scripts';

function cleanDir(dir: string): string {
  return dir
    .replace(/^\$\{\{\s*github\.workspace\s*\}\}\/?/, '')
    .replace(/^\.\/?/, '')
    .replace(/\/+$/, '');
}

/**
 * go.sum files of the modules a job's go commands run in (a step's working-directory, or
 * `cd dir` earlier on the same line). Directories the scan cannot tell are skipped.
 */
export function goSumsOfJob(ctx: RuleContext, job: Job): string[] {
  const sums = new Set<string>();
  for (const step of job.steps) {
    for (const line of step.runLines) {
      if (!goCommands(line).length) continue;
      const cd = /(?:^|[;&|]\s*)cd\s+([\w./-]+)/.exec(line.text)?.[1];
      const dir = cleanDir(cd ?? step.workingDirectory ?? '');
      if (dir.includes('$') || dir.startsWith('/')) continue;
      const module = ctx.go.moduleForDir(dir);
      if (module?.goSumPath) sums.add(module.goSumPath);
    }
  }
  return [...sums];
}
