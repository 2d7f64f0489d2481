/*
 * Dockerfile stages that run the go command, as environments that download modules.
 * A RUN sees the stage's ENV and ARG declared before it, ENV inherited from the stages it
 * is built FROM (ARG does not carry across stages), `go env -w` written by earlier RUNs
 * (it lands in the image), and `export`/`VAR=x` inside its own command. An `ARG` without a
 * default takes the global ARG's default or a `--build-arg` a workflow passes.
 */
import { FindingLocation } from '@go-build-policy/plugin-go-build-policy-common';
import { at } from '../../engine/Rule';
import { RuleContext } from '../../engine/RuleContext';
import {
  DockerfileModel,
  DockerStage,
  RunInstruction,
  VariableDeclaration,
} from '../../model/docker';
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
import {
  analyseScript,
  isGoFetchVariable,
  OFFLINE_GO_SUBCOMMANDS,
  referencesIn,
  ScriptAssignment,
  ScriptFacts,
} from './scriptFacts';

function downloads(run: RunInstruction): boolean {
  return (
    !run.usesVendor &&
    run.goCommands.some(
      c => !OFFLINE_GO_SUBCOMMANDS.has(c.subcommand.split(' ')[0]),
    )
  );
}

function buildArgsFor(
  ctx: RuleContext,
  dockerfile: DockerfileModel,
): GoSetting[] {
  return ctx.workflows.jobs.flatMap(job =>
    job.dockerBuilds
      .filter(build => build.dockerfile === dockerfile.path)
      .flatMap(build =>
        build.buildArgs.flatMap(arg => {
          const text = arg.text.replace(/^--build-arg[=\s]+/, '').trim();
          const eq = text.indexOf('=');
          const name = eq === -1 ? text : text.slice(0, eq);
          if (!isGoFetchVariable(name)) return [];
          const value = eq === -1 ? `$${name}` : text.slice(eq + 1);
          return [
            {
              name,
              value,
              dynamic: value.includes('$'),
              source: `build arg in ${job.path}`,
              location: at(job.path, arg.line),
            },
          ];
        }),
      ),
  );
}

function variableSetting(
  ctx: RuleContext,
  v: VariableDeclaration,
  dockerfile: DockerfileModel,
  buildArgs: GoSetting[],
): GoSetting | undefined {
  if (!isGoFetchVariable(v.name)) return undefined;
  const location = at(dockerfile.path, v.lines.startLine, v.lines.endLine);
  if (v.kind === 'ARG') {
    const passed = buildArgs.find(b => b.name === v.name);
    if (passed) return passed;
    if (v.value === undefined) {
      const global = dockerfile.globalArgs.find(
        g => g.name === v.name && g.value !== undefined,
      );
      if (!global) {
        // CI builds this Dockerfile without the argument: it is empty there, as if unset.
        const builtInCi = ctx.workflows.jobs.some(j =>
          j.dockerBuilds.some(b => b.dockerfile === dockerfile.path),
        );
        return {
          name: v.name,
          value: builtInCi ? '' : `$${v.name}`,
          dynamic: !builtInCi,
          source: 'Dockerfile ARG without default',
          location,
        };
      }
      return {
        name: v.name,
        value: global.value!,
        dynamic: global.value!.includes('$'),
        source: 'Dockerfile ARG',
        location,
      };
    }
  }
  const value = v.value ?? v.rawValue ?? '';
  return {
    name: v.name,
    value,
    dynamic: value.includes('$'),
    source: `Dockerfile ${v.kind}`,
    location,
  };
}

function settingOf(a: ScriptAssignment, location: FindingLocation): GoSetting {
  return {
    name: a.name,
    value: a.value,
    dynamic: a.dynamic,
    source: a.kind,
    location,
  };
}

function ancestors(
  dockerfile: DockerfileModel,
  stage: DockerStage,
): DockerStage[] {
  const chain: DockerStage[] = [];
  const seen = new Set<number>([stage.index]);
  let parent = stage.parentStage;
  while (parent !== undefined && !seen.has(parent)) {
    seen.add(parent);
    const found = dockerfile.stages[parent];
    if (!found) break;
    chain.unshift(found);
    parent = found.parentStage;
  }
  return chain;
}

/** The origin of a credential written in a RUN: secret mounts, build args, or the file itself. */
function originIn(
  text: string,
  run: RunInstruction,
  argNames: Set<string>,
): CredentialOrigin {
  if (text.includes('/run/secrets/')) return 'secrets';
  const refs = referencesIn(text);
  const secretEnv = new Set(
    run.mounts.filter(m => m.type === 'secret' && m.env).map(m => m.env!),
  );
  if (refs.variables.some(v => secretEnv.has(v))) return 'secrets';
  if (refs.variables.some(v => argNames.has(v))) return 'build-arg';
  return refs.variables.length ? 'unknown' : 'literal';
}

function scriptCredentials(
  facts: ScriptFacts,
  run: RunInstruction,
  path: string,
  argNames: Set<string>,
  beforeCommand: number,
): CredentialEvidence[] {
  return facts.credentials.flatMap(c => {
    const { index, text } = credentialCommand(facts, c);
    if (index >= beforeCommand) return [];
    return [
      {
        kind: evidenceKind(c),
        description: `${evidenceDescription(c)} in RUN`,
        location: at(path, run.lines.startLine, run.lines.endLine),
        origin: originIn(text, run, argNames),
        host: c.host,
      },
    ];
  });
}

