import { narrowTriggers } from './jobCondition';
import { classifyTriggers } from './triggers';

const triggers = classifyTriggers([
  { name: 'push', line: 3 },
  { name: 'pull_request', line: 4 },
  { name: 'release', line: 5, types: ['published'] },
  { name: 'workflow_dispatch', line: 6 },
]);

describe('narrowTriggers', () => {
  it('keeps the triggers when there is no condition or it cannot be decided', () => {
    expect(narrowTriggers(triggers, undefined)).toBe(triggers);
    expect(narrowTriggers(triggers, "github.actor == 'bot'")).toBe(triggers);
    expect(narrowTriggers(triggers, 'not an ( expression')).toBe(triggers);
    // Text around `${{ }}` makes a string, which is always truthy.
    expect(
      narrowTriggers(triggers, "x ${{ github.event_name == 'release' }}"),
    ).toBe(triggers);
  });

  it('limits a job to tag pushes and releases by a tag condition', () => {
    const narrowed = narrowTriggers(
      triggers,
      "${{ startsWith(github.ref, 'refs/tags/') }}",
    );
    expect(narrowed.routine).toBe(false);
    expect(narrowed.tagPush).toBe(true);
    expect(narrowed.release).toBe(true);
    expect(narrowed.events.map(e => e.name)).toEqual([
      'push',
      'release',
      'workflow_dispatch',
    ]);
    expect(narrowed.events[0].tags).toEqual(['**']);
  });

  it('limits a push to branches when the condition excludes tags', () => {
    const narrowed = narrowTriggers(triggers, "github.ref_type != 'tag'");
    expect(narrowed.routine).toBe(true);
    expect(narrowed.tagPush).toBe(false);
    expect(narrowed.release).toBe(false);
  });

  it('keeps only the event a condition names', () => {
    const narrowed = narrowTriggers(
      triggers,
      "github.event_name == 'pull_request' || github.event_name == 'workflow_dispatch'",
    );
    expect(narrowed.events.map(e => e.name)).toEqual([
      'pull_request',
      'workflow_dispatch',
    ]);
    expect(narrowed.routine).toBe(true);
  });

  it('drops pull requests for a push-only condition, whatever else it asks', () => {
    const narrowed = narrowTriggers(
      triggers,
      "github.event_name == 'push' && success()",
    );
    expect(narrowed.events.map(e => e.name)).toEqual(['push']);
    expect(narrowed.routine).toBe(true);
  });
});
