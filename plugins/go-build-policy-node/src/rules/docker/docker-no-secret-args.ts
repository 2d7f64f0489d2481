import { outcome, PolicyRule, RuleOutcome } from '../../engine/Rule';
import { RuleContext } from '../../engine/RuleContext';
import { brokenNotes, brokenOutcome, dockerInputs } from './dockerRuleSupport';
import {
  CredentialLeak,
  dockerfileCredentials,
  SafeCredential,
  writesCredentialFile,
} from './dockerfileCredentials';
import {
  WorkflowSecretUse,
  workflowBuildSecrets,
} from './workflowBuildSecrets';
import { proposeSecretMounts } from './fixes/docker-no-secret-args.fix';

function secretId(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9_-]/g, '_');
}

function dockerfileRemediation(leak: CredentialLeak): string {
  const path = leak.location.path;
  const usedBy = leak.usedBy;
  if (!usedBy || writesCredentialFile(usedBy)) {
    // A git config or .netrc written by a RUN stays in that layer: mount the file instead.
    const dropRun = usedBy
      ? ` and the RUN at line ${usedBy.lines.startLine} (what it writes stays in its layer)`
      : '';
    return [
      `Drop \`${leak.name}\` from ARG/ENV in \`${path}\`${dropRun}, and mount a \`.netrc\` as a build secret only while modules download:`,
      '',
      '```dockerfile',
      '# syntax=docker/dockerfile:1',
      'RUN --mount=type=secret,id=netrc,target=/root/.netrc \\',
      '    --mount=type=cache,target=/go/pkg/mod \\',
      '    go mod download',
      '```',
      '',
      'Build with `docker build --secret id=netrc,src=$HOME/.netrc …`, or in a workflow with docker/build-push-action `secrets: netrc=machine github.com login x-access-token password ${{ secrets.GO_MODULES_TOKEN }}`.',
    ].join('\n');
  }
  const id = secretId(leak.name);
  return [
    `Drop \`${leak.name}\` from ARG/ENV in \`${path}\` and mount it as a secret only in the RUN at line ${usedBy.lines.startLine}, which needs it (it is then in no layer and no history entry):`,
    '',
    '```dockerfile',
    '# syntax=docker/dockerfile:1',
    `RUN --mount=type=secret,id=${id},env=${leak.name} \\`,
    `    ${usedBy.command.replace(/\s+/g, ' ').trim()}`,
    '```',
  ].join('\n');
}

/** `NAME=${{ secrets.X }}` from a build-args line or a `docker build --build-arg …` script line. */
function buildArgAssignment(text: string): { name: string; value: string } {
  const flag =
    /--build-arg[= ]\s*["']?([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|'[^']*'|\$\{\{[^}]*\}\}|\S*)/.exec(
      text,
    );
  if (flag)
    return { name: flag[1], value: flag[2].replace(/^["']|["']$/g, '') };
  const eq = text.indexOf('=');
  return eq > 0
    ? { name: text.slice(0, eq).trim(), value: text.slice(eq + 1).trim() }
    : { name: 'TOKEN', value: text.trim() };
}

function workflowRemediation(leak: WorkflowSecretUse): string {
  const { name, value } = buildArgAssignment(leak.text);
  return [
    `In \`${leak.location.path}\` (line ${leak.location.startLine}), pass \`${name}\` as a build secret instead of a build argument:`,
    '',
    '```yaml',
    '- uses: docker/build-push-action@v6',
    '  with:',
    '    secrets: |',
    `      ${name}=${value}`,
    '```',
    '',
    `With the docker CLI: \`docker build --secret id=${name},env=${name} …\`. In the Dockerfile, read it only where needed: \`RUN --mount=type=secret,id=${name},env=${name} go mod download\`.`,
  ].join('\n');
}

function evaluate(ctx: RuleContext): RuleOutcome {
  const inputs = dockerInputs(ctx);
  const dockerLeaks: CredentialLeak[] = [];
  const safe: Array<SafeCredential | WorkflowSecretUse> = [];
  for (const file of inputs.files) {
    const found = dockerfileCredentials(file);
    dockerLeaks.push(...found.leaks);
    safe.push(...found.safe);
  }
  const workflows = workflowBuildSecrets(ctx);
  safe.push(...workflows.safe);
  const notes = [
    ...brokenNotes(inputs),
    ...(workflows.problem ? [workflows.problem] : []),
  ];
  const leaks = [...dockerLeaks, ...workflows.leaks];
  if (leaks.length) {
    return outcome.fail(
      `Credentials reach the image build as build arguments or ENV, where the image history keeps them:\n${leaks
        .map(l => `- ${l.summary}`)
        .join('\n')}`,
      {
        locations: leaks.map(l => l.location),
        remediation: [
          ...dockerLeaks.map(dockerfileRemediation),
          ...workflows.leaks.map(workflowRemediation),
        ].join('\n\n'),
        notes: notes.length ? notes : undefined,
      },
    );
  }
  if (safe.length) {
    return outcome.pass(
      `Credentials reach the build through secret or ssh mounts only:\n${safe
        .map(s => `- ${s.summary}`)
        .join('\n')}`,
      {
        locations: safe.map(s => s.location),
        notes: notes.length ? notes : undefined,
      },
    );
  }
  if (inputs.files.length === 0 && inputs.broken.length)
    return brokenOutcome(inputs);
  return outcome.notApplicable(
    'No credentials are used in the image builds: no token-like ARG or ENV, no secret or ssh mount, and no workflow passes secrets to a docker build.',
    { notes: notes.length ? notes : undefined },
  );
}

export const dockerNoSecretArgsRule: PolicyRule = {
  id: 'docker-no-secret-args',
  evaluate,
  fix: proposeSecretMounts,
};
