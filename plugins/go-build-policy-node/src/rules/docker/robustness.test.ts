import { RuleContext } from '../../engine/RuleContext';
import {
  snapshotFromFiles,
  SnapshotFile,
} from '../../snapshot/RepositorySnapshot';
import { toolchainDockerVersionRule } from '../toolchain/toolchain-docker-version';
import { dockerRules } from '.';

const RULES = [...dockerRules, toolchainDockerVersionRule];

function evaluateAll(
  dockerfile: string | SnapshotFile,
  extra: Record<string, string | SnapshotFile> = {},
) {
  const snapshot = snapshotFromFiles({
    'go.mod': 'module example.com/app\n\ngo 1.23\n',
    Dockerfile: dockerfile,
    ...extra,
  });
  const context = new RuleContext(snapshot, { privateModules: [] });
  return RULES.map(rule => ({ id: rule.id, ...rule.evaluate(context) }));
}

function randomText(length: number, seed: number): string {
  let state = seed;
  let text = '';
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) % 2147483648;
    text += String.fromCharCode(state % 5 === 0 ? 10 : 32 + (state % 95));
  }
  return text;
}

describe('docker rules on hostile input', () => {
  it('give an error naming the file when the only Dockerfile is binary, too large or unreadable', () => {
    for (const file of [
      { kind: 'binary' } as const,
      { kind: 'too-large', size: 50_000_000 } as const,
      { kind: 'unavailable', reason: 'GitHub answered 502' } as const,
    ]) {
      for (const result of evaluateAll(file)) {
        expect(result.status).toBe('error');
        expect(result.message).toContain('`Dockerfile`');
      }
    }
  });

  it('are not applicable for an empty Dockerfile', () => {
    for (const result of evaluateAll(''))
      expect(result.status).toBe('not-applicable');
  });

  it('are not applicable for FROM scratch with a copied binary', () => {
    for (const result of evaluateAll(
      'FROM scratch\nCOPY bin/app /app\nENTRYPOINT ["/app"]\n',
    )) {
      expect(result.status).toBe('not-applicable');
    }
  });

  it('survive random garbage, truncated heredocs and odd flags', () => {
    const inputs = [
      randomText(20000, 7),
      randomText(20000, 42),
      'FROM golang:1.23\nRUN <<EOF\ngo build .\n',
      'FROM golang:1.23\nRUN --mount= --mount=type= --mount=,,,= go build .\n',
      'FROM golang:1.23 AS a\nFROM a AS a\nFROM a\nCOPY --from=a . .\nRUN go build .\n',
      'FROM\nRUN\nCOPY\nARG\nENV\nUSER\nWORKDIR\n',
      'FROM ${\nRUN go build ${${${\n',
      'FROM golang:1.23\nRUN ["go", "build"\n',
      '\\\n\\\n\\\n',
    ];
    for (const input of inputs) {
      for (const result of evaluateAll(input)) {
        expect(['pass', 'fail', 'warn', 'not-applicable', 'error']).toContain(
          result.status,
        );
        expect(typeof result.message).toBe('string');
      }
    }
  });

  it('evaluate a 10,000-line Dockerfile without hanging', () => {
    const lines = [
      'FROM golang:1.23 AS build',
      'COPY go.mod go.sum ./',
      'RUN go mod download',
      'COPY . .',
    ];
    // 2,000 RUNs of five lines each: continuations, a comment, flags and several commands.
    for (let i = 0; i < 2000; i++) {
      lines.push(
        `RUN --network=none CGO_ENABLED=0 \\`,
        `    # build ${i}`,
        `    go build -o /out/app${i} \\`,
        `    ./cmd/app${i} && \\`,
        `    go test ./pkg/${i}`,
      );
    }
    const started = Date.now();
    const results = evaluateAll(lines.join('\n'));
    expect(Date.now() - started).toBeLessThan(20000);
    expect(
      results.find(r => r.id === 'docker-mod-download-layer')?.status,
    ).toBe('pass');
    expect(results.find(r => r.id === 'docker-cache-mounts')?.status).toBe(
      'fail',
    );
  }, 30000);
});
