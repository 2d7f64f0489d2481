/*
 * Go jobs as environments that download modules. Settings follow the job's steps in order:
 * workflow, job and step `env:`, `$GITHUB_ENV` writes of earlier steps, `export` and
 * `VAR=x cmd` inside a script, and `go env -w` (which a non-empty environment value
 * overrides, as in Go). Credentials are the setups that run before the first download.
 */
import { FindingLocation } from '@go-build-policy/plugin-go-build-policy-common';
import { at } from '../../engine/Rule';
import { RuleContext } from '../../engine/RuleContext';
import { EnvEntry, Job, Step } from '../../model/workflows';
import {
  CredentialEvidence,
  CredentialOrigin,
  DownloadEnvironment,
  DownloadPoint,
} from './environments';
import { GoSetting, resolveSettings } from './goFetchSettings';
import {
  credentialCommand,
  evidenceDescription,
  evidenceKind,
} from './scriptCredentials';
import { makefileSettings } from './makefileSettings';
import {
  analyseScript,
  isGoFetchVariable,
  referencesIn,
  ScriptAssignment,
  ScriptFacts,
} from './scriptFacts';

const GO_ACTIONS = [
  'golangci/golangci-lint-action',
  'goreleaser/goreleaser-action',
  'golang/govulncheck-action',
];

function envSettings(entries: EnvEntry[]): GoSetting[] {
  return entries.flatMap(entry =>
    isGoFetchVariable(entry.name)
      ? [
          {
            name: entry.name,
            value: entry.value,
            dynamic: entry.value.includes('$'),
            source: `${
              entry.level === 'action' ? 'composite action' : entry.level
            } env`,
            location: at(
              entry.span.path,
              entry.span.startLine,
              entry.span.endLine,
            ),
          },
        ]
      : [],
  );
}

function scriptOf(
  step: Step,
): { facts: ScriptFacts; lineOf: (i: number) => FindingLocation } | undefined {
  if (step.run === undefined) return undefined;
  const lines = step.runLines;
  const text = lines.length ? lines.map(l => l.text).join('\n') : step.run;
  const fallback = step.span.startLine;
  return {
    facts: analyseScript(text),
    lineOf: i => at(step.span.path, lines[i]?.line ?? fallback),
  };
}

function assignmentSetting(
  a: ScriptAssignment,
  location: FindingLocation,
): GoSetting {
  return {
    name: a.name,
    value: a.value,
    dynamic: a.dynamic,
    source: a.kind,
    location,
  };
}

/** Where a credential's secret comes from, following env entries and token-minting steps. */
function originOf(
  text: string,
  env: EnvEntry[],
  steps: Step[],
): CredentialOrigin {
  const refs = referencesIn(text);
  const secrets = [...refs.secrets];
  let traced = refs.secrets.length > 0;
  for (const name of refs.variables) {
    const entry = [...env].reverse().find(e => e.name === name);
    if (!entry) continue;
    const inner = referencesIn(entry.value);
    secrets.push(...inner.secrets);
    refs.stepOutputs.push(...inner.stepOutputs);
    traced ||= inner.secrets.length > 0 || inner.stepOutputs.length > 0;
  }
  for (const id of refs.stepOutputs) {
    const minting = steps.find(s => s.id === id);
    const inputs = minting?.with.map(w => w.value).join(' ') ?? '';
    secrets.push(...referencesIn(inputs).secrets);
    traced = true;
  }
  if (secrets.some(s => s !== 'GITHUB_TOKEN')) return 'secrets';
  if (secrets.length) return 'github-token';
  if (!traced && refs.variables.length === 0 && refs.stepOutputs.length === 0)
    return 'literal';
  return 'unknown';
}

const CREDENTIAL_ACTIONS: Array<{
  test: RegExp;
  kind: CredentialEvidence['kind'];
}> = [
  { test: /ssh-agent|ssh-key/, kind: 'ssh-key' },
  { test: /netrc/, kind: 'netrc' },
  { test: /git-credential|git-auth|setup-git/, kind: 'credential-action' },
];

function actionCredential(
  step: Step,
  env: EnvEntry[],
  steps: Step[],
): CredentialEvidence | undefined {
  if (step.uses?.kind !== 'action') return undefined;
  const repo = step.uses.repo;
  const match = CREDENTIAL_ACTIONS.find(a => a.test.test(repo));
  if (!match) return undefined;
  const inputs = step.with.map(w => w.value).join(' ');
  return {
    kind: match.kind,
    description: `\`${step.uses.raw}\``,
    location: at(step.span.path, step.span.startLine, step.span.endLine),
    origin: originOf(inputs, env, steps),
    host: match.kind === 'ssh-key' ? undefined : 'github.com',
  };
}

function makeRunsGo(ctx: RuleContext, target: string): boolean {
  const makefile = ctx.workflows.makefile;
  if (!makefile || makefile.issue) return true;
  const recipe = makefile.recipeClosure(target || undefined);
  return recipe.some(line =>
    analyseScript(line.text.replace(/^[@+-]+/, '')).goRuns.some(
      r => r.tool !== 'make',
    ),
  );
}

