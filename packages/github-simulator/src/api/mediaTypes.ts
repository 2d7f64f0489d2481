import { SimRequest } from '../http/types';

function accept(request: SimRequest): string {
  return String(request.headers.accept ?? '').toLowerCase();
}

/** `application/vnd.github.raw` (or `.v3.raw`): the file's bytes, not JSON. */
export function wantsRaw(request: SimRequest): boolean {
  return /application\/vnd\.github(\.v3)?\.raw/.test(accept(request));
}

/** `application/vnd.github.object`: contents as an object, directories included. */
export function wantsObject(request: SimRequest): boolean {
  return /application\/vnd\.github(\.v3)?\.object/.test(accept(request));
}
