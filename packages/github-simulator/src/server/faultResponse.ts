import { STATUS_CODES } from 'node:http';
import { FaultSpec } from '../http/FaultInjector';
import {
  githubError,
  notFound,
  secondaryRateLimitExceeded,
  serverError,
} from '../http/githubErrors';
import { SimResponse } from '../http/types';

/** The answer GitHub would give with this status, unless the fault names a body. */
export function faultResponse(fault: FaultSpec): SimResponse {
  const headers: Record<string, string> =
    fault.retryAfter !== undefined
      ? { 'retry-after': String(fault.retryAfter) }
      : {};
  let response: SimResponse;
  if (fault.body !== undefined) {
    response = { status: fault.status, json: fault.body };
  } else if (
    fault.status === 429 ||
    (fault.status === 403 && fault.retryAfter !== undefined)
  ) {
    response = secondaryRateLimitExceeded(fault.status);
  } else if (fault.status === 404) {
    response = notFound();
  } else if (fault.status >= 500) {
    response = serverError(fault.status);
  } else {
    response = githubError(fault.status, STATUS_CODES[fault.status] ?? 'Error');
  }
  return { ...response, headers: { ...response.headers, ...headers } };
}
