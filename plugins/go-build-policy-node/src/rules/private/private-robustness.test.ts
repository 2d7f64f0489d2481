import { RuleContext } from '../../engine/RuleContext';
import { scanSnapshot } from '../../engine/scan';
import { snapshotFromFiles } from '../../snapshot/RepositorySnapshot';
import { privateRules } from '.';
import { GO_MOD, workflow } from './__testUtils__/fixtures';

const PRIVATE_IDS = privateRules.map(r => r.id);

function privateFindings(files: Record<string, string | { kind: 'binary' }>) {
  const result = scanSnapshot(snapshotFromFiles(files), {
    settings: { privateModules: ['github.com/acme/*'] },
  });
  return result.findings.filter(f => PRIVATE_IDS.includes(f.ruleId));
}

describe('private rules on hostile input', () => {
  it('never reports a rule crash on garbage, binary, truncated or adversarial files', () => {
    const inputs: Array<Record<string, string | { kind: 'binary' }>> = [
      { 'go.mod': '\u0000\u0001\u0002', Dockerfile: { kind: 'binary' } },
      {
        'go.mod': GO_MOD.slice(0, 30),
        '.github/workflows/ci.yml': 'jobs: {test: {steps: [{run: "',
      },
      {
        'go.mod': GO_MOD,
        Dockerfile: 'FROM golang\nRUN go build "unterminated \\\n',
      },
      {
        'go.mod': GO_MOD,
        '.github/workflows/ci.yml': workflow({
          env: '  GOPRIVATE: "[[[*\\\\"',
          steps: "      - run: go env -w GOPRIVATE='\n      - run: go build",
        }),
      },
      { 'go.mod': GO_MOD, Makefile: 'export GOSUMDB\n\tgo build\n' },
    ];
    for (const files of inputs) {
      for (const finding of privateFindings(files)) {
        expect(finding.message).not.toContain(
          'could not evaluate this repository',
        );
      }
    }
  });

  it('evaluates an enormous run script and Dockerfile quickly once the models are built', () => {
    const scriptLine =
      '          echo "$(date) ${{ github.sha }}" && go env -w GOFLAGS=-mod=mod\n';
    const script = `      - run: |\n${scriptLine.repeat(5000)}`;
    const runLine =
      'RUN GOPRIVATE=github.com/acme/* go build ./... && echo "a"\n';
    const dockerfile = `FROM golang:1.23\n${runLine.repeat(300)}`;
    const context = contextOf({
      'go.mod': GO_MOD,
      '.github/workflows/ci.yml': workflow({
        steps: `${script}      - run: go build ./...`,
      }),
      Dockerfile: dockerfile,
    });
    const ms = timeRules(context);
    expect(ms).toBeLessThan(2000);
    expect(privateRules.map(r => r.evaluate(context).status)).toEqual([
      'fail',
      'fail',
      'fail',
      'pass',
    ]);
  });

  it('evaluates a typical repository in about a millisecond', () => {
    const files = {
      'go.mod': GO_MOD,
      'go.sum': '',
      '.github/workflows/ci.yml': workflow({
        env: '  GOPRIVATE: github.com/acme/*',
      }),
      Dockerfile:
        'FROM golang:1.23 AS builder\nENV GOPRIVATE=github.com/acme/*\nCOPY go.* ./\nRUN go mod download\nCOPY . .\nRUN go build -o /app .\n',
    };
    timeRules(contextOf(files));
    const runs = 20;
    let total = 0;
    for (let i = 0; i < runs; i++) total += timeRules(contextOf(files));
    // About 0.5 ms on a quiet core; the bound leaves room for a busy shared machine.
    expect(total / runs).toBeLessThan(10);
  });
});

function contextOf(files: Record<string, string>): RuleContext {
  const context = new RuleContext(snapshotFromFiles(files), {
    privateModules: ['github.com/acme/*'],
  });
  void [context.go, context.workflows, context.docker];
  return context;
}

/** Milliseconds the four private rules take on a context whose models are built. */
function timeRules(context: RuleContext): number {
  const start = process.hrtime.bigint();
  for (const rule of privateRules) rule.evaluate(context);
  return Number(process.hrtime.bigint() - start) / 1e6;
}
