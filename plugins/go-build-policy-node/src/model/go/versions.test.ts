import {
  compareGoVersions,
  formatGoVersion,
  isPinnedToMinor,
  parseGoVersion,
  parseGoVersionSpec,
  specSatisfies,
} from './versions';

const v = (text: string) => {
  const version = parseGoVersion(text);
  if (!version) throw new Error(`test fixture ${text} is no version`);
  return version;
};

describe('parseGoVersion', () => {
  it.each([
    ['1.23', { major: 1, minor: 23 }],
    ['1.23.4', { major: 1, minor: 23, patch: 4 }],
    ['go1.23.4', { major: 1, minor: 23, patch: 4 }],
    ['v1.23.4', { major: 1, minor: 23, patch: 4 }],
    ['1.21rc1', { major: 1, minor: 21, prerelease: { kind: 'rc', number: 1 } }],
    [
      'go1.22beta2',
      { major: 1, minor: 22, prerelease: { kind: 'beta', number: 2 } },
    ],
    [
      '1.21.0-rc.1',
      { major: 1, minor: 21, prerelease: { kind: 'rc', number: 1 } },
    ],
    ['go1.21.0-bigcorp', { major: 1, minor: 21, patch: 0 }],
    ['1', { major: 1, minor: 0, patch: 0 }],
  ])('reads %s', (text, expected) => {
    expect(parseGoVersion(text)).toEqual(expected);
  });

  it.each(['', 'latest', '1.x', '${{ matrix.go }}', 'go', '1..2', 'one.two'])(
    'rejects %s',
    text => {
      expect(parseGoVersion(text)).toBeUndefined();
    },
  );

  it('writes versions back the way Go does', () => {
    expect(
      ['1.23', '1.23.4', '1.21rc1'].map(t => formatGoVersion(v(t))),
    ).toEqual(['1.23', '1.23.4', '1.21rc1']);
  });
});

describe('compareGoVersions', () => {
  it.each([
    ['1.21', '1.21rc1', -1],
    ['1.21rc1', '1.21.0', -1],
    ['1.21rc1', '1.21rc2', -1],
    ['1.21beta1', '1.21rc1', -1],
    ['1.20', '1.20.0', 0],
    ['1.20', '1.20rc1', 1],
    ['1.9.2rc2', '1.9.2', -1],
    ['1.9.2rc2', '1.9', 1],
    ['1.22.10', '1.22.9', 1],
    ['1.23', '1.22.10', 1],
    ['go1.23.4', '1.23.4', 0],
  ])('orders %s against %s as Go does', (a, b, sign) => {
    expect(Math.sign(compareGoVersions(v(a), v(b)))).toBe(sign);
  });
});

describe('parseGoVersionSpec', () => {
  it.each([
    ['1.23.4', 'exact'],
    ['go1.23.4', 'exact'],
    ['1.21rc1', 'exact'],
    ['1.23', 'minor'],
    ['1.23.x', 'minor'],
    ['~1.23.0', 'minor'],
    ['~1.23', 'minor'],
    ['stable', 'floating'],
    ['oldstable', 'floating'],
    ['latest', 'floating'],
    ['1.x', 'floating'],
    ['1', 'floating'],
    ['^1.23', 'floating'],
    ['>=1.21', 'floating'],
    ['${{ matrix.go }}', 'unknown'],
    ['$GO_VERSION', 'unknown'],
    ['>=1.21 <1.23', 'unknown'],
    ['banana', 'unknown'],
  ])('reads %s as %s', (text, kind) => {
    expect(parseGoVersionSpec(text).kind).toBe(kind);
  });

  it('keeps the floor of a caret range', () => {
    expect(parseGoVersionSpec('^1.23')).toMatchObject({
      floor: { major: 1, minor: 23 },
    });
  });

  it('treats only exact and minor requests as pinned', () => {
    expect(
      ['1.23', '1.23.4', '1.23.x', '~1.23.0', 'stable', '1.x', '^1.23'].map(t =>
        isPinnedToMinor(parseGoVersionSpec(t)),
      ),
    ).toEqual([true, true, true, true, false, false, false]);
  });
});

describe('specSatisfies', () => {
  const satisfies = (spec: string, required: string) =>
    specSatisfies(parseGoVersionSpec(spec), v(required));

  it('lets a minor request float to the newest patch of that minor', () => {
    expect(satisfies('1.26', '1.26.3')).toBe(true);
    expect(satisfies('1.26.x', '1.26.3')).toBe(true);
    expect(satisfies('~1.26.0', '1.26.3')).toBe(true);
  });

  it('compares an exact request at patch precision', () => {
    expect(satisfies('1.26.2', '1.26.3')).toBe(false);
    expect(satisfies('1.26.3', '1.26.3')).toBe(true);
    expect(satisfies('go1.27.0', '1.26.3')).toBe(true);
  });

  it('fails a request for an older minor', () => {
    expect(satisfies('1.25', '1.26.0')).toBe(false);
    expect(satisfies('1.25.x', '1.26')).toBe(false);
  });

  it('takes a release candidate as older than its release', () => {
    expect(satisfies('1.21rc1', '1.21.0')).toBe(false);
    expect(satisfies('1.21rc1', '1.21')).toBe(true);
  });

  it('says floating requests reach the newest release and expressions are unknown', () => {
    expect(satisfies('stable', '1.26.3')).toBe(true);
    expect(satisfies('${{ env.GO }}', '1.26.3')).toBeUndefined();
  });
});
