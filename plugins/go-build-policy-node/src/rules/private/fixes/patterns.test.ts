import {
  appendGlobs,
  isTooBroad,
  minimalPatterns,
  missingPatterns,
  valueWithGlobs,
} from './patterns';

describe('private fix patterns', () => {
  it('keeps the fewest configured patterns that match every private path', () => {
    const paths = [
      'github.com/acme/auth',
      'github.com/acme/billing',
      'go.acme.dev/x',
    ];
    expect(
      minimalPatterns(
        [
          'github.com/acme/auth',
          'github.com/acme/*',
          'github.com/acme',
          'go.acme.dev',
          'gitlab.acme.dev',
        ],
        paths,
      ),
    ).toEqual(['github.com/acme/*', 'go.acme.dev']);
    expect(minimalPatterns(['  ', 'gitlab.acme.dev'], paths)).toEqual([]);
  });

  it('names the patterns a value lacks and appends them without touching the rest', () => {
    const patterns = ['github.com/acme/*', 'go.acme.dev'];
    expect(
      missingPatterns(
        'go.acme.dev',
        ['github.com/acme/a', 'go.acme.dev/b'],
        patterns,
      ),
    ).toEqual(['github.com/acme/*']);
    expect(appendGlobs('go.acme.dev,', ['github.com/acme/*'])).toBe(
      'go.acme.dev,github.com/acme/*',
    );
    expect(appendGlobs('a,b', ['b'])).toBe('a,b');
  });

  it('rewrites a value to exactly the target globs, keeping their written order', () => {
    expect(valueWithGlobs('b,*,a', ['a', 'b', 'c'])).toBe('b,a,c');
  });

  it('tells catch-all and public-host globs from private prefixes', () => {
    expect(isTooBroad('*')).toBe(true);
    expect(isTooBroad('github.com')).toBe(true);
    expect(isTooBroad('github.com/*')).toBe(true);
    expect(isTooBroad('github.com/acme')).toBe(false);
    expect(isTooBroad('go.acme.dev')).toBe(false);
  });
});
