import { daysUntil, formatRelative } from './relativeTime';

const NOW = Date.parse('2026-11-28T12:00:00.000Z');

describe('formatRelative', () => {
  it('uses the largest unit that fits, rounded towards now', () => {
    expect(formatRelative('2026-12-12T11:00:00.000Z', NOW)).toBe('in 1 week');
    expect(formatRelative('2026-12-01T12:00:00.000Z', NOW)).toBe('in 3 days');
    expect(formatRelative('2026-11-28T09:00:00.000Z', NOW)).toBe('3 hours ago');
    expect(formatRelative('2026-09-28T12:00:00.000Z', NOW)).toBe(
      '2 months ago',
    );
  });

  it('says now within the minute, and passes bad input through', () => {
    expect(formatRelative('2026-11-28T12:00:20.000Z', NOW)).toBe('just now');
    expect(formatRelative('not a date', NOW)).toBe('not a date');
    expect(formatRelative(undefined, NOW)).toBe('—');
  });
});

describe('daysUntil', () => {
  it('counts whole days, negative in the past', () => {
    expect(daysUntil('2026-12-12T12:00:00.000Z', NOW)).toBe(14);
    expect(daysUntil('2026-11-27T12:00:00.000Z', NOW)).toBe(-1);
  });
});
