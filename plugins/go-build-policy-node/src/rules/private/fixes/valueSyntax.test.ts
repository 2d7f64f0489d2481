import { findWrittenValue, replaceWrittenValue, Syntax } from './valueSyntax';

const rewrite = (
  line: string,
  syntax: Syntax,
  value: string,
  name?: string,
) => {
  const written = findWrittenValue(line, name ?? 'GOPRIVATE', syntax);
  if (!written) return undefined;
  return replaceWrittenValue(line, written, syntax, value, name);
};

describe('valueSyntax', () => {
  it('rewrites YAML env entries, keeping quotes and trailing comments', () => {
    expect(
      rewrite('  GOPRIVATE: github.com/a # org', 'yaml', 'github.com/a,go.b'),
    ).toBe('  GOPRIVATE: github.com/a,go.b # org');
    expect(rewrite("  GOPRIVATE: 'x'", 'yaml', "it's")).toBe(
      "  GOPRIVATE: 'it''s'",
    );
    // A value starting with `*` would be an alias in plain YAML.
    expect(rewrite('  GOPRIVATE: a', 'yaml', '*')).toBe("  GOPRIVATE: '*'");
    expect(
      findWrittenValue('  GOPRIVATE: |', 'GOPRIVATE', 'yaml'),
    ).toBeUndefined();
  });

  it('quotes shell words that would glob, but not inside an already quoted string', () => {
    expect(rewrite('go env -w GOPRIVATE=a GOFLAGS=-x', 'shell', 'a,b/*')).toBe(
      "go env -w GOPRIVATE='a,b/*' GOFLAGS=-x",
    );
    expect(
      rewrite('echo "GOPRIVATE=a" >> "$GITHUB_ENV"', 'shell', 'a,b/*'),
    ).toBe('echo "GOPRIVATE=a,b/*" >> "$GITHUB_ENV"');
    expect(rewrite('export GOPRIVATE="a"', 'shell', 'a,b')).toBe(
      'export GOPRIVATE="a,b"',
    );
    // NOTGOPRIVATE is another variable.
    expect(
      findWrittenValue('NOTGOPRIVATE=a', 'GOPRIVATE', 'shell'),
    ).toBeUndefined();
  });

  it('reads Dockerfile ENV in both forms, and Makefile assignments', () => {
    expect(rewrite('ENV A=1 GOPRIVATE=x', 'dockerfile', 'x,y')).toBe(
      'ENV A=1 GOPRIVATE=x,y',
    );
    expect(rewrite('ENV GOPRIVATE x', 'dockerfile', 'x,y')).toBe(
      'ENV GOPRIVATE x,y',
    );
    expect(rewrite('export GOPRIVATE := x # why', 'makefile', 'x,y')).toBe(
      'export GOPRIVATE := x,y # why',
    );
  });

  it('renames the variable when asked', () => {
    const written = findWrittenValue(
      'ENV GOSUMDB=off',
      'GOSUMDB',
      'dockerfile',
    )!;
    expect(
      replaceWrittenValue(
        'ENV GOSUMDB=off',
        written,
        'dockerfile',
        'a/*',
        'GONOSUMDB',
      ),
    ).toBe('ENV GONOSUMDB=a/*');
  });
});
