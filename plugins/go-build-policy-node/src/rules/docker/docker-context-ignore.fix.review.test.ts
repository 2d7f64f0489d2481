/** Review cases for the docker-context-ignore fix: existing .dockerignore files of every shape. */
import {
  changedLines,
  expectFixMakesRulePass,
} from '../../fixes/testing/fixProof';
import { expectWellFormedEdits } from '../../fixes/testing/reviewChecks';

const RULE = 'docker-context-ignore';
const lines = (...l: string[]) => `${l.join('\n')}\n`;
const base = {
  'go.mod':
    'module example.com/app\n\ngo 1.23\n\nrequire github.com/pkg/errors v0.9.1\n',
  'go.sum': 'github.com/pkg/errors v0.9.1 h1:abc=\n',
};
const DOCKERFILE = lines(
  'FROM golang:1.23',
  'WORKDIR /src',
  'COPY . .',
  'RUN go build ./...',
);

describe('docker-context-ignore fix, on real-world contexts', () => {
  it('appends .git to a CRLF .dockerignore without a final newline, keeping its line endings', () => {
    const proposal = expectFixMakesRulePass(
      { ...base, Dockerfile: DOCKERFILE, '.dockerignore': 'bin\r\n*.md' },
      RULE,
    );
    expectWellFormedEdits(proposal);
    expect(proposal.edits).toEqual([
      {
        path: '.dockerignore',
        before: 'bin\r\n*.md',
        after: 'bin\r\n*.md\r\n.git\r\n',
      },
    ]);
  });

  it('re-excludes .git after a negation that let it in', () => {
    const proposal = expectFixMakesRulePass(
      {
        ...base,
        Dockerfile: DOCKERFILE,
        '.dockerignore': lines('*', '!go.mod', '!go.sum', '!cmd/', '!.git'),
      },
      RULE,
    );
    expect(changedLines(proposal)['.dockerignore']).toEqual({
      removed: [],
      added: ['.git'],
    });
  });

  it('does not ignore a build-output folder that the Dockerfile copies', () => {
    const proposal = expectFixMakesRulePass(
      {
        ...base,
        Dockerfile: lines(
          'FROM golang:1.23 AS build',
          'WORKDIR /src',
          'COPY . .',
          'RUN go build -o bin/app ./...',
          'FROM scratch',
          'COPY dist/ /dist/',
        ),
      },
      RULE,
    );
    const added = changedLines(proposal)['.dockerignore'].added;
    expect(added).toContain('.git');
    expect(added).not.toContain('dist/');
  });
});
