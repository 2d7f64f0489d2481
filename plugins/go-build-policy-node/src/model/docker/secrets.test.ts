import { isTokenLikeName } from './secrets';

describe('isTokenLikeName', () => {
  it.each([
    'GITHUB_TOKEN',
    'GH_PAT',
    'NETRC',
    'GIT_PASSWORD',
    'api_key',
    'SSH_PRIVATE_KEY',
    'REGISTRY_CREDENTIALS',
    'NPM_AUTH',
  ])('takes %s for a credential', name =>
    expect(isTokenLikeName(name)).toBe(true),
  );
  it.each([
    'GO_VERSION',
    'CACHE_KEY',
    'AUTHOR',
    'TOKEN_FILE',
    'TOKENIZER',
    'PATH',
    'GOPROXY',
  ])('does not take %s for a credential', name =>
    expect(isTokenLikeName(name)).toBe(false),
  );
});
