import {
  findGoInvocations,
  goEnvWrites,
  selectsVendor,
  wordsOfLines,
} from './shellCommands';

const words = (text: string) => wordsOfLines(text, 1);

describe('findGoInvocations', () => {
  it('finds go commands after operators, assignments, sudo and sh -c', () => {
    const found = findGoInvocations(
      words(
        'set -e; CGO_ENABLED=0 go build -o /app ./...&&go test ./... || sh -c "go mod download"',
      ),
    );
    expect(found.map(f => f.subcommand)).toEqual([
      'build',
      'test',
      'mod download',
    ]);
    expect(found[0].args).toEqual(['-o', '/app', './...']);
  });

  it('ignores go as an argument of another command', () => {
    expect(findGoInvocations(words('echo go build && apk add go'))).toEqual([]);
  });

  it('reads go -C dir and a full path to the go binary', () => {
    expect(
      findGoInvocations(words('go -C cmd/app build .'))[0].subcommand,
    ).toBe('build');
    expect(
      findGoInvocations(words('/usr/local/go/bin/go install ./cmd/x'))[0]
        .subcommand,
    ).toBe('install');
  });

  it('records make and goreleaser as indirect builds', () => {
    expect(findGoInvocations(words('make build'))[0]).toMatchObject({
      subcommand: 'build',
      via: 'make',
    });
    expect(
      findGoInvocations(words('goreleaser build --snapshot'))[0],
    ).toMatchObject({ via: 'goreleaser' });
  });

  it('keeps the line of each invocation', () => {
    expect(
      findGoInvocations(wordsOfLines('set -e\n# go build\ngo vet ./...', 10)),
    ).toEqual([{ subcommand: 'vet', args: ['./...'], line: 12 }]);
  });
});

describe('goEnvWrites and selectsVendor', () => {
  it('reads go env -w assignments', () => {
    const invocations = findGoInvocations(
      words('go env -w GOPRIVATE=github.com/acme/* GONOSUMDB=x'),
    );
    expect(goEnvWrites(invocations).map(w => [w.name, w.value])).toEqual([
      ['GOPRIVATE', 'github.com/acme/*'],
      ['GONOSUMDB', 'x'],
    ]);
  });

  it('recognises -mod=vendor in both spellings', () => {
    expect(selectsVendor(['-mod=vendor'])).toBe(true);
    expect(selectsVendor(['-mod', 'vendor'])).toBe(true);
    expect(selectsVendor(['-mod=mod'])).toBe(false);
  });
});