function jobLabel(job: Job): string {
  return `job \`${job.id}\` in ${job.path}`;
}

function jobEnvironment(ctx: RuleContext, job: Job): DownloadEnvironment {
  const workflowEnv = envSettings(job.env.filter(e => e.level === 'workflow'));
  const jobEnv = envSettings(job.env.filter(e => e.level === 'job'));
  const makeVars = makefileSettings(ctx)?.exported ?? [];
  const githubEnv: GoSetting[] = [];
  const envFile: GoSetting[] = [];
  const points: DownloadPoint[] = [];
  // Credentials count when they run before the first download: order events by step and command.
  const credentials: Array<CredentialEvidence & { order: number }> = [];
  let firstDownload = Infinity;
  const settingsWritten: GoSetting[] = [...workflowEnv, ...jobEnv];
  for (const [stepIndex, step] of job.steps.entries()) {
    const order = (commandIndex: number) =>
      stepIndex * 1_000_000 + commandIndex;
    const stepEnv = envSettings(step.env);
    settingsWritten.push(...stepEnv);
    const base = [workflowEnv, jobEnv, githubEnv, stepEnv];
    const allEnv = [...job.env, ...step.env];
    const script = scriptOf(step);
    if (script) {
      const { facts, lineOf } = script;
      const located = facts.assignments.map(a => ({
        a,
        setting: assignmentSetting(a, lineOf(a.line)),
      }));
      settingsWritten.push(...located.map(l => l.setting));
      for (const run of facts.goRuns) {
        if (run.tool === 'make' && !makeRunsGo(ctx, run.subcommand)) continue;
        const before = located.filter(l => l.a.commandIndex < run.commandIndex);
        const exports = before
          .filter(l => l.a.kind === 'export')
          .map(l => l.setting);
        const prefix = located.filter(
          l => l.a.commandIndex === run.commandIndex && l.a.kind === 'prefix',
        );
        const make = run.tool === 'make' ? makeVars : [];
        const settings = resolveSettings(
          [
            make.filter(v => v.weak),
            ...base,
            exports,
            make.filter(v => !v.weak),
            prefix.map(l => l.setting),
          ],
          [
            ...envFile,
            ...before.filter(l => l.a.kind === 'go env -w').map(l => l.setting),
          ],
        );
        const words = facts.commands[run.commandIndex].words
          .map(w => w.text)
          .join(' ');
        firstDownload = Math.min(firstDownload, order(run.commandIndex));
        points.push({
          what: `\`${words.length > 80 ? `${words.slice(0, 77)}...` : words}\``,
          location: lineOf(run.line),
          settings,
          downloadsAll:
            run.tool === 'go' &&
            run.subcommand === 'mod download' &&
            run.args.every(a => a.startsWith('-')),
        });
      }
      for (const c of facts.credentials) {
        const { index, text } = credentialCommand(facts, c);
        const written =
          c.kind === 'gh-setup-git' ? '$GH_TOKEN $GITHUB_TOKEN' : text;
        credentials.push({
          kind: evidenceKind(c),
          description: evidenceDescription(c),
          location: lineOf(c.line),
          origin: originOf(written, allEnv, job.steps),
          host: c.host,
          order: order(index),
        });
      }
      for (const l of located) {
        if (l.a.kind === '$GITHUB_ENV') githubEnv.push(l.setting);
        if (l.a.kind === 'go env -w') envFile.push(l.setting);
      }
    } else if (step.uses?.kind === 'action') {
      const repo = step.uses.repo;
      if (GO_ACTIONS.includes(repo)) {
        firstDownload = Math.min(firstDownload, order(0));
        points.push({
          what: `\`${repo}\``,
          location: at(step.span.path, step.span.startLine, step.span.endLine),
          settings: resolveSettings(base, envFile),
          downloadsAll: false,
        });
      }
      const credential = actionCredential(step, allEnv, job.steps);
      if (credential) credentials.push({ ...credential, order: order(0) });
    }
  }
  if (!points.length && job.goEvidence) {
    // The job runs Go in a way the script reader does not see (a local action, make without
    // a readable Makefile...): judge it by the settings in effect at the end of the job.
    const span = job.goEvidence.span;
    points.push({
      what: job.goEvidence.reason,
      location: at(span.path, span.startLine, span.endLine),
      settings: resolveSettings([workflowEnv, jobEnv, githubEnv], envFile),
      downloadsAll: false,
    });
  }
  return {
    kind: 'job',
    label: jobLabel(job),
    path: job.path,
    location: at(job.span.path, job.span.startLine, job.span.endLine),
    name: job.id,
    points,
    credentials: credentials
      .filter(c => c.order < firstDownload)
      .map(({ order: _order, ...c }) => c),
    settingsWritten,
  };
}

/** Go jobs that download modules (every Go job but CodeQL's), each as an environment. */
export function workflowEnvironments(ctx: RuleContext): DownloadEnvironment[] {
  return ctx.workflows.goJobs
    .filter(job => !job.isCodeQl)
    .map(job => jobEnvironment(ctx, job));
}
