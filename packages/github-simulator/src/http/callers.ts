import { IncomingMessage } from 'node:http';
import { Caller } from './types';

function decodeJsonPart(part: string): Record<string, unknown> | undefined {
  try {
    const parsed = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof parsed === 'object' && parsed !== null ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads a GitHub App JWT without verifying its signature: it must have a
 * header with `alg`, and `iss`, `iat` and `exp` claims, as GitHub requires.
 */
export function parseAppJwt(token: string): { appId: string } | undefined {
  const parts = token.split('.');
  if (
    parts.length !== 3 ||
    parts.some(part => !/^[A-Za-z0-9_-]+$/.test(part))
  ) {
    return undefined;
  }
  const header = decodeJsonPart(parts[0]);
  const claims = decodeJsonPart(parts[1]);
  if (!header || typeof header.alg !== 'string' || !claims) return undefined;
  const { iss, iat, exp } = claims;
  if (
    (typeof iss !== 'string' && typeof iss !== 'number') ||
    typeof iat !== 'number' ||
    typeof exp !== 'number'
  ) {
    return undefined;
  }
  return { appId: String(iss) };
}

/** `Authorization: token X` or `Bearer X` (a JWT there means the app itself). */
export function callerOf(request: IncomingMessage): Caller {
  const header = request.headers.authorization ?? '';
  const match = /^(token|bearer)\s+(\S+)\s*$/i.exec(header);
  if (!match) {
    return {
      kind: 'anonymous',
      address: request.socket.remoteAddress ?? 'unknown',
    };
  }
  const jwt =
    match[1].toLowerCase() === 'bearer' ? parseAppJwt(match[2]) : undefined;
  if (jwt) return { kind: 'app', appId: jwt.appId, jwt: match[2] };
  return { kind: 'token', token: match[2] };
}

/** A label for counters: never the whole token, which may be real. */
export function callerLabel(caller: Caller): string {
  switch (caller.kind) {
    case 'token':
      return caller.token.length > 12
        ? `${caller.token.slice(0, 8)}…`
        : caller.token;
    case 'app':
      return `app:${caller.appId}`;
    default:
      return 'anonymous';
  }
}
