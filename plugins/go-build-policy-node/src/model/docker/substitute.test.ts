import { referencedNames, substitute } from './substitute';

const scope = new Map<string, string | undefined>([
  ['GO_VERSION', '1.23'],
  ['EMPTY', ''],
  ['UNSET', undefined],
]);

describe('substitute', () => {
  it.each([
    ['golang:${GO_VERSION}-alpine', 'golang:1.23-alpine', false],
    ['golang:$GO_VERSION', 'golang:1.23', false],
    ['${MISSING:-1.22}', '1.22', false],
    ['${EMPTY:-x}', 'x', false],
    ['${EMPTY-x}', '', false],
    ['${GO_VERSION:+set}', 'set', false],
    ['golang:${UNSET}', 'golang:', true],
    ['golang:${NOPE', 'golang:${NOPE', true],
    ['cost \\$5', 'cost $5', false],
    ['$', '$', false],
  ])('%s gives %s', (text, value, unresolved) => {
    expect(substitute(text, scope)).toEqual({ value, unresolved });
  });

  it('is linear on long adversarial input', () => {
    const text = '${'.repeat(20000) + '$A'.repeat(20000);
    const started = Date.now();
    substitute(text, scope);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('referencedNames', () => {
  it('lists variables referenced in both forms', () => {
    expect([...referencedNames('https://${USER}:$TOKEN@host/${X:-y}')]).toEqual(
      ['USER', 'TOKEN', 'X'],
    );
  });
});

describe('substitute on deep nesting', () => {
  it('stops at a bounded depth instead of recursing through the whole input', () => {
    const text = `${'${A:-'.repeat(50000)}x${'}'.repeat(50000)}`;
    const started = Date.now();
    expect(substitute(text, scope).unresolved).toBe(true);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
