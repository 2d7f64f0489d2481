/*
 * Every place the repository's CI or images set a fetch variable, whether or not Go runs
 * there: workflow/job/step env, run scripts (go env -w, export, VAR=x cmd, $GITHUB_ENV),
 * Dockerfile ENV/ARG and RUN commands, and the root Makefile. Also `go … -insecure`.
 */
import { FindingLocation } from '@go-build-policy/plugin-go-build-policy-common';
import { at } from '../../engine/Rule';
import { RuleContext } from '../../engine/RuleContext';
import { EnvEntry } from '../../model/workflows';
import { GoSetting } from './goFetchSettings';
import { makefileSettings } from './makefileSettings';
import { analyseScript, isGoFetchVariable } from './scriptFacts';

export interface WrittenSettings {
  settings: GoSetting[];
  /** `go get -insecure` and the like. */
  insecureFlags: Array<{ command: string; location: FindingLocation }>;
  /** Inputs that could not be read (they cannot run, so they bypass nothing, but say so). */
  unreadable: string[];
  /** How many workflows, Dockerfiles and Makefiles were read, for the pass message. */
  counts: { workflows: number; dockerfiles: number; makefile: boolean };
}

function fromEnv(entry: EnvEntry): GoSetting[] {
  if (!isGoFetchVariable(entry.name)) return [];
  return [
    {
      name: entry.name,
      value: entry.value,
      dynamic: entry.value.includes('$'),
      source: `${entry.level} env`,
      location: at(entry.span.path, entry.span.startLine, entry.span.endLine),
    },
  ];
}

function fromScript(
  text: string,
  locate: (line: number) => FindingLocation,
  out: WrittenSettings,
) {
  const facts = analyseScript(text);
  for (const a of facts.assignments) {
    out.settings.push({
      name: a.name,
      value: a.value,
      dynamic: a.dynamic,
      source: a.kind,
      location: locate(a.line),
    });
  }
  for (const run of facts.goRuns) {
    if (
      run.tool === 'go' &&
      run.args.some(a => /^--?insecure(?:=(?:true|1|t))?$/i.test(a))
    ) {
      const words = facts.commands[run.commandIndex].words
        .map(w => w.text)
        .join(' ');
      out.insecureFlags.push({
        command: words.slice(0, 80),
        location: locate(run.line),
      });
    }
  }
}

function key(s: GoSetting): string {
  return `${s.name}=${s.value}@${s.location.path}:${s.location.startLine}`;
}

export function writtenSettings(ctx: RuleContext): WrittenSettings {
  const out: WrittenSettings = {
    settings: [],
    insecureFlags: [],
    unreadable: [],
    counts: { workflows: 0, dockerfiles: 0, makefile: false },
  };
  const model = ctx.workflows;
  for (const issue of model.issues)
    out.unreadable.push(`${issue.path}: ${issue.message}`);
  out.counts.workflows = model.workflows.filter(w => !w.issue).length;
  for (const workflow of model.workflows)
    out.settings.push(...workflow.env.flatMap(fromEnv));
  for (const job of model.jobs) {
    out.settings.push(...job.env.flatMap(fromEnv));
    for (const step of job.steps) {
      out.settings.push(...step.env.flatMap(fromEnv));
      if (step.run === undefined) continue;
      const lines = step.runLines;
      const text = lines.length ? lines.map(l => l.text).join('\n') : step.run;
      fromScript(
        text,
        i => at(step.span.path, lines[i]?.line ?? step.span.startLine),
        out,
      );
    }
  }
  for (const dockerfile of ctx.docker.dockerfiles) {
    if (dockerfile.error) {
      out.unreadable.push(`${dockerfile.path}: ${dockerfile.error}`);
      continue;
    }
    out.counts.dockerfiles++;
    for (const v of [
      ...dockerfile.globalArgs,
      ...dockerfile.stages.flatMap(s => s.variables),
    ]) {
      const value = v.value ?? v.rawValue;
      if (!isGoFetchVariable(v.name) || value === undefined) continue;
      out.settings.push({
        name: v.name,
        value,
        dynamic: value.includes('$'),
        source: `Dockerfile ${v.kind}`,
        location: at(dockerfile.path, v.lines.startLine, v.lines.endLine),
      });
    }
    for (const run of dockerfile.stages.flatMap(s => s.runs)) {
      fromScript(
        run.command,
        () => at(dockerfile.path, run.lines.startLine, run.lines.endLine),
        out,
      );
    }
  }
  const makefile = makefileSettings(ctx);
  if (makefile) {
    out.counts.makefile = true;
    out.settings.push(...makefile.exported, ...makefile.inRecipes);
  }
  // Jobs of reusable workflows appear once per caller: keep each written setting once.
  const seen = new Set<string>();
  out.settings = out.settings.filter(
    s => !seen.has(key(s)) && !!seen.add(key(s)),
  );
  return out;
}