function mountCredentials(
  run: RunInstruction,
  path: string,
): CredentialEvidence[] {
  return run.mounts.flatMap(m =>
    m.type === 'secret' || m.type === 'ssh'
      ? [
          {
            kind:
              m.type === 'secret'
                ? ('secret-mount' as const)
                : ('ssh-mount' as const),
            description: `\`--mount=${m.raw}\``,
            location: at(path, run.lines.startLine, run.lines.endLine),
            origin: 'secrets' as const,
          },
        ]
      : [],
  );
}

function stageEnvironment(
  ctx: RuleContext,
  dockerfile: DockerfileModel,
  stage: DockerStage,
): DownloadEnvironment {
  const buildArgs = buildArgsFor(ctx, dockerfile);
  const inheritedEnv: GoSetting[] = [];
  const envFile: GoSetting[] = [];
  const persisted: CredentialEvidence[] = [];
  const argNames = new Set<string>();
  for (const ancestor of ancestors(dockerfile, stage)) {
    for (const v of ancestor.variables) {
      if (v.kind === 'ARG') argNames.add(v.name);
      const s =
        v.kind === 'ENV'
          ? variableSetting(ctx, v, dockerfile, buildArgs)
          : undefined;
      if (s) inheritedEnv.push(s);
    }
    for (const run of ancestor.runs) {
      const facts = analyseScript(run.command);
      const where = at(dockerfile.path, run.lines.startLine, run.lines.endLine);
      for (const a of facts.assignments)
        if (a.kind === 'go env -w') envFile.push(settingOf(a, where));
      persisted.push(
        ...scriptCredentials(facts, run, dockerfile.path, argNames, Infinity),
      );
    }
  }
  const stageVars: GoSetting[] = [];
  const settingsWritten: GoSetting[] = [];
  const points: DownloadPoint[] = [];
  let credentials: CredentialEvidence[] | undefined;
  for (const v of stage.variables) if (v.kind === 'ARG') argNames.add(v.name);
  for (const run of stage.runs) {
    for (const v of stage.variables) {
      if (
        v.lines.startLine > run.lines.startLine ||
        stageVars.some(
          s => s.location.startLine === v.lines.startLine && s.name === v.name,
        )
      )
        continue;
      const s = variableSetting(ctx, v, dockerfile, buildArgs);
      if (s) stageVars.push(s);
    }
    const facts = analyseScript(run.command);
    const where = at(dockerfile.path, run.lines.startLine, run.lines.endLine);
    const located = facts.assignments.map(a => ({
      a,
      setting: settingOf(a, where),
    }));
    settingsWritten.push(...located.map(l => l.setting));
    if (downloads(run)) {
      const first = facts.goRuns.find(
        r =>
          r.tool !== 'go' ||
          !OFFLINE_GO_SUBCOMMANDS.has(r.subcommand.split(' ')[0]),
      );
      const index = first?.commandIndex ?? facts.commands.length;
      const before = located.filter(l => l.a.commandIndex < index);
      const prefix = located.filter(
        l => l.a.commandIndex === index && l.a.kind === 'prefix',
      );
      points.push({
        what: `RUN \`${
          first
            ? facts.commands[index].words
                .map(w => w.text)
                .join(' ')
                .slice(0, 80)
            : run.goCommands[0].subcommand
        }\``,
        location: where,
        settings: resolveSettings(
          [
            inheritedEnv,
            stageVars,
            before.filter(l => l.a.kind === 'export').map(l => l.setting),
            prefix.map(l => l.setting),
          ],
          [
            ...envFile,
            ...before.filter(l => l.a.kind === 'go env -w').map(l => l.setting),
          ],
        ),
        downloadsAll:
          first?.subcommand === 'mod download' &&
          first.args.every(a => a.startsWith('-')),
      });
      credentials ??= [
        ...persisted,
        ...mountCredentials(run, dockerfile.path),
        ...scriptCredentials(facts, run, dockerfile.path, argNames, index),
      ];
    }
    envFile.push(
      ...located.filter(l => l.a.kind === 'go env -w').map(l => l.setting),
    );
    persisted.push(
      ...scriptCredentials(facts, run, dockerfile.path, argNames, Infinity),
    );
  }
  for (const v of stage.variables) {
    const s = variableSetting(ctx, v, dockerfile, buildArgs);
    if (s && s.location.path === dockerfile.path) settingsWritten.push(s);
  }
  const name = stage.name ?? `#${stage.index + 1}`;
  return {
    kind: 'stage',
    label: `stage \`${name}\` of ${dockerfile.path}`,
    path: dockerfile.path,
    location: at(
      dockerfile.path,
      stage.fromLines.startLine,
      stage.fromLines.endLine,
    ),
    name,
    points,
    credentials: credentials ?? [],
    settingsWritten,
    home: stage.runs.find(downloads)?.environment.home,
  };
}

/** Every Dockerfile stage that runs a go command that may download modules. */
export function dockerEnvironments(ctx: RuleContext): DownloadEnvironment[] {
  return ctx.docker.dockerfiles
    .filter(d => !d.error)
    .flatMap(d =>
      d.stages
        .filter(s => s.runs.some(downloads))
        .map(s => stageEnvironment(ctx, d, s)),
    );
}
