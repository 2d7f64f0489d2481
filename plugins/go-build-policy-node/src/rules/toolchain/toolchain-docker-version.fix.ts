import { RuleContext } from '../../engine/RuleContext';
import { FileEdit, FixProposal } from '../../fixes/types';
import {
  DockerfileModel,
  ImageReference,
  parseImageReference,
  referencedNames,
} from '../../model/docker';
import { substitute } from '../../model/docker/substitute';
import { GoVersion, parseGoVersion, specSatisfies } from '../../model/go';
import { dockerInputs, stageChain } from '../docker/dockerRuleSupport';
import {
  applyLineEdits,
  escapeOf,
  lineAt,
  LineEdit,
} from '../docker/fixes/dockerfileText';
import { golangImagePin } from '../docker/golangImageTag';
import { moduleOfDockerfile } from '../docker/goModuleOfDockerfile';

/** A golang image reference of a Go build, where it is written. */
interface ImageUse {
  image: ImageReference;
  /** The reference as written (`golang:${GO_VERSION}`). */
  written: string;
  /** First line of the instruction (FROM or COPY --from). */
  line: number;
  /** Text in front of the reference on that line (`--from=` for COPY). */
  prefix: string;
}

function imageUses(file: DockerfileModel): ImageUse[] {
  const building = file.stages.filter(stage => stage.buildsGo);
  const inChain = new Set(
    building.flatMap(stage => stageChain(file, stage).map(s => s.index)),
  );
  const uses: ImageUse[] = [];
  for (const stage of file.stages.filter(s => inChain.has(s.index))) {
    if (stage.image?.isGolang) {
      uses.push({
        image: stage.image,
        written: stage.baseText,
        line: stage.fromLines.startLine,
        prefix: '',
      });
    }
    for (const copy of stage.copies) {
      if (copy.from === undefined || copy.fromStage !== undefined) continue;
      const image = parseImageReference(copy.from);
      if (image.isGolang) {
        uses.push({
          image,
          written: copy.from,
          line: copy.lines.startLine,
          prefix: '--from=',
        });
      }
    }
  }
  return uses;
}

/**
 * The tag the image should have; `pinned` when it already passes (or its digest pins it),
 * `unfixable` when a digest decides the version: a new tag beside it would change nothing.
 */
function wantedTag(
  image: ImageReference,
  required: GoVersion,
  target: GoVersion,
): string | 'pinned' | 'unfixable' {
  const pin = golangImagePin(image);
  if (pin.kind === 'digest' || pin.kind === 'unknown') return 'pinned';
  if (
    pin.kind === 'version' &&
    pin.spec.kind !== 'floating' &&
    pin.spec.kind !== 'unknown' &&
    specSatisfies(pin.spec, required)
  )
    return 'pinned';
  if (image.digest) return 'unfixable';
  const variant = pin.variant ? `-${pin.variant}` : '';
  return `${target.major}.${target.minor}${variant}`;
}

/**
 * The minor version to pin: go.mod's `toolchain` line when it names a newer Go than the
 * `go` line (the Go the team builds with), else the `go` line. `go` is only a minimum: an
 * image on `latest` built with a newer Go, and pinning it to an old minimum would be a
 * silent downgrade.
 */
function targetVersion(
  required: GoVersion,
  toolchain: string | undefined,
): GoVersion {
  const named = toolchain
    ? parseGoVersion(toolchain.replace(/^go/, ''))
    : undefined;
  if (!named) return required;
  const newer =
    named.major > required.major ||
    (named.major === required.major && named.minor > required.minor);
  return newer ? named : required;
}

const FLOATING_TAG = /^(?:latest|alpine[\d.]*|bookworm|bullseye|trixie)?$/;

