import { proposeFix, scanSnapshot } from '../../engine/scan';
import {
  changedLines,
  expectFixMakesRulePass,
  expectNoFix,
} from '../../fixes/testing/fixProof';
import { snapshotFromFiles } from '../../snapshot/RepositorySnapshot';

const RULE = 'docker-context-ignore';
const GO_MOD = 'module example.com/app\n\ngo 1.23\n';
const lines = (...l: string[]) => `${l.join('\n')}\n`;
const BUILD = lines(
  'FROM golang:1.23 AS build',
  'WORKDIR /src',
  'COPY go.mod go.sum ./',
  'RUN go mod download',
  'COPY . .',
  'RUN go build -o /app .',
);

describe('docker-context-ignore fix', () => {
  it('creates a root .dockerignore, leaving out outputs the tree or a COPY uses', () => {
    const proposal = expectFixMakesRulePass(
      {
        'go.mod': GO_MOD,
        'go.sum': '',
        'dist/README.md': 'release notes\n',
        Dockerfile: lines(
          'FROM golang:1.23',
          'COPY . .',
          'RUN go build -o /app .',
          'FROM alpine',
          'COPY bin/healthcheck /usr/local/bin/',
        ),
      },
      RULE,
    );
    expect(proposal.edits.map(e => [e.path, e.before])).toEqual([
      ['.dockerignore', undefined],
    ]);
    expect(proposal.edits[0].after).toBe(
      lines('.git', '# build outputs', '*.test', 'coverage.out'),
    );
  });

  it('appends .git to an existing file, keeping CRLF and a re-include before it', () => {
    const proposal = expectFixMakesRulePass(
      {
        'go.mod': GO_MOD,
        'go.sum': '',
        Dockerfile: BUILD,
        '.dockerignore': '# local\r\n*\r\n!.git\r\n!*.go\r\n!go.*',
      },
      RULE,
    );
    expect(changedLines(proposal)['.dockerignore']).toEqual({
      removed: ['!go.*'],
      added: ['!go.*\r', '.git\r'],
    });
    expect(proposal.edits[0].after).toBe(
      '# local\r\n*\r\n!.git\r\n!*.go\r\n!go.*\r\n.git\r\n',
    );
  });

  it('completes the per-Dockerfile ignore file when that is the one in effect', () => {
    const proposal = expectFixMakesRulePass(
      {
        'go.mod': GO_MOD,
        'go.sum': '',
        'build/Dockerfile': BUILD,
        'build/Dockerfile.dockerignore': 'bin/\n',
      },
      RULE,
    );
    expect(proposal.edits).toEqual([
      {
        path: 'build/Dockerfile.dockerignore',
        before: 'bin/\n',
        after: 'bin/\n.git\n',
      },
    ]);
  });

  it('writes the ignore file of the context a workflow builds with', () => {
    const proposal = expectFixMakesRulePass(
      {
        'services/api/go.mod': GO_MOD,
        'services/api/go.sum': '',
        'services/api/build/Dockerfile': BUILD,
        '.github/workflows/image.yml': lines(
          'on: push',
          'jobs:',
          '  image:',
          '    runs-on: ubuntu-latest',
          '    steps:',
          '      - uses: actions/checkout@v4',
          '      - uses: docker/build-push-action@v6',
          '        with:',
          '          context: ./services/api',
          '          file: services/api/build/Dockerfile',
        ),
      },
      RULE,
    );
    expect(proposal.edits.map(e => e.path)).toEqual([
      'services/api/.dockerignore',
    ]);
  });

  it('writes the ignore file of the module a subdirectory Dockerfile builds', () => {
    const proposal = expectFixMakesRulePass(
      {
        'services/api/go.mod': GO_MOD,
        'services/api/go.sum': '',
        'services/api/Dockerfile': BUILD,
      },
      RULE,
    );
    expect(proposal.edits.map(e => e.path)).toEqual([
      'services/api/.dockerignore',
    ]);
  });

  it('offers no fix when the ignore file cannot be read', () => {
    const snapshot = snapshotFromFiles({
      'go.mod': GO_MOD,
      Dockerfile: BUILD,
      '.dockerignore': { kind: 'binary' },
    });
    const finding = scanSnapshot(snapshot, { fixes: false }).findings.find(
      f => f.ruleId === RULE,
    );
    expect(finding?.status).toBe('fail');
    expect(proposeFix(snapshot, RULE)).toBeUndefined();
  });

  it('offers no fix when it cannot tell which context a Dockerfile is built from', () => {
    expectNoFix(
      {
        'a/go.mod': 'module example.com/a\n\ngo 1.23\n',
        'b/go.mod': 'module example.com/b\n\ngo 1.23\n',
        'deploy/Dockerfile': BUILD,
      },
      RULE,
    );
  });
});
