/** Token shapes GitHub issues (classic and fine-grained PATs, App and OAuth tokens). */
const GITHUB_TOKEN_PATTERN =
  /\b(?:gh[pousr]_[A-Za-z0-9_]{20,}|github_pat_[A-Za-z0-9_]{20,}|v1\.[0-9a-f]{40})\b/g;
const AUTH_HEADER_PATTERN = /\b(token|bearer|basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi;

/**
 * Removes credentials from text bound for logs, findings, errors or the database. Known
 * secrets are replaced wherever they appear; token-like strings and authorization header
 * values are replaced even when we do not know them (GitHub echoes requests in errors).
 */
export function redactSecrets(
  text: string,
  secrets: Iterable<string> = [],
): string {
  let result = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4)
      result = result.split(secret).join('[REDACTED]');
  }
  return result
    .replace(GITHUB_TOKEN_PATTERN, '[REDACTED]')
    .replace(
      AUTH_HEADER_PATTERN,
      (_, scheme: string) => `${scheme} [REDACTED]`,
    );
}
