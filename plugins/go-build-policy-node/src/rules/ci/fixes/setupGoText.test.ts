import { setStepInput } from '../../../fixes/workflowText';
import { addScheduleTrigger, removeStep } from './setupGoText';

const WORKFLOW = [
  'on:',
  '  push:',
  'jobs:',
  '  test:',
  '    steps:',
  '      - uses: actions/checkout@v4',
  '      # Restores modules.',
  '      - uses: actions/cache@v4',
  '        with:',
  '          path: ~/go/pkg/mod',
  '',
  '      - run: go test ./...',
  '',
].join('\n');

const span = (startLine: number, endLine: number) => ({
  path: 'ci.yml',
  startLine,
  endLine,
});

describe('setupGoText', () => {
  it('removes a step with the comment that introduces it', () => {
    expect(removeStep(WORKFLOW, span(8, 10))).toBe(
      WORKFLOW.replace(
        '      # Restores modules.\n      - uses: actions/cache@v4\n        with:\n          path: ~/go/pkg/mod\n',
        '',
      ),
    );
  });

  it('refuses a span that does not start a block sequence item', () => {
    expect(removeStep(WORKFLOW, span(9, 10))).toBeUndefined();
    expect(removeStep('steps: [{uses: a}, {uses: b}]\n', span(1, 1))).toBe(
      undefined,
    );
    expect(removeStep(WORKFLOW, span(40, 41))).toBeUndefined();
  });

  it('adds a weekly schedule as the last trigger of a block `on:` map', () => {
    expect(addScheduleTrigger(WORKFLOW, '17 3 * * 1')).toBe(
      WORKFLOW.replace(
        '  push:\n',
        "  push:\n  schedule:\n    - cron: '17 3 * * 1'\n",
      ),
    );
  });

  it('leaves scalar and list `on:` forms and scheduled workflows alone', () => {
    expect(addScheduleTrigger('on: push\njobs: {}\n', '0 0 * * 0')).toBe(
      undefined,
    );
    expect(
      addScheduleTrigger('on: [push, pull_request]\njobs: {}\n', '0 0 * * 0'),
    ).toBeUndefined();
    expect(
      addScheduleTrigger(
        "on:\n  schedule:\n    - cron: '1 1 * * 1'\njobs: {}\n",
        '0 0 * * 0',
      ),
    ).toBeUndefined();
  });

  it('writes booleans plainly', () => {
    const after = setStepInput(WORKFLOW, 8, 'lookup-only', false);
    expect(after).toContain(
      '          path: ~/go/pkg/mod\n          lookup-only: false\n',
    );
    expect(setStepInput(WORKFLOW, 99, 'cache', true)).toBeUndefined();
  });
});