const escapeRegExp = (text: string) =>
  text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `written` with its tag replaced (a registry port's `:` is not a tag). */
function retagged(written: string, tag: string): string {
  const slash = written.lastIndexOf('/');
  const colon = written.indexOf(':', slash + 1);
  return `${colon === -1 ? written : written.slice(0, colon)}:${tag}`;
}

/** Replaces `old` by `replacement` on one line, where it stands as a whole word. */
function replaceWord(
  text: string,
  line: number,
  old: string,
  replacement: string,
): LineEdit | undefined {
  const content = lineAt(text, line);
  if (content === undefined) return undefined;
  const pattern = new RegExp(`(^|\\s)${escapeRegExp(old)}(?=\\s|$)`);
  const match = pattern.exec(content);
  if (!match) return undefined;
  const start = match.index + match[1].length;
  const updated =
    content.slice(0, start) + replacement + content.slice(start + old.length);
  return { kind: 'replace', startLine: line, endLine: line, lines: [updated] };
}

/** The edit of the global ARG whose default decides the tag, checked by re-resolving. */
function argEdit(
  text: string,
  file: DockerfileModel,
  use: ImageUse,
  tag: string,
): LineEdit | undefined {
  const names = referencedNames(use.written);
  const oldTag = use.image.tag ?? '';
  const oldHead = oldTag.split('-')[0];
  const newHead = tag.split('-')[0];
  const escape = escapeOf(file);
  for (const arg of file.globalArgs.filter(a => names.has(a.name))) {
    const raw = arg.rawValue;
    if (!raw) continue;
    const candidates = [
      oldTag && raw.includes(oldTag) ? raw.replace(oldTag, tag) : undefined,
      oldHead && raw.includes(oldHead)
        ? raw.replace(oldHead, newHead)
        : undefined,
    ].filter((c): c is string => c !== undefined);
    for (const candidate of candidates) {
      const scope = new Map(
        file.globalArgs.map(a => [a.name, a === arg ? candidate : a.value]),
      );
      const resolved = substitute(use.written, scope, escape);
      const image = parseImageReference(resolved.value, resolved.unresolved);
      if (resolved.unresolved || image.tag !== tag || image.digest) continue;
      const content = lineAt(text, arg.lines.startLine);
      const pattern = new RegExp(
        `(\\b${escapeRegExp(arg.name)}=["']?)${escapeRegExp(raw)}`,
      );
      if (!content || !pattern.test(content)) continue;
      return {
        kind: 'replace',
        startLine: arg.lines.startLine,
        endLine: arg.lines.startLine,
        lines: [content.replace(pattern, (_, head) => `${head}${candidate}`)],
      };
    }
  }
  return undefined;
}

/** Pins every floating or too-old golang image of the Go builds to go.mod's minor version. */
export function proposeDockerGoVersion(
  ctx: RuleContext,
): FixProposal | undefined {
  const edits: FileEdit[] = [];
  const changes: string[] = [];
  let floating = false;
  for (const file of dockerInputs(ctx).files.filter(f => f.buildsGo)) {
    const module = moduleOfDockerfile(ctx, file)?.file;
    const goLine = module?.go?.value;
    const required = goLine ? parseGoVersion(goLine) : undefined;
    if (!required) continue;
    const target = targetVersion(required, module?.toolchain?.value);
    const source = ctx.snapshot.file(file.path);
    if (source?.kind !== 'text') return undefined;
    const lineEdits = new Map<number, LineEdit>();
    for (const use of imageUses(file)) {
      const tag = wantedTag(use.image, required, target);
      if (tag === 'pinned') continue;
      if (tag === 'unfixable') return undefined;
      const edit = use.written.includes('$')
        ? argEdit(source.text, file, use, tag)
        : replaceWord(
            source.text,
            use.line,
            `${use.prefix}${use.written}`,
            `${use.prefix}${retagged(use.written, tag)}`,
          );
      // A reference the fix cannot rewrite exactly: no partial proposal.
      if (!edit) return undefined;
      if (edit.kind !== 'replace') continue;
      const previous = lineEdits.get(edit.startLine);
      // Two uses on one line (or of one ARG) must agree on its new content.
      if (previous?.kind === 'replace' && previous.lines[0] !== edit.lines[0])
        return undefined;
      lineEdits.set(edit.startLine, edit);
      changes.push(
        `- \`${file.path}\` line ${edit.startLine}: \`golang:${
          use.image.tag ?? 'latest'
        }\` → \`golang:${tag}\``,
      );
      if (FLOATING_TAG.test(use.image.tag ?? '')) floating = true;
    }
    if (!lineEdits.size) continue;
    edits.push({
      path: file.path,
      before: source.text,
      after: applyLineEdits(source.text, [...lineEdits.values()]),
    });
  }
  if (!edits.length) return undefined;
  return {
    title: 'Pin the golang build images to the Go version go.mod requires',
    description: [
      "Pins the golang images of the Go builds to go.mod's minor version (its `toolchain` line when that names a newer Go than its `go` line). A minor tag follows that minor's patch releases; golang images set `GOTOOLCHAIN=local`, so an older image fails the build instead of fetching a newer toolchain, and `latest` changes Go under the build without a commit:",
      '',
      ...[...new Set(changes)],
      ...(floating
        ? [
            '',
            "A floating tag built with the newest Go release, and go.mod's `go` line is only the oldest Go the module accepts: if that is well behind the current release, raise the `go` line (or pin a newer image) rather than build with an old, unsupported Go.",
          ]
        : []),
    ].join('\n'),
    edits,
  };
}
