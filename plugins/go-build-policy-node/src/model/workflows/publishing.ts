import { DockerBuildUse, Job, ScriptLine, SourceSpan, Step } from './types';

/** Joins shell continuations (`\` at line end) so one command reads as one line. */
export function logicalScriptLines(lines: ScriptLine[]): ScriptLine[] {
  const result: ScriptLine[] = [];
  let pending: ScriptLine | undefined;
  for (const line of lines) {
    const text = pending ? `${pending.text} ${line.text.trim()}` : line.text;
    const current = { text, line: pending?.line ?? line.line };
    if (/\\\s*$/.test(line.text) && !line.text.trim().startsWith('#')) {
      pending = { text: text.replace(/\\\s*$/, ''), line: current.line };
    } else {
      pending = undefined;
      result.push(current);
    }
  }
  if (pending) result.push(pending);
  return result;
}

function join(dir: string | undefined, path: string): string {
  const clean = path.replace(/^\.\/?/, '').replace(/\/+$/, '');
  if (!dir || dir === '.' || path.startsWith('/')) return clean;
  const base = dir.replace(/^\.\/?/, '').replace(/\/+$/, '');
  if (!base) return clean;
  return clean ? `${base}/${clean}` : base;
}

/**
 * Words of one simple command: whitespace splits, except inside quotes and `${{ }}`;
 * stops at `;`, `&`, `|` outside them. Quotes are removed.
 */
export function shellWords(text: string): string[] {
  const words: string[] = [];
  let word = '';
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = undefined;
      else word += c;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (text.startsWith('${{', i)) {
      const end = text.indexOf('}}', i);
      const stop = end === -1 ? text.length : end + 2;
      word += text.slice(i, stop);
      i = stop - 1;
    } else if (/\s/.test(c)) {
      if (word) words.push(word);
      word = '';
    } else if (c === ';' || c === '&' || c === '|') {
      break;
    } else {
      word += c;
    }
  }
  if (word) words.push(word);
  return words;
}

const OPTIONS_WITH_VALUE = new Set([
  '-t',
  '--tag',
  '--target',
  '--platform',
  '--cache-from',
  '--cache-to',
  '--label',
  '--output',
  '-o',
  '--progress',
  '--builder',
  '--network',
  '--ssh',
  '--iidfile',
  '--metadata-file',
]);

/** `docker build` / `docker buildx build` / `podman build` in a script line. */
function dockerBuildInLine(
  step: Step,
  line: ScriptLine,
): DockerBuildUse | undefined {
  const m =
    /(?:^|[\s;&|])(?:docker\s+(?:buildx\s+)?build|podman\s+build|buildah\s+bud)\s+(.*)/.exec(
      line.text,
    );
  if (!m) return undefined;
  const args = shellWords(m[1]);
  let file: string | undefined;
  let context: string | undefined;
  let push: boolean = false;
  const buildArgs: DockerBuildUse['buildArgs'] = [];
  const secrets: DockerBuildUse['secrets'] = [];
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i].split(/=(.*)/s);
    const value = () => inline ?? args[++i] ?? '';
    if (flag === '-f' || flag === '--file') file = value();
    else if (flag === '--build-arg')
      buildArgs.push({ text: value(), line: line.line });
    else if (flag === '--secret')
      secrets.push({ text: value(), line: line.line });
    else if (flag === '--push') push = true;
    else if (OPTIONS_WITH_VALUE.has(flag) && inline === undefined) i++;
    else if (!flag.startsWith('-')) context = args[i];
  }
  const dir = step.workingDirectory;
  const contextPath =
    context === undefined || context.includes('://')
      ? undefined
      : join(dir, context);
  let dockerfile: string | undefined;
  if (file) dockerfile = file === '-' ? undefined : join(dir, file);
  else
    dockerfile =
      contextPath === undefined ? undefined : join(contextPath, 'Dockerfile');
  const span: SourceSpan = {
    path: step.span.path,
    startLine: line.line,
    endLine: line.line,
  };
  return {
    dockerfile,
    context: contextPath,
    push,
    buildArgs,
    secrets,
    step,
    span,
  };
}

function inputLines(
  step: Step,
  name: string,
): Array<{ text: string; line: number }> {
  const input = step.with.find(i => i.name === name);
  if (!input) return [];
  const lines = input.value.split('\n').map(t => t.trim());
  // Block scalars start on the line after the key.
  const first =
    lines.length > 1 ? input.span.startLine + 1 : input.span.startLine;
  return lines.flatMap((text, i) => (text ? [{ text, line: first + i }] : []));
}

function buildPushAction(step: Step): DockerBuildUse {
  const get = (name: string) => step.with.find(i => i.name === name)?.value;
  const context = get('context');
  const contextPath =
    context === undefined || context.includes('://') || context.includes('${{')
      ? ''
      : join(undefined, context);
  const file = get('file');
  const pushText = get('push');
  const known: Record<string, boolean> = { true: true, false: false };
  const push: boolean | 'unknown' =
    pushText === undefined ? false : known[pushText.trim()] ?? 'unknown';
  return {
    dockerfile: file ? join(undefined, file) : join(contextPath, 'Dockerfile'),
    context: contextPath,
    push,
    buildArgs: inputLines(step, 'build-args'),
    secrets: inputLines(step, 'secrets'),
    step,
    span: step.span,
  };
}

