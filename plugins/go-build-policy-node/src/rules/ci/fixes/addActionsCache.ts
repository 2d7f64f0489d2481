/**
 * An actions/cache step for a Go job without setup-go (a golang job container, the
 * runner's own Go). Paths are the ones Go uses in that job (the model resolves them per
 * matrix combination); where combinations differ or the environment is not certain, a
 * small step asks `go env` at run time instead. The key holds the OS, the architecture,
 * the Go version and a hash of go.sum, so the ci-key-* rules pass too.
 */
import { RuleContext } from '../../../engine/RuleContext';
import { insertStep } from '../../../fixes/workflowText';
import { parseGoVersionSpec } from '../../../model/go';
import { goCommands, makeInvocations } from '../../../model/workflows/scripts';
import { GoPaths, Job, Step } from '../../../model/workflows';
import { describeJob } from '../ciSupport';
import { goVersionOfJob } from '../goVersionOfJob';
import { FileChanges } from './setupGoText';

export const ACTIONS_CACHE = 'actions/cache@v4';
const PROBE_ID = 'go-env';

/** `/home/runner/go/pkg/mod` as `~/go/pkg/mod`: the form people write and recognise. */
function tilde(path: string, home: string): string {
  return path === home || path.startsWith(`${home}/`)
    ? `~${path.slice(home.length)}`
    : path;
}

/** The cache paths when every combination agrees on them and they are certain. */
function literalPaths(job: Job): string[] | undefined {
  const all = job.combinations.map(c => c.goPaths);
  const first: GoPaths = all[0];
  if (!first || all.some(p => !p.certain)) return undefined;
  if (
    all.some(
      p => p.gomodcache !== first.gomodcache || p.gocache !== first.gocache,
    )
  )
    return undefined;
  return [
    tilde(first.gomodcache, first.home),
    tilde(first.gocache, first.home),
  ];
}

/** `go1.23` when the job's container pins Go (the same in every combination). */
function literalVersion(job: Job): string | undefined {
  const tags = new Set(
    job.combinations.map((_, i) => {
      const version = goVersionOfJob(job, i);
      if (version.source !== 'container' || !version.tag) return '';
      const tag = version.tag.split('-')[0];
      const spec = parseGoVersionSpec(tag);
      return spec.kind === 'exact' || spec.kind === 'minor' ? tag : '';
    }),
  );
  const [tag] = [...tags];
  return tags.size === 1 && tag ? `go${tag}` : undefined;
}

function runsGo(step: Step): boolean {
  if (step.uses?.kind === 'action') {
    const repo = step.uses.repo;
    if (
      repo === 'golangci/golangci-lint-action' ||
      repo === 'goreleaser/goreleaser-action' ||
      repo === 'golang/govulncheck-action'
    )
      return true;
  }
  return step.runLines.some(
    line => goCommands(line).length > 0 || makeInvocations(line).length > 0,
  );
}

/**
 * The step the cache goes after: the last one before Go first runs, and not before
 * actions/checkout (hashFiles needs the go.sum files in the workspace).
 */
function anchorStep(job: Job): Step | undefined {
  const checkout = job.checkout.stepIndex;
  if (checkout === undefined) return undefined;
  const firstGo = job.steps.findIndex(runsGo);
  if (firstGo !== -1 && firstGo <= checkout) return undefined;
  const index = firstGo === -1 ? checkout : firstGo - 1;
  const step = job.steps[index];
  // New steps go in the workflow file itself, beside steps written there.
  return step && !step.viaAction && step.span.path === job.path
    ? step
    : undefined;
}

function hashPattern(ctx: RuleContext): string {
  return ctx.go.modules.some(m => m.goSumPath) ? '**/go.sum' : '**/go.mod';
}

function uniqueId(job: Job): string {
  const ids = new Set(job.steps.flatMap(s => (s.id ? [s.id] : [])));
  let id = PROBE_ID;
  for (let n = 2; ids.has(id); n++) id = `${PROBE_ID}-${n}`;
  return id;
}

/** Adds the cache step (and the `go env` step when needed); returns what was done. */
export function addActionsCache(
  ctx: RuleContext,
  job: Job,
  changes: FileChanges,
): string | undefined {
  const anchor = anchorStep(job);
  if (!anchor) return undefined;
  const paths = literalPaths(job);
  const version = literalVersion(job);
  const id = uniqueId(job);
  const probe: string[] = [];
  if (!version)
    probe.push(`echo "version=$(go env GOVERSION)" >> "$GITHUB_OUTPUT"`);
  if (!paths) {
    probe.push(`echo "gomodcache=$(go env GOMODCACHE)" >> "$GITHUB_OUTPUT"`);
    probe.push(`echo "gocache=$(go env GOCACHE)" >> "$GITHUB_OUTPUT"`);
  }
  const output = (name: string) => `\${{ steps.${id}.outputs.${name} }}`;
  const prefix = `\${{ runner.os }}-\${{ runner.arch }}-${
    version ?? output('version')
  }-`;
  const cacheStep = {
    name: 'Cache Go modules and build cache',
    uses: ACTIONS_CACHE,
    with: {
      // The trailing line break makes it a plain `|` block, as people write paths.
      path: `${(paths ?? [output('gomodcache'), output('gocache')]).join(
        '\n',
      )}\n`,
      key: `${prefix}\${{ hashFiles('${hashPattern(ctx)}') }}`,
      'restore-keys': prefix,
    },
  };
  const line = anchor.span.startLine;
  // Same anchor: applied in order, so the probe (added last) lands right after the anchor.
  changes.add(job.path, line, text =>
    insertStep(text, line, 'after', cacheStep),
  );
  if (probe.length) {
    changes.add(job.path, line, text =>
      insertStep(text, line, 'after', {
        name: "Find Go's version and cache directories",
        id,
        shell: 'bash',
        run: `${probe.join('\n')}\n`,
      }),
    );
  }
  const where = paths ? paths.map(p => `\`${p}\``).join(' and ') : undefined;
  return `${describeJob(job)} gets an \`${ACTIONS_CACHE}\` step${
    where ? ` for ${where}` : ''
  }${
    probe.length
      ? `, after a step that asks \`go env\` for ${
          paths ? "Go's version" : "Go's version and cache directories"
        } on the runner`
      : ''
  }, keyed on the OS, architecture, ${
    version ? `the container's Go (${version})` : 'Go version'
  } and \`hashFiles('${hashPattern(ctx)}')\`.`;
}
