import { parseYaml, YamlFile } from './yaml';

function parsed(text: string): YamlFile {
  const result = parseYaml(text);
  if (!result.ok)
    throw new Error(`unexpected parse issue: ${result.issue.message}`);
  return result.file;
}

describe('parseYaml', () => {
  it('keeps `on` as a string key, as GitHub Actions reads it', () => {
    const file = parsed('on: push\n');
    expect(file.entries(file.root).map(e => e.key)).toEqual(['on']);
    expect(file.string(file.get(file.root, 'on'))).toBe('push');
  });

  it('gives 1-based line ranges of nodes', () => {
    const file = parsed(
      'a: 1\njobs:\n  build:\n    runs-on: x\n    steps: []\n\n',
    );
    const jobs = file.entry(file.root, 'jobs')!;
    expect(file.lines(jobs.keyNode, jobs.value)).toEqual({
      startLine: 2,
      endLine: 5,
    });
    expect(file.line(file.get(file.get(jobs.value, 'build'), 'runs-on'))).toBe(
      4,
    );
  });

  it('keeps the source spelling of numbers', () => {
    const file = parsed('go-version: 1.20\n');
    expect(file.string(file.get(file.root, 'go-version'))).toBe('1.20');
  });

  it('reports broken YAML as an issue with its line', () => {
    const result = parseYaml('a: 1\nb: [1, 2\nc: 3\n');
    expect(result).toMatchObject({ ok: false, issue: { line: 3 } });
  });

  it('reports duplicate keys as an issue', () => {
    expect(parseYaml('a: 1\na: 2\n').ok).toBe(false);
  });

  it('refuses input above the size limit', () => {
    const result = parseYaml('a: 1\n', { maxBytes: 3 });
    expect(result.ok).toBe(false);
  });

  it('refuses binary input', () => {
    expect(parseYaml('a: \u0000\u0001').ok).toBe(false);
  });

  it('stops expanding an alias bomb', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 12; i++) {
      const prev = String.fromCharCode(96 + i);
      const next = String.fromCharCode(97 + i);
      lines.push(`${next}: &${next} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const file = parsed(`${lines.join('\n')}\n`);
    const last = file.get(file.root, 'l');
    const started = Date.now();
    expect(file.toJS(last)).toBeUndefined();
    let visited = 0;
    const walk = (node: unknown, depth: number): void => {
      visited++;
      if (depth < 20)
        for (const item of file.items(node)) walk(item, depth + 1);
    };
    walk(last, 0);
    expect(file.aliasLimitReached).toBe(true);
    expect(visited).toBeLessThan(10_000);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('survives deeply nested flow collections', () => {
    const text = `${'['.repeat(20000)}${']'.repeat(20000)}`;
    expect(() => parseYaml(text)).not.toThrow();
  });

  it('tolerates accessors on the wrong node kinds', () => {
    const file = parsed('a: 1\n');
    expect(file.get(file.get(file.root, 'a'), 'b')).toBeUndefined();
    expect(file.items(file.root)).toEqual([]);
    expect(file.entries(file.get(file.root, 'a'))).toEqual([]);
  });
});
