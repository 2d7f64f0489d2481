import { evaluateTemplate, ExpressionScope } from './expressions';

function scope(overrides: Partial<ExpressionScope> = {}): ExpressionScope {
  return { env: new Map(), stepOutputs: {}, actionOutputs: {}, ...overrides };
}

describe('evaluateTemplate', () => {
  it('substitutes matrix values and keeps runner and per-run contexts symbolic', () => {
    const value = evaluateTemplate(
      '${{ runner.os }}-go${{ matrix.go }}-${{ github.sha }}',
      scope({ matrix: { go: '1.23' } }),
    );
    expect(value.text).toBe('${{ runner.os }}-go1.23-${{ github.sha }}');
    expect(value.parts.map(p => p.kind)).toEqual([
      'context',
      'literal',
      'context',
    ]);
  });

  it('expands a matrix key the matrix does not define to an empty string', () => {
    expect(
      evaluateTemplate('a-${{ matrix.nope }}-b', scope({ matrix: { go: '1' } }))
        .text,
    ).toBe('a--b');
  });

  it('keeps matrix references unknown when the matrix is computed at run time', () => {
    expect(
      evaluateTemplate('${{ matrix.os }}', scope({ matrixUnknown: true }))
        .hasUnknown,
    ).toBe(true);
  });

  it('reads hashFiles patterns', () => {
    const value = evaluateTemplate(
      "${{ hashFiles('**/go.sum', 'tools/go.sum') }}",
      scope(),
    );
    expect(value.parts).toEqual([
      { kind: 'hashFiles', patterns: ['**/go.sum', 'tools/go.sum'] },
    ]);
  });

  it('evaluates format(), join() and the || default idiom', () => {
    const s = scope({
      matrix: { os: 'linux', list: '["a","b"]' },
      inputs: { v: '' },
    });
    expect(
      evaluateTemplate("${{ format('{0}-go-{1}', matrix.os, 'x') }}", s).text,
    ).toBe('linux-go-x');
    expect(evaluateTemplate("${{ join(matrix.list, '+') }}", s).text).toBe(
      'a+b',
    );
    expect(evaluateTemplate("${{ inputs.v || '1.23' }}", s).text).toBe('1.23');
  });

  it('follows env values that hold expressions', () => {
    const s = scope({
      env: new Map([['KEY', 'go-${{ matrix.go }}']]),
      matrix: { go: '1.22' },
    });
    expect(evaluateTemplate('${{ env.KEY }}', s).text).toBe('go-1.22');
  });

  it('turns shell substitutions of step outputs into command parts', () => {
    const s = scope({ stepOutputs: { p: { dir: '$(go env GOMODCACHE)' } } });
    expect(evaluateTemplate('${{ steps.p.outputs.dir }}', s).parts).toEqual([
      { kind: 'command', command: 'go env GOMODCACHE' },
    ]);
  });

  it('keeps outputs of steps it cannot follow unknown, and setup-go outputs symbolic', () => {
    const s = scope({ actionOutputs: { go: 'actions/setup-go' } });
    expect(
      evaluateTemplate('${{ steps.other.outputs.key }}', s).hasUnknown,
    ).toBe(true);
    expect(
      evaluateTemplate('${{ steps.go.outputs.go-version }}', s).parts[0],
    ).toEqual({ kind: 'context', name: 'steps.go.outputs.go-version' });
  });

  it('keeps comparisons of run-time values unknown, never false', () => {
    const value = evaluateTemplate(
      "${{ github.event_name == 'push' }}",
      scope(),
    );
    expect(value.hasUnknown).toBe(true);
  });

  it('stops on self-referencing env values', () => {
    const s = scope({ env: new Map([['A', '${{ env.A }}x']]) });
    expect(evaluateTemplate('${{ env.A }}', s).hasUnknown).toBe(true);
  });

  it('survives garbage expressions', () => {
    for (const text of [
      '${{',
      '${{ }}',
      "${{ 'unterminated }}",
      '${{ a.( }}',
      '${{ ((((((((((((((((((((((((((((((((((((((a }}',
    ]) {
      expect(() => evaluateTemplate(text, scope())).not.toThrow();
    }
  });
});
