/** Why a GitHub read did not give an answer; scans turn these into states or retries. */
export type GithubFailureKind =
  /** 404 or 410: the repository (or ref) does not exist or the token cannot see it. */
  | 'not-found'
  /** 403 that is not a rate limit: the credentials lack access. */
  | 'forbidden'
  /** 409: the git repository has no commits. */
  | 'empty'
  /** The host's budget is spent or GitHub asked us to wait longer than we are willing to. */
  | 'rate-limited'
  /** 5xx or network errors after retries. */
  | 'unavailable'
  /** An answer we did not expect (other 4xx, a body of the wrong shape). */
  | 'unexpected';

export interface GithubFailure {
  kind: GithubFailureKind;
  /** Human readable, free of credentials. */
  message: string;
  status?: number;
  /** For `rate-limited`: when the host may be asked again (epoch ms). */
  resumeAt?: number;
}

export type GithubResult<T> =
  | { ok: true; data: T; notModified: boolean; url: string }
  | { ok: false; failure: GithubFailure };

/** Failures that say nothing about the repository and are worth trying again later. */
export function isTransient(failure: GithubFailure): boolean {
  return failure.kind === 'rate-limited' || failure.kind === 'unavailable';
}
