import {
  addInstructionFlags,
  appendLines,
  applyLineEdits,
  insertLinesBefore,
  lineEnding,
  replaceLines,
} from './dockerfileText';

describe('dockerfileText', () => {
  it('detects CRLF and keeps it for new lines', () => {
    const text = 'FROM golang:1.23\r\n  COPY . .\r\n';
    expect(lineEnding(text)).toBe('\r\n');
    expect(insertLinesBefore(text, 2, ['COPY go.mod ./'])).toBe(
      'FROM golang:1.23\r\n  COPY go.mod ./\r\n  COPY . .\r\n',
    );
  });

  it('replaces and deletes line ranges, keeping a missing final newline', () => {
    const text = 'A\nB\nC';
    expect(replaceLines(text, { startLine: 3, endLine: 3 }, ['D'])).toBe(
      'A\nB\nD',
    );
    expect(replaceLines(text, { startLine: 2, endLine: 3 }, [])).toBe('A');
    expect(replaceLines(text, { startLine: 1, endLine: 1 }, ['X', 'Y'])).toBe(
      'X\nY\nB\nC',
    );
  });

  it('rejects line ranges outside the file with a clear error', () => {
    expect(() => replaceLines('A\n', { startLine: 2, endLine: 2 }, [])).toThrow(
      'Lines 2-2 are not in a file of 1 lines',
    );
  });

  it('appends after an unterminated last line', () => {
    expect(appendLines('bin/', ['.git'])).toBe('bin/\n.git\n');
    expect(appendLines('', ['.git'])).toBe('.git\n');
  });

  it('adds flags on continued lines and leaves the rest of the RUN untouched', () => {
    const text = 'RUN go build \\\n    # comment\n    -o /app .\n';
    expect(addInstructionFlags(text, 1, ['--mount=a', '--mount=b'])).toBe(
      'RUN --mount=a \\\n    --mount=b \\\n    go build \\\n    # comment\n    -o /app .\n',
    );
  });

  it('takes over a RUN that starts with a continuation, and the escape directive', () => {
    expect(addInstructionFlags('run \\\n  go test ./...\n', 1, ['--m=x'])).toBe(
      'run --m=x \\\n  go test ./...\n',
    );
    expect(addInstructionFlags('RUN go build .\n', 1, ['--m=x'], '`')).toBe(
      'RUN --m=x `\n    go build .\n',
    );
  });

  it('applies a batch against the original line numbers', () => {
    const text = 'FROM x\nCOPY . .\nRUN go mod download\nRUN go build .\n';
    expect(
      applyLineEdits(text, [
        { kind: 'insert-before', line: 2, lines: ['COPY go.mod ./', 'RUN d'] },
        { kind: 'replace', startLine: 3, endLine: 3, lines: [] },
        { kind: 'add-flags', line: 4, flags: ['--mount=c'] },
      ]),
    ).toBe(
      'FROM x\nCOPY go.mod ./\nRUN d\nCOPY . .\nRUN --mount=c \\\n    go build .\n',
    );
  });
});
