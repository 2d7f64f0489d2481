/**
 * The patch shared by the ci-key-* fixes: rewrite the `key:` (and `restore-keys:`) of
 * the blamed actions/cache steps to a key built from what the job really has. One shape
 * satisfies all four key rules at once, so fixing one never breaks another:
 *
 *   ${{ runner.os }}-${{ runner.arch }}-<label>[-<go version>]-${{ hashFiles('**\/go.sum') }}
 *
 * - the platform (runner.os, runner.arch) keeps OS and architecture entries apart;
 * - the Go version comes from the matrix when the matrix chooses it, else from
 *   setup-go's `go-version` output (an `id:` is added to setup-go when it has none), else
 *   from a pinned version; it is left out for module-only caches, whose contents do not
 *   depend on it, unless the key already named one;
 * - the hash covers every go.sum (go.mod when the repository has no go.sum);
 * - `<label>` keeps the words of the old key (`lint`, `go-build`...) so caches the author
 *   told apart stay apart; per-run parts, versions and OS names are not words.
 *
 * Keys the scan cannot follow (script output, unknown expressions) are not rewritten:
 * the fix would discard something it does not understand.
 */
import { RuleOutcome } from '../../../engine/Rule';
import { RuleContext } from '../../../engine/RuleContext';
import { FileEdit } from '../../../fixes/types';
import { setStepField, setStepInput } from '../../../fixes/workflowText';
import { ActionsCache, Job, Step } from '../../../model/workflows';
import { isAction } from '../../../model/workflows/uses';
import { KeyedCache } from '../cacheKeys';
import { goVersionOfJob } from '../goVersionOfJob';

const VERSION_WORD = /\d+\.\d+|^v?\d+$/;
const PLATFORM_WORDS =
  /^(?:linux|windows|macos|darwin|ubuntu|osx|win|x64|x86|amd64|arm64|aarch64|latest)$/i;

/** The words of a written key, without expressions, command output, versions or platforms. */
export function keyLabel(rawKey: string): string {
  const words = rawKey
    .replace(/\$\{\{[\s\S]*?\}\}/g, '-')
    .replace(/\$\([^)]*\)|\$\{?\w+\}?/g, '-')
    .split(/[^A-Za-z0-9_.]+/)
    .filter(w => w && !VERSION_WORD.test(w) && !PLATFORM_WORDS.test(w))
    .slice(0, 3);
  return words.length ? words.join('-') : 'go';
}

/** Where the version part of a key comes from, and the setup-go step that needs an `id:`. */
interface VersionPart {
  text: string;
  needsId?: { step: Step; id: string };
}

function setupGoBefore(job: Job, cache: ActionsCache): Step | undefined {
  const steps = job.steps.filter(
    s => isAction(s.uses, 'actions/setup-go') && s.index < cache.step.index,
  );
  return steps[steps.length - 1];
}

/** An id for setup-go no other step of the job has. */
function freshId(job: Job): string {
  const taken = new Set(job.steps.map(s => s.id));
  for (let n = 1; ; n++) {
    const id = n === 1 ? 'setup-go' : `setup-go-${n}`;
    if (!taken.has(id)) return id;
  }
}

/** `matrix.x` when the job's go-version is exactly `${{ matrix.x }}` and the matrix varies it. */
function matrixVersion(job: Job): string | undefined {
  const version = goVersionOfJob(job, 0);
  if (version.source !== 'go-version') return undefined;
  const raw = version.step.with.find(i => i.name === 'go-version')?.value;
  const name = /^\$\{\{\s*(matrix\.[\w-]+)\s*\}\}$/.exec(
    raw?.trim() ?? '',
  )?.[1];
  if (!name) return undefined;
  const values = new Set(
    job.combinations.map((_, i) => {
      const v = goVersionOfJob(job, i);
      return v.source === 'go-version' ? v.value.text : '';
    }),
  );
  return values.size > 1 ? `\${{ ${name} }}` : undefined;
}

function versionPart(job: Job, cache: ActionsCache): VersionPart | undefined {
  const matrix = matrixVersion(job);
  if (matrix) return { text: matrix };
  const setupGo = setupGoBefore(job, cache);
  if (setupGo && !setupGo.viaAction && !cache.step.viaAction) {
    const id = setupGo.id ?? freshId(job);
    return {
      text: `\${{ steps.${id}.outputs.go-version }}`,
      needsId: setupGo.id ? undefined : { step: setupGo, id },
    };
  }
  const version = goVersionOfJob(job, 0);
  if (version.source === 'go-version' && version.value.isLiteral) {
    return { text: version.value.text.trim() };
  }
  if (version.source === 'container' && version.tag) {
    return { text: version.tag.split('-')[0] };
  }
  return undefined;
}

/** Whether the key must name the Go version: build caches, matrices over Go, or a key that names one already. */
function needsVersion(group: KeyedCache[]): boolean {
  const { job } = group[0];
  if (group.some(k => k.covers.build)) return true;
  if (matrixVersion(job)) return true;
  return group.some(k =>
    k.key.parts.some(
      p => p.kind === 'literal' && /(?:^|[^\d.])1\.\d+/.test(p.text),
    ),
  );
}

function rawInput(step: Step, name: string): string | undefined {
  return step.with.find(i => i.name === name)?.value;
}

