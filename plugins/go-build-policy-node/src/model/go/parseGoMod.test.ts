import { parseGoMod } from './parseGoMod';
import { LocalPathTarget } from './types';

const noTree = (written: string): LocalPathTarget => ({
  written,
  kind: 'relative',
  insideRepo: true,
  existsInTree: false,
  hasGoMod: false,
});

function parse(text: string, path = 'go.mod') {
  return parseGoMod(path, text, noTree);
}

const FULL = `// Service API
module example.com/api

go 1.23.4

toolchain go1.24.1

godebug (
\tdefault=go1.21
\tpanicnil=1
)

require github.com/pkg/errors v0.9.1

require (
\tgolang.org/x/sync v0.8.0
\tgolang.org/x/text v0.17.0 // indirect
\t"example.com/quoted" v1.0.0
)

exclude golang.org/x/net v0.1.0

replace example.com/lib => ./lib
replace (
\texample.com/old v1.0.0 => example.com/new v1.2.0
\t\`example.com/raw\` => ../raw
)
// replace example.com/commented => ../commented

retract [v1.0.0, v1.0.5] // published by mistake
retract v1.1.0

tool golang.org/x/tools/cmd/stringer
ignore ./node_modules
`;

describe('parseGoMod', () => {
  it('reads every directive with its line', () => {
    const file = parse(FULL);
    expect(file.problems).toEqual([]);
    expect(file.module).toEqual({ value: 'example.com/api', line: 2 });
    expect(file.go).toEqual({ value: '1.23.4', line: 4 });
    expect(file.toolchain).toEqual({ value: 'go1.24.1', line: 6 });
    expect(file.godebug).toEqual([
      { key: 'default', value: 'go1.21', line: 9 },
      { key: 'panicnil', value: '1', line: 10 },
    ]);
    expect(file.requires).toEqual([
      {
        path: 'github.com/pkg/errors',
        version: 'v0.9.1',
        indirect: false,
        line: 13,
      },
      {
        path: 'golang.org/x/sync',
        version: 'v0.8.0',
        indirect: false,
        line: 16,
      },
      {
        path: 'golang.org/x/text',
        version: 'v0.17.0',
        indirect: true,
        line: 17,
      },
      {
        path: 'example.com/quoted',
        version: 'v1.0.0',
        indirect: false,
        line: 18,
      },
    ]);
    expect(file.excludes).toEqual([
      { path: 'golang.org/x/net', version: 'v0.1.0', line: 21 },
    ]);
    expect(file.retracts.map(r => [r.text, r.line])).toEqual([
      ['[v1.0.0, v1.0.5]', 30],
      ['v1.1.0', 31],
    ]);
    expect(file.tools).toEqual([
      { value: 'golang.org/x/tools/cmd/stringer', line: 33 },
    ]);
    expect(file.ignores).toEqual([{ value: './node_modules', line: 34 }]);
  });

  it('tells local replaces from module replaces and skips a commented-out replace', () => {
    const file = parse(FULL);
    expect(
      file.replaces.map(r => [r.old.path, r.new.path, r.line, !!r.local]),
    ).toEqual([
      ['example.com/lib', './lib', 23, true],
      ['example.com/old', 'example.com/new', 25, false],
      ['example.com/raw', '../raw', 26, true],
    ]);
    expect(file.replaces[1].old.version).toBe('v1.0.0');
    expect(file.replaces[1].new.version).toBe('v1.2.0');
  });

  it('reads a comment glued to a version and an indirect marker with more text', () => {
    const file = parse(
      'module m\nrequire a.com/b v1.0.0//indirect\nrequire c.com/d v1.0.0 // indirect; for tests\n',
    );
    expect(file.requires.map(r => r.indirect)).toEqual([true, true]);
    expect(file.requires[0].version).toBe('v1.0.0');
  });

  it('reports an empty go.mod as a problem', () => {
    const file = parse('');
    expect(file.problems).toEqual([
      { line: 0, message: 'go.mod is empty: it has no module directive' },
    ]);
  });

  it('reports an unterminated block at the line that opens it and keeps what it read', () => {
    const file = parse('module m\n\nrequire (\n\ta.com/b v1.0.0\n');
    expect(file.problems).toEqual([
      {
        line: 3,
        message: 'the require block opened here is never closed with ")"',
      },
    ]);
    expect(file.requires).toHaveLength(1);
  });

  it('reports garbage, unknown directives and bad versions with their lines', () => {
    const file = parse(
      'module m\nhello world\ngo one.two\nrequire a.com/b latest\nrequire ( x\n',
    );
    expect(file.problems.map(p => p.line)).toEqual([2, 3, 4, 5]);
    expect(file.problems[0].message).toBe('unknown directive: hello');
  });

  it('keeps the first go and toolchain lines and reports repeats and bad values', () => {
    const file = parse(
      'module m\ngo 1.2x\ngo 1.23\ntoolchain gox\ntoolchain go1.24.1\n',
    );
    expect(file.go?.value).toBe('1.2x');
    expect(file.toolchain?.value).toBe('gox');
    expect(file.problems).toEqual([
      {
        line: 2,
        message: "invalid go version '1.2x': must match format 1.23.0",
      },
      { line: 3, message: 'repeated go line (first on line 2)' },
      {
        line: 4,
        message: "invalid toolchain 'gox': must be a name like go1.23.4",
      },
      { line: 5, message: 'repeated toolchain line (first on line 4)' },
    ]);
  });

  it('reports a replacement module without a version, and a local path with one', () => {
    const file = parse(
      'module m\nreplace a.com/b => c.com/d\nreplace a.com/e => ../e v1.0.0\n',
    );
    expect(file.problems.map(p => p.line)).toEqual([2, 3]);
  });

  it('reports repeated module and go lines', () => {
    const file = parse('module m\nmodule n\ngo 1.21\ngo 1.22\n');
    expect(file.module?.value).toBe('m');
    expect(file.go?.value).toBe('1.21');
    expect(file.problems.map(p => p.line)).toEqual([2, 4]);
  });

  it('reports unterminated strings instead of reading past them', () => {
    const file = parse('module "m\nrequire `a.com/b v1\n');
    expect(file.problems.map(p => p.message)).toContain(
      'unterminated quoted string',
    );
    expect(file.problems.map(p => p.message)).toContain(
      'unterminated raw string',
    );
  });

  it('handles CRLF line endings and a byte-order mark', () => {
    const file = parse(
      '\uFEFFmodule m\r\n\r\ngo 1.22\r\nrequire (\r\n\ta.com/b v1.0.0\r\n)\r\n',
    );
    expect(file.problems).toEqual([]);
    expect(file.requires[0]).toMatchObject({ path: 'a.com/b', line: 5 });
  });

  it('survives random bytes without throwing', () => {
    let seed = 7;
    const random = () =>
      (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let round = 0; round < 200; round++) {
      const chars = Array.from({ length: 300 }, () =>
        String.fromCharCode(Math.floor(random() * 128)),
      ).join('');
      const text = `module m\n${chars.replace(/\0/g, '(')}`;
      expect(() => parse(text)).not.toThrow();
    }
  });

  it('parses a huge go.mod in linear time', () => {
    const lines = Array.from(
      { length: 20000 },
      (_, i) => `\texample.com/m${i} v1.0.${i}`,
    );
    const text = `module m\nrequire (\n${lines.join('\n')}\n)\n`;
    const started = performance.now();
    const file = parse(text);
    expect(file.requires).toHaveLength(20000);
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('does not backtrack on adversarial quotes and slashes', () => {
    const text = `module m\nrequire "${'\\\\'.repeat(50000)}\n${'/'.repeat(
      100000,
    )}\n`;
    const started = performance.now();
    expect(() => parse(text)).not.toThrow();
    expect(performance.now() - started).toBeLessThan(3000);
  });
});
