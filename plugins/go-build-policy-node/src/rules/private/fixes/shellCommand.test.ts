import { removeCommandAt } from './shellCommand';

const remove = (line: string, word: string, continues = false) =>
  removeCommandAt(line, line.indexOf(word), continues);

describe('removeCommandAt', () => {
  it('removes a command and one separator of a chain', () => {
    expect(remove('go env -w GOSUMDB=off && go build', 'GOSUMDB')).toEqual({
      kind: 'line',
      text: 'go build',
    });
    expect(
      remove('go vet; go env -w GOSUMDB=off; go build', 'GOSUMDB'),
    ).toEqual({
      kind: 'line',
      text: 'go vet; go build',
    });
    expect(remove('go vet && export GOSUMDB=off', 'GOSUMDB')).toEqual({
      kind: 'line',
      text: 'go vet',
    });
  });

  it('keeps RUN and the continuation of a Dockerfile instruction', () => {
    expect(remove('RUN go env -w GOSUMDB=off && \\', 'GOSUMDB')).toEqual({
      kind: 'line',
      text: 'RUN \\',
    });
    expect(remove('RUN go env -w GOSUMDB=off', 'GOSUMDB')).toEqual({
      kind: 'remove-line',
    });
    expect(remove('    go env -w GOSUMDB=off && \\', 'GOSUMDB', true)).toEqual({
      kind: 'remove-line',
    });
  });

  it('ignores separators inside quotes', () => {
    expect(
      remove('echo "GOSUMDB=off; x" >> "$GITHUB_ENV" && go build', 'GOSUMDB'),
    ).toEqual({
      kind: 'line',
      text: 'go build',
    });
  });

  it('refuses to leave a dangling continuation behind', () => {
    expect(remove('    go env -w GOSUMDB=off', 'GOSUMDB', true)).toEqual({
      kind: 'unsupported',
    });
  });
});
