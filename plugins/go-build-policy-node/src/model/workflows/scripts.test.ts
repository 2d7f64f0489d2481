import { buildsOrTests, goCommands } from './scripts';

function commandsOf(text: string) {
  return goCommands({ text, line: 1 });
}

describe('buildsOrTests', () => {
  it('counts go build, go test and installs of the repository code', () => {
    for (const text of [
      'go build ./...',
      'go test -race ./...',
      'go install ./cmd/api',
    ]) {
      expect(commandsOf(text).some(buildsOrTests)).toBe(true);
    }
  });

  it('does not count installing or running a tool at a version, nor go vet', () => {
    for (const text of [
      'go install golang.org/x/tools/cmd/goimports@v0.24.0',
      'go run golang.org/x/vuln/cmd/govulncheck@latest ./...',
      'go vet ./...',
    ]) {
      expect(commandsOf(text).some(buildsOrTests)).toBe(false);
    }
  });
});
