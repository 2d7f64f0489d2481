/*
 * Words that mark a variable as carrying a credential. Like BuildKit's SecretsUsedInArgOrEnv
 * check, a name is split into words at `_` (and `-`), so GITHUB_TOKEN and NPM_AUTH match
 * while TOKENIZER or AUTHOR do not; public/file/version/path/url words clear it.
 */
const SECRET_WORDS = new Set([
  'token',
  'pat',
  'password',
  'passwd',
  'pword',
  'secret',
  'netrc',
  'credential',
  'credentials',
  'creds',
  'apikey',
  'auth',
]);
// `key` alone is too common (CACHE_KEY); with one of these before it, it is a credential.
const KEY_QUALIFIERS = new Set([
  'api',
  'private',
  'ssh',
  'deploy',
  'access',
  'secret',
  'signing',
]);
const HARMLESS_WORDS = new Set([
  'public',
  'file',
  'version',
  'path',
  'id',
  'url',
  'type',
]);

/** Whether a variable name looks like it carries a credential (`GITHUB_TOKEN`, `GIT_PAT`). */
export function isTokenLikeName(name: string): boolean {
  const words = name.toLowerCase().split(/[_-]+/).filter(Boolean);
  if (words.some(word => HARMLESS_WORDS.has(word))) return false;
  return words.some(
    (word, i) =>
      SECRET_WORDS.has(word) ||
      (word === 'key' && i > 0 && KEY_QUALIFIERS.has(words[i - 1])),
  );
}
