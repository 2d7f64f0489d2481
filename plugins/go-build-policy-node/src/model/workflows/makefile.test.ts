import { parseMakefile } from './makefile';

describe('parseMakefile', () => {
  const makefile = parseMakefile(
    'Makefile',
    [
      '# build things',
      'GOFLAGS := -mod=mod',
      '.PHONY: all test lint',
      'all: lint test',
      '',
      'test: deps ## run tests',
      '\tgo test \\',
      '\t  ./...',
      'deps:',
      '\tgo mod download',
      'lint:',
      '\t$(MAKE) vet',
      'vet: ; go vet ./...',
      'ifeq ($(CI),true)',
      'ci: test',
      'endif',
    ].join('\n'),
  );

  it('reads targets, prerequisites and recipes with their lines', () => {
    const test = makefile.rules.find(r => r.targets.includes('test'))!;
    expect(test.prerequisites).toEqual(['deps']);
    expect(test.recipe).toEqual([{ text: 'go test ./...', line: 7 }]);
    expect(makefile.defaultTarget).toBe('all');
  });

  it('follows prerequisites and $(MAKE) calls', () => {
    const lines = makefile.recipeClosure(undefined).map(l => l.text);
    expect(lines).toEqual([
      '$(MAKE) vet',
      'go test ./...',
      'go vet ./...',
      'go mod download',
    ]);
  });

  it('reads rules inside conditionals', () => {
    expect(makefile.recipeClosure('ci').map(l => l.line)).toEqual([7, 10]);
  });

  it('is cycle-safe', () => {
    const cyclic = parseMakefile(
      'Makefile',
      'a: b\n\techo a\nb: a\n\techo b\n',
    );
    expect(cyclic.recipeClosure('a').map(l => l.text)).toEqual([
      'echo a',
      'echo b',
    ]);
  });

  it('does not take variable assignments for rules', () => {
    const m = parseMakefile('Makefile', 'A := x:y\nB ::= z\nC = a:b\n');
    expect(m.rules).toEqual([]);
  });
});
