import {
  dockerignoreExcludes,
  dockerignoreFor,
  parseDockerignore,
} from './dockerignore';
import { DockerfileModel, DockerModel } from './types';

const parse = (
  text: string,
  path = '.dockerignore',
  dockerfiles: string[] = [],
) => parseDockerignore(path, { text }, new Set(dockerfiles));

describe('parseDockerignore', () => {
  it('keeps patterns with lines, drops comments and blank lines, and cleans paths', () => {
    const file = parse(
      '\uFEFF# comment\n\n  /.git/  \n!./keep.md\nbuild/../dist\n',
    );
    expect(file.patterns).toEqual([
      { pattern: '.git', negated: false, line: 3 },
      { pattern: 'keep.md', negated: true, line: 4 },
      { pattern: 'dist', negated: false, line: 5 },
    ]);
  });

  it('takes a line starting with whitespace before # as a pattern, as BuildKit does', () => {
    expect(parse(' # not a comment\n').patterns[0].pattern).toBe(
      '# not a comment',
    );
  });

  it('links <Dockerfile>.dockerignore to its Dockerfile', () => {
    const file = parse('.git\n', 'build/api.Dockerfile.dockerignore', [
      'build/api.Dockerfile',
    ]);
    expect(file.forDockerfile).toBe('build/api.Dockerfile');
    expect(file.directory).toBe('build');
  });

  it('keeps the reason when the file could not be read', () => {
    const file = parseDockerignore(
      '.dockerignore',
      { error: 'the file is binary' },
      new Set(),
    );
    expect(file).toMatchObject({ error: 'the file is binary', patterns: [] });
  });
});

describe('dockerignoreExcludes', () => {
  it.each([
    ['.git', '.git/HEAD', true],
    ['**/.git', '.git/HEAD', true],
    ['.*', '.git/HEAD', true],
    ['*', '.git/HEAD', true],
    ['.g?t', '.git/HEAD', true],
    ['.[gh]it', '.git/HEAD', true],
    ['bin', '.git/HEAD', false],
    ['*/.git', '.git/HEAD', false],
    ['docs/**/*.md', 'docs/a/b/c.md', true],
    ['docs/*.md', 'docs/a/c.md', false],
  ])('pattern %s on %s gives %s', (pattern, path, excluded) => {
    expect(dockerignoreExcludes(parse(`${pattern}\n`), path).excluded).toBe(
      excluded,
    );
  });

  it('lets the last matching pattern win, negations included', () => {
    const file = parse('*\n!.git\n');
    expect(dockerignoreExcludes(file, '.git/HEAD')).toEqual({
      excluded: false,
      pattern: { pattern: '.git', negated: true, line: 2 },
    });
  });

  it('stays fast on adversarial globs', () => {
    const file = parse(`${'*a'.repeat(40)}b\n${'**/'.repeat(40)}x\n`);
    const started = Date.now();
    dockerignoreExcludes(file, `${'a'.repeat(200)}/${'a/'.repeat(50)}c`);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('dockerignoreFor', () => {
  const dockerfile = {
    path: 'svc/Dockerfile',
    directory: 'svc',
  } as DockerfileModel;

  it('prefers the Dockerfile-specific file, then the context root', () => {
    const specific = parse('.git\n', 'svc/Dockerfile.dockerignore', [
      'svc/Dockerfile',
    ]);
    const root = parse('bin\n');
    const model: DockerModel = {
      dockerfiles: [dockerfile],
      dockerignores: [root, specific],
    };
    expect(dockerignoreFor(model, dockerfile, '')).toBe(specific);
    expect(
      dockerignoreFor({ ...model, dockerignores: [root] }, dockerfile, ''),
    ).toBe(root);
    expect(
      dockerignoreFor({ ...model, dockerignores: [root] }, dockerfile, 'svc'),
    ).toBeUndefined();
  });
});