function stepText(ctx: RuleContext, path: string): string | undefined {
  const file = ctx.snapshot.file(path);
  return file?.kind === 'text' ? file.text : undefined;
}

/** The most step changes one proposal makes. */
export const MAX_STEP_CHANGES = 40;

/** A change to the step starting at `line` of `path` (a text edit of the whole file). */
export interface StepChange {
  path: string;
  line: number;
  /** Names the change, so the same change asked twice is made once. */
  what: string;
  apply: (text: string) => string | undefined;
}

/**
 * Applies step changes per file, bottom-up so no change moves the line of another;
 * undefined when any change cannot be made (a half-applied fix is worse than none).
 */
export function applyStepChanges(
  ctx: RuleContext,
  changes: StepChange[],
): FileEdit[] | undefined {
  // Each change re-parses its file: a patch of hundreds of steps would cost seconds on a
  // generated workflow, and no reviewer reads it as one pull request.
  if (changes.length > MAX_STEP_CHANGES) return undefined;
  const byPath = new Map<string, Map<string, StepChange>>();
  for (const change of changes) {
    const forPath = byPath.get(change.path) ?? new Map();
    forPath.set(`${change.line}:${change.what}`, change);
    byPath.set(change.path, forPath);
  }
  const edits: FileEdit[] = [];
  for (const [path, forPath] of byPath) {
    const before = stepText(ctx, path);
    if (before === undefined) return undefined;
    let text: string | undefined = before;
    const ordered = [...forPath.values()].sort((a, b) => b.line - a.line);
    for (const change of ordered) {
      text = change.apply(text);
      if (text === undefined) return undefined;
    }
    edits.push({ path, before, after: text });
  }
  return edits;
}

/** The new key and restore-key prefix for one cache step's group. */
export interface RewrittenKey {
  key: string;
  restorePrefix: string;
}

/**
 * The edits that give each group's cache step the well-formed key (see the file
 * comment); undefined when any group's key cannot be rewritten with confidence.
 */
export function rewriteKeys(
  ctx: RuleContext,
  groups: KeyedCache[][],
  otherChanges: StepChange[] = [],
): { edits: FileEdit[]; keys: RewrittenKey[] } | undefined {
  const changes = [...otherChanges];
  const keys: RewrittenKey[] = [];
  const hashed = ctx.snapshot.paths.some(
    p => p === 'go.sum' || p.endsWith('/go.sum'),
  )
    ? "'**/go.sum'"
    : "'**/go.mod'";
  for (const group of groups) {
    const { job, cache } = group[0];
    const rawKey = rawInput(cache.step, 'key');
    if (rawKey === undefined || group.some(k => k.key.hasUnknown))
      return undefined;
    let version: VersionPart | undefined;
    if (needsVersion(group)) {
      version = versionPart(job, cache);
      if (!version) return undefined;
    }
    const prefix = [
      '${{ runner.os }}',
      '${{ runner.arch }}',
      keyLabel(rawKey),
      ...(version ? [version.text] : []),
    ].join('-');
    const key = `${prefix}-\${{ hashFiles(${hashed}) }}`;
    const restorePrefix = `${prefix}-`;
    keys.push({ key, restorePrefix });
    // The step itself, and steps of the job written with the same key (a save half).
    const companions = job.caches.filter(
      (c): c is ActionsCache =>
        c.kind === 'actions-cache' &&
        (c === cache || rawInput(c.step, 'key') === rawKey),
    );
    for (const companion of companions) {
      const { path, startLine } = companion.step.span;
      changes.push({
        path,
        line: startLine,
        what: 'key',
        apply: text => setStepInput(text, startLine, 'key', key),
      });
      if (rawInput(companion.step, 'restore-keys') !== undefined) {
        changes.push({
          path,
          line: startLine,
          what: 'restore-keys',
          apply: text =>
            setStepInput(text, startLine, 'restore-keys', restorePrefix),
        });
      }
    }
    if (version?.needsId) {
      const { step, id } = version.needsId;
      const { path, startLine } = step.span;
      changes.push({
        path,
        line: startLine,
        what: 'id',
        apply: text => setStepField(text, startLine, 'id', id),
      });
    }
  }
  const edits = applyStepChanges(ctx, changes);
  return edits && { edits, keys };
}

/** A markdown code span of a key, safe for keys holding backticks. */
export function codeSpan(text: string): string {
  return text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``;
}

/** Whether an outcome's locations point at this span's first line (key or step). */
export function isBlamed(
  outcome: RuleOutcome,
  span: { path: string; startLine: number },
): boolean {
  return (outcome.locations ?? []).some(
    l => l.path === span.path && l.startLine === span.startLine,
  );
}

/** Groups (one per cache step) whose key or step the outcome blames. */
export function blamedGroups(
  groups: KeyedCache[][],
  outcome: RuleOutcome,
): KeyedCache[][] {
  return groups.filter(([{ cache }]) =>
    isBlamed(outcome, cache.keySpan ?? cache.step.span),
  );
}

/** The sentence listing the new keys, for a proposal's description. */
export function describeNewKeys(keys: RewrittenKey[]): string {
  const distinct = [...new Set(keys.map(k => k.key))];
  return distinct.length === 1
    ? `The new key is ${codeSpan(distinct[0])}.`
    : `The new keys are ${distinct.map(codeSpan).join(', ')}.`;
}
