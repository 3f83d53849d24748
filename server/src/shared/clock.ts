// Time helpers. Rules take `now` as a fact; only use cases read the clock, through this module.

export const ZONE = 'Asia/Shanghai';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

// en-CA formats dates as YYYY-MM-DD. Made once: building a formatter costs far more than using it, and the
// hottest paths (a check-in, the rules over a visit and its neighbours) ask for many dates.
const DAY_FORMAT = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** Since the end of its last daylight saving time (1991-09-15 01:00 local), China's time is UTC+8 all year round. */
const FIXED_OFFSET_SINCE = Date.UTC(1991, 8, 14, 17);
const OFFSET_MS = 8 * 3_600_000;

/** The calendar date (YYYY-MM-DD) of an instant in Asia/Shanghai. */
export function localDate(instant: Date): string {
  const t = instant.getTime();
  // Arithmetic where the offset is fixed (every visit, claim and session): the formatter costs ten times more.
  if (t >= FIXED_OFFSET_SINCE) return new Date(t + OFFSET_MS).toISOString().slice(0, 10);
  return DAY_FORMAT.format(instant);
}
