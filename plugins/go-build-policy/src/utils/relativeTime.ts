const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600 * 1000],
  ['month', 30 * 24 * 3600 * 1000],
  ['week', 7 * 24 * 3600 * 1000],
  ['day', 24 * 3600 * 1000],
  ['hour', 3600 * 1000],
  ['minute', 60 * 1000],
];

const formatter = new Intl.RelativeTimeFormat('en', { numeric: 'always' });

/**
 * "in 3 days", "2 weeks ago", "just now": the largest unit that fits, rounded down, so a
 * waiver expiring in 13.9 days reads "in 13 days" rather than overstating the time left.
 */
export function formatRelative(
  iso: string | undefined,
  now: number = Date.now(),
): string {
  if (!iso) return '—';
  const time = new Date(iso).getTime();
  if (Number.isNaN(time)) return iso;
  const delta = time - now;
  for (const [unit, size] of UNITS) {
    const amount = Math.trunc(delta / size);
    if (amount !== 0) return formatter.format(amount, unit);
  }
  return 'just now';
}

/** Whole days from now until the time (negative when past). */
export function daysUntil(iso: string, now: number = Date.now()): number {
  return Math.floor((new Date(iso).getTime() - now) / (24 * 3600 * 1000));
}
