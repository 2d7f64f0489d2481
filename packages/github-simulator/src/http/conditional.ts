import { createHash } from 'node:crypto';

/** A strong validator of the exact body bytes. */
export function strongEtag(body: Buffer): string {
  return `"${createHash('sha1').update(body).digest('hex')}"`;
}

/** True when `If-None-Match` lists this tag (weak comparison, as RFC 9110 asks for GET). */
export function matchesIfNoneMatch(
  header: string | undefined,
  etag: string,
): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const bare = etag.replace(/^W\//, '');
  return header
    .split(',')
    .map(tag => tag.trim().replace(/^W\//, ''))
    .some(tag => tag === bare);
}
