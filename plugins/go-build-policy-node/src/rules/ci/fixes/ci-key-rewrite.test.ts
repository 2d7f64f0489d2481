import { codeSpan, keyLabel } from './ci-key-rewrite';

describe('keyLabel', () => {
  it.each([
    ['${{ runner.os }}-go-${{ github.sha }}', 'go'],
    ['${{ runner.os }}-go-modules', 'go-modules'],
    [
      "lint-${{ runner.os }}-golangci-${{ hashFiles('**/go.sum') }}",
      'lint-golangci',
    ],
    ["${{ runner.os }}-go1.21-${{ hashFiles('**/go.sum') }}", 'go'],
    ['Linux-x64-go-build-v2', 'go-build'],
    ['go-$(date +%s)-${CACHE_VERSION}', 'go'],
    ['${{ env.CACHE_KEY }}', 'go'],
    ['', 'go'],
    ['a-b-c-d-e', 'a-b-c'],
  ])('keeps the words of %j as %j', (key, label) => {
    expect(keyLabel(key)).toBe(label);
  });
});

describe('codeSpan', () => {
  it('fences keys holding backticks with double backticks', () => {
    expect(codeSpan('go-${{ x }}')).toBe('`go-${{ x }}`');
    expect(codeSpan('a`b')).toBe('`` a`b ``');
  });
});
