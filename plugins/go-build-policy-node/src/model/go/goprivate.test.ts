import {
  compileModuleGlob,
  compileModulePatterns,
  globMatchesModule,
  globsMatchingEverything,
  matchesEveryModule,
  matchesModulePatterns,
  pathMatch,
  splitModulePatterns,
} from './goprivate';

describe('pathMatch', () => {
  it.each([
    ['abc', 'abc', true],
    ['*', 'abc', true],
    ['*c', 'abc', true],
    ['a*', 'a/b', false],
    ['a*/b', 'abc/b', true],
    ['a*b*c*d*e*/f', 'axbxcxdxe/f', true],
    ['a*b*c*d*e*/f', 'axbxcxdxexxx/f', true],
    ['a*b*c*d*e*/f', 'axbxcxdxe/xxx/f', false],
    ['a*b?c*x', 'abxbbxdbxebxczzx', true],
    ['a*b?c*x', 'abxbbxdbxebxczzy', false],
    ['ab[c]', 'abc', true],
    ['ab[b-d]', 'abc', true],
    ['ab[^c]', 'abc', false],
    ['ab[^b-d]', 'abe', true],
    ['a\\*b', 'a*b', true],
    ['a\\*b', 'ab', false],
    ['a?b', 'a/b', false],
    ['[', 'a', false],
    ['[^', 'a', false],
    ['a[', 'x', false],
    ['*x', 'xxx', true],
  ])('matches %s against %s: %s', (pattern, name, expected) => {
    expect(pathMatch(pattern, name)).toBe(expected);
  });

  it('does not blow up on many stars', () => {
    const started = performance.now();
    expect(pathMatch(`${'*a'.repeat(30)}b`, 'a'.repeat(200))).toBe(false);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('matchesModulePatterns', () => {
  it('matches a glob against leading path elements of the module path', () => {
    expect(
      matchesModulePatterns('github.com/acme', 'github.com/acme/api/v2'),
    ).toBe(true);
    expect(
      matchesModulePatterns('github.com/acme/*', 'github.com/acme/api/v2'),
    ).toBe(true);
    expect(
      matchesModulePatterns('*.corp.example.com', 'git.corp.example.com/x'),
    ).toBe(true);
    expect(
      matchesModulePatterns('github.com/acme', 'github.com/acmeco/api'),
    ).toBe(false);
  });

  it('needs as many path elements as the glob has', () => {
    expect(matchesModulePatterns('github.com/acme/*', 'github.com/acme')).toBe(
      false,
    );
  });

  it('reads comma-separated lists, drops empty entries and trailing slashes', () => {
    expect(splitModulePatterns('a.com/x/,,b.com')).toEqual([
      'a.com/x',
      'b.com',
    ]);
    expect(matchesModulePatterns('a.com/x/,,b.com', 'b.com/y')).toBe(true);
    expect(
      matchesModulePatterns(['x.org', 'go.acme.dev'], 'go.acme.dev/lib'),
    ).toBe(true);
  });

  it('ignores malformed globs instead of throwing', () => {
    expect(
      matchesModulePatterns('[,github.com/acme', 'github.com/acme/x'),
    ).toBe(true);
    expect(matchesModulePatterns('[', 'github.com/acme/x')).toBe(false);
  });
});

describe('matchesEveryModule', () => {
  it('finds globs that match any module path', () => {
    expect(matchesEveryModule('github.com/acme,*')).toBe(true);
    expect(globsMatchingEverything(['**', 'x.org'])).toEqual(['**']);
    expect(matchesEveryModule('*/*')).toBe(false);
    expect(matchesEveryModule('github.com/*')).toBe(false);
  });
});

describe('compiled module patterns', () => {
  it.each([
    ['github.com/acme', 'github.com/acme/app', true],
    ['github.com/acme', 'github.com/acme', true],
    ['github.com/acme', 'github.com/acmeco/app', false],
    ['github.com/acme/*', 'github.com/acme/app/v2', true],
    ['github.com/acme/*', 'github.com/acme', false],
    ['github.com/*/app', 'github.com/acme/app', true],
    ['github.com/*/app', 'github.com/other/lib', false],
    ['go.acme.dev/', 'go.acme.dev/x', true],
    ['*.acme.dev', 'go.acme.dev/x', true],
    ['', 'github.com/acme/app', false],
    ['github.com/[a-', 'github.com/a', false],
  ])('compiles %s and answers for %s: %s', (glob, modulePath, expected) => {
    const matches = compileModuleGlob(glob);
    expect(matches(modulePath)).toBe(expected);
    // The compiled test can be asked many times with the same answer.
    expect(matches(modulePath)).toBe(expected);
    expect(globMatchesModule(glob, modulePath)).toBe(expected);
  });

  it('matches a list of GOPRIVATE-style lists like matchesModulePatterns', () => {
    const isPrivate = compileModulePatterns([
      'github.com/acme/*,go.acme.dev',
      ',',
    ]);
    expect(isPrivate('github.com/acme/app')).toBe(true);
    expect(isPrivate('go.acme.dev/tools/x')).toBe(true);
    expect(isPrivate('github.com/other/lib')).toBe(false);
    expect(compileModulePatterns('')('github.com/acme/app')).toBe(false);
  });
});
