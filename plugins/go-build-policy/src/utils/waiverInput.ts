const DAY_MS = 24 * 3600 * 1000;

/** The waiver length the dialog proposes, unless the installation allows less. */
export const DEFAULT_WAIVER_DAYS = 30;
/** The contract's limit on a reason's length. */
export const MAX_REASON_LENGTH = 2000;

/** `YYYY-MM-DD` (UTC) of the day `days` after now. */
export function utcDatePlusDays(
  days: number,
  now: number = Date.now(),
): string {
  return new Date(now + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * A waiver chosen "until <date>" stops applying at the start of that day, UTC: so the
 * last allowed date stays within `maxDays` of now, as the server requires.
 */
export function expiryOfDate(date: string): string {
  return `${date}T00:00:00.000Z`;
}

export interface WaiverInputErrors {
  reason?: string;
  date?: string;
}

/** Checks the dialog's input as the server will, so most mistakes never leave the browser. */
export function validateWaiverInput(input: {
  reason: string;
  date: string;
  maxDays?: number;
  now?: number;
}): WaiverInputErrors {
  const errors: WaiverInputErrors = {};
  const reason = input.reason.trim();
  if (!reason) errors.reason = 'Say why the rule is waived.';
  else if (reason.length > MAX_REASON_LENGTH) {
    errors.reason = `At most ${MAX_REASON_LENGTH} characters.`;
  }
  const now = input.now ?? Date.now();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.date)) {
    errors.date = 'Choose the date the waiver ends.';
  } else if (Number.isNaN(Date.parse(expiryOfDate(input.date)))) {
    errors.date = 'Not a valid date.';
  } else if (input.date < utcDatePlusDays(1, now)) {
    errors.date = 'The waiver must end in the future.';
  } else if (
    input.maxDays !== undefined &&
    input.date > utcDatePlusDays(input.maxDays, now)
  ) {
    errors.date = `A waiver lasts at most ${input.maxDays} days.`;
  }
  return errors;
}
