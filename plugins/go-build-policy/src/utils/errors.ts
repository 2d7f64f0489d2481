import { ResponseError } from '@backstage/errors';

/**
 * The server's own words for a failed request ({error: {message}} in Backstage's error
 * body), rather than the client's generic "Request failed with 409 Conflict".
 */
export function errorMessage(error: unknown): string {
  if (error instanceof ResponseError) {
    return error.body?.error?.message || error.cause?.message || error.message;
  }
  if (error instanceof Error) return error.message;
  return String(error);
}
