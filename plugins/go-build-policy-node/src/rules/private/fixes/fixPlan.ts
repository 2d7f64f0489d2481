/*
 * The edits of one private-module fix, gathered before anything is written: settings to
 * change in place, and variables to add to environments that have none. Additions are
 * placed at the end, once it is known which jobs of a workflow need them (all: the
 * workflow's `env`; some: each job's `env`) and which Dockerfile stages inherit them from
 * a parent stage that gets them anyway.
 */
import { RuleContext } from '../../../engine/RuleContext';
import { setEnv } from '../../../fixes/workflowText';
import { FixProposal } from '../../../fixes/types';
import { DownloadEnvironment, downloadEnvironments } from '../environments';
import { GoSetting } from '../goFetchSettings';
import { code } from '../remediation';
import { addStageEnv, stageAt } from './dockerfileEnv';
import { unionOfGlobs } from './patterns';
import { removeSetting, rewriteSetting } from './settingText';
import { FilePatches } from './textPatch';

/** One key per written place of a setting (jobs of a workflow share its env entries). */
export function settingKey(s: GoSetting): string {
  const l = s.location;
  return `${l.path}:${l.startLine}:${l.endLine}:${s.name}`;
}

function where(s: GoSetting): string {
  return `${code(`${s.location.path}:${s.location.startLine}`)} (${s.source})`;
}

export class FixPlan {
  readonly patches: FilePatches;
  private readonly changes: string[] = [];
  private readonly done = new Set<string>();
  private readonly additions = new Map<
    DownloadEnvironment,
    Map<string, string>
  >();
  private broken = false;

  constructor(private readonly ctx: RuleContext) {
    this.patches = new FilePatches(ctx.snapshot);
  }

  /** Gives up: the fix is not offered (a value the scan cannot read, a shape it cannot edit). */
  abandon() {
    this.broken = true;
  }

  get abandoned(): boolean {
    return this.broken;
  }

  /** Changes a setting's value (and maybe its name) where it is written; once per setting. */
  rewrite(setting: GoSetting, value: string, name: string = setting.name) {
    const key = settingKey(setting);
    if (this.done.has(key)) return;
    this.done.add(key);
    if (value === setting.value && name === setting.name) return;
    if (!rewriteSetting(this.patches, setting, value, name)) {
      this.abandon();
      return;
    }
    const from = `${setting.name}=${code(setting.value)}`;
    this.changes.push(
      name === setting.name
        ? `${where(setting)}: ${from} becomes ${code(value)}`
        : `${where(setting)}: ${from} becomes ${name}=${code(value)}`,
    );
  }

  remove(setting: GoSetting, why: string) {
    const key = settingKey(setting);
    if (this.done.has(key)) return;
    this.done.add(key);
    if (!removeSetting(this.patches, setting)) {
      this.abandon();
      return;
    }
    this.changes.push(
      `${where(setting)}: ${setting.name}=${code(
        setting.value,
      )} removed (${why})`,
    );
  }

  /** Records a line of the description for an edit made directly on the patches. */
  note(change: string) {
    this.changes.push(change);
  }

  /** Asks for `name=value` in an environment that does not set it. */
  add(environment: DownloadEnvironment, name: string, value: string) {
    const entries = this.additions.get(environment) ?? new Map();
    entries.set(name, value);
    this.additions.set(environment, entries);
  }

  private addToWorkflows(jobs: DownloadEnvironment[]) {
    const byPath = new Map<string, DownloadEnvironment[]>();
    for (const job of jobs)
      byPath.set(job.path, [...(byPath.get(job.path) ?? []), job]);
    const allJobs = downloadEnvironments(this.ctx).filter(
      e => e.kind === 'job',
    );
    for (const [path, needing] of byPath) {
      const inWorkflow = allJobs.filter(e => e.path === path);
      const everyJob = inWorkflow.every(e => needing.includes(e));
      const targets = everyJob
        ? [{ scope: { level: 'workflow' as const }, envs: needing }]
        : needing.map(e => ({
            scope: { level: 'job' as const, jobId: e.name },
            envs: [e],
          }));
      for (const { scope, envs } of targets) {
        const entries = new Map<string, string>();
        // Jobs may write different extra globs elsewhere: the shared entry keeps them all.
        for (const e of envs) {
          for (const [k, v] of this.additions.get(e)!) {
            const known = entries.get(k);
            entries.set(k, known ? unionOfGlobs([known, v]).join(',') : v);
          }
        }
        for (const [name, value] of entries) {
          const ok = this.patches.transformText(path, text =>
            setEnv(text, scope, name, value),
          );
          if (!ok) this.abandon();
          this.changes.push(
            `${code(path)}: ${name}=${code(value)} added to the ${
              scope.level === 'workflow'
                ? "workflow's `env`, so that every job gets it"
                : `\`env\` of job ${code(scope.jobId)}`
            }`,
          );
        }
      }
    }
  }

  private addToStages(stages: DownloadEnvironment[]) {
    const given = new Set<string>();
    const ordered = [...stages].sort(
      (a, b) =>
        a.path.localeCompare(b.path) ||
        a.location.startLine - b.location.startLine,
    );
    for (const environment of ordered) {
      const dockerfile = this.ctx.docker.dockerfiles.find(
        d => d.path === environment.path,
      );
      const found =
        dockerfile && stageAt(dockerfile, environment.location.startLine);
      if (!dockerfile || !found) {
        this.abandon();
        continue;
      }
      const key = (index: number) => `${dockerfile.path}#${index}`;
      // A stage built FROM a stage that gets the ENV inherits it.
      if (found.ancestors.some(a => given.has(key(a.index)))) continue;
      const entries = [...this.additions.get(environment)!];
      if (!addStageEnv(this.patches, dockerfile, found.stage, entries)) {
        this.abandon();
        continue;
      }
      given.add(key(found.stage.index));
      for (const [name, value] of entries) {
        this.changes.push(
          `${code(dockerfile.path)}: \`ENV ${name}=${value}\` added to ${
            environment.label.split(' of ')[0]
          }, before its first download`,
        );
      }
    }
  }

  /** The proposal, or undefined when nothing changes or a step could not be done. */
  proposal(
    title: string,
    intro: string,
    outro?: string,
  ): FixProposal | undefined {
    const environments = [...this.additions.keys()];
    this.addToWorkflows(environments.filter(e => e.kind === 'job'));
    this.addToStages(environments.filter(e => e.kind === 'stage'));
    if (this.broken) return undefined;
    const edits = this.patches.edits();
    if (!edits?.length) return undefined;
    return {
      title,
      description: [
        intro,
        '',
        ...this.changes.map(c => `- ${c}`),
        ...(outro ? ['', outro] : []),
      ].join('\n'),
      edits,
    };
  }
}
