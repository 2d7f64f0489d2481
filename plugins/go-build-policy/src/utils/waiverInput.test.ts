import {
  expiryOfDate,
  utcDatePlusDays,
  validateWaiverInput,
} from './waiverInput';

const NOW = Date.parse('2026-11-28T18:30:00.000Z');

describe('validateWaiverInput', () => {
  const valid = {
    reason: 'Migrating CI',
    date: '2026-12-28',
    maxDays: 90,
    now: NOW,
  };

  it('accepts a reason and a date within the allowed window', () => {
    expect(validateWaiverInput(valid)).toEqual({});
    expect(validateWaiverInput({ ...valid, date: '2027-02-26' })).toEqual({});
  });

  it('requires a reason that is not blank nor too long', () => {
    expect(validateWaiverInput({ ...valid, reason: '   ' }).reason).toMatch(
      /why/,
    );
    expect(
      validateWaiverInput({ ...valid, reason: 'x'.repeat(2001) }).reason,
    ).toMatch(/2000/);
  });

  it('requires a date from tomorrow to maxDays from now', () => {
    expect(validateWaiverInput({ ...valid, date: '' }).date).toMatch(/Choose/);
    expect(validateWaiverInput({ ...valid, date: '2026-11-28' }).date).toMatch(
      /future/,
    );
    expect(validateWaiverInput({ ...valid, date: '2027-02-27' }).date).toBe(
      'A waiver lasts at most 90 days.',
    );
    expect(validateWaiverInput({ ...valid, date: '2026-13-45' }).date).toBe(
      'Not a valid date.',
    );
  });
});

describe('waiver dates', () => {
  it('counts UTC days and ends a waiver at the start of its day', () => {
    expect(utcDatePlusDays(30, NOW)).toBe('2026-12-28');
    expect(expiryOfDate('2026-12-28')).toBe('2026-12-28T00:00:00.000Z');
  });
});