/** Docker builds a job runs, and the Dockerfile each one builds when it can be told. */
export function dockerBuildsOf(job: Job): DockerBuildUse[] {
  const builds: DockerBuildUse[] = [];
  for (const step of job.steps) {
    if (
      step.uses?.kind === 'action' &&
      step.uses.repo === 'docker/build-push-action'
    ) {
      builds.push(buildPushAction(step));
    }
    for (const line of logicalScriptLines(step.runLines)) {
      const build = dockerBuildInLine(step, line);
      if (build) builds.push(build);
    }
  }
  return builds;
}

/** Why a job publishes, if it does (POLICY.md's ci-release-no-cache). */
export function publishingOf(job: Job): Job['publishes'] {
  for (const step of job.steps) {
    if (
      step.uses?.kind === 'action' &&
      step.uses.repo === 'goreleaser/goreleaser-action'
    ) {
      const args = step.with.find(i => i.name === 'args')?.value ?? '';
      if (!/--snapshot|\bbuild\b|\bcheck\b/.test(args))
        return { reason: 'runs goreleaser to release', span: step.span };
    }
    for (const line of logicalScriptLines(step.runLines)) {
      const span = {
        path: step.span.path,
        startLine: line.line,
        endLine: line.line,
      };
      if (/(?:^|[\s;&|])goreleaser\s+release\b(?!.*--snapshot)/.test(line.text))
        return { reason: 'runs `goreleaser release`', span };
      if (/(?:^|[\s;&|])(?:docker|podman)\s+push\b/.test(line.text))
        return { reason: 'runs `docker push`', span };
      if (/(?:^|[\s;&|])gh\s+release\s+(?:create|upload)\b/.test(line.text))
        return { reason: 'uploads a GitHub release', span };
    }
  }
  for (const build of job.dockerBuilds) {
    if (build.push === true)
      return { reason: 'pushes an image (`push: true`)', span: build.span };
    if (build.push === 'unknown')
      return {
        reason: 'pushes an image on some runs (`push:` is an expression)',
        span: build.span,
      };
  }
  return releaseUploadOf(job);
}

/** Actions that attach files to a GitHub release. */
const RELEASE_UPLOAD_ACTIONS = new Set([
  'softprops/action-gh-release',
  'ncipollo/release-action',
  'svenstaro/upload-release-action',
  'actions/upload-release-asset',
  'shogo82148/actions-upload-release-asset',
]);

/**
 * Release uploads and `ko` image pushes. A release or tag-push trigger alone does not make
 * a job publish: a test or lint job of the same run ships nothing.
 */
function releaseUploadOf(job: Job): Job['publishes'] {
  for (const step of job.steps) {
    const uses = step.uses;
    if (uses?.kind === 'action' && RELEASE_UPLOAD_ACTIONS.has(uses.repo)) {
      return {
        reason: `uploads release assets with \`${uses.raw}\``,
        span: step.span,
      };
    }
    for (const line of logicalScriptLines(step.runLines)) {
      if (
        /(?:^|[\s;&|])ko\s+(?:build|publish|resolve|apply)\b(?!.*(?:--local|-L\b|--push=false))/.test(
          line.text,
        )
      ) {
        return {
          reason: 'pushes images with `ko`',
          span: {
            path: step.span.path,
            startLine: line.line,
            endLine: line.line,
          },
        };
      }
    }
  }
  return undefined;
}

function usesArtifacts(job: Job, action: string): Step | undefined {
  return job.steps.find(
    s => s.uses?.kind === 'action' && s.uses.repo === action,
  );
}

/**
 * Jobs that build what another job publishes: in one workflow run, a publishing job that
 * downloads artifacts ships what the jobs uploading them built (a build matrix feeding
 * a release job). Marks those uploading jobs as publishing too.
 */
export function markArtifactBuilders(jobs: Job[]): void {
  const runs = new Map<string, Job[]>();
  for (const job of jobs) {
    const run = `${job.workflowPath}\u0000${job.calledFrom?.jobId ?? ''}`;
    runs.set(run, [...(runs.get(run) ?? []), job]);
  }
  for (const run of runs.values()) {
    const publisher = run.find(
      j => j.publishes && usesArtifacts(j, 'actions/download-artifact'),
    );
    if (!publisher) continue;
    for (const job of run) {
      const upload = usesArtifacts(job, 'actions/upload-artifact');
      if (job.publishes || !upload) continue;
      job.publishes = {
        reason: `uploads artifacts that job \`${publisher.id}\` publishes (${
          publisher.publishes!.reason
        })`,
        span: upload.span,
      };
    }
  }
}
