import { GoVersionSpec, parseGoVersionSpec } from '../../model/go';
import { ImageReference } from '../../model/docker';

/** What a golang image reference pins. */
export type GolangImagePin =
  /** The tag names a Go version (`1.23`, `1.23.4`, `1.21rc1`, `1`), with its variant. */
  | { kind: 'version'; spec: GoVersionSpec; variant?: string }
  /** No version in the tag (`latest`, `alpine`, `bookworm`, or no tag at all). */
  | { kind: 'floating'; variant?: string }
  /** A digest and no versioned tag: pinned, but the version cannot be read from the reference. */
  | { kind: 'digest' }
  /** A build argument without default decides the reference. */
  | { kind: 'unknown' };

/**
 * Reads a golang image tag: the Go version comes before the first `-` (`1.23.4-bookworm`,
 * `1.21rc1-alpine3.20`); a tag without a leading digit (`alpine`, `latest`) names no version.
 */
export function golangImagePin(image: ImageReference): GolangImagePin {
  if (image.unresolved) return { kind: 'unknown' };
  const tag = image.tag;
  if (!tag) return image.digest ? { kind: 'digest' } : { kind: 'floating' };
  const dash = tag.indexOf('-');
  const head = dash === -1 ? tag : tag.slice(0, dash);
  const variant = dash === -1 ? undefined : tag.slice(dash + 1);
  if (!/^\d/.test(head)) {
    // `golang:alpine@sha256:…` is pinned by its digest even though the tag floats.
    return image.digest
      ? { kind: 'digest' }
      : { kind: 'floating', variant: tag === 'latest' ? undefined : tag };
  }
  return { kind: 'version', spec: parseGoVersionSpec(head), variant };
}
