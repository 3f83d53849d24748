// Time helpers. Rules take `now` as a fact; only use cases read the clock, through this module.

export const ZONE = 'Asia/Shanghai';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

// en-CA formats dates as YYYY-MM-DD. Made once: building a formatter costs far more than using it, and the
// hottest paths (a check-in, the rules over a visit and its neighbours) ask for many dates.
const DAY_FORMAT = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date (YYYY-MM-DD) of an instant in Asia/Shanghai. */
export function localDate(instant: Date): string {
  return DAY_FORMAT.format(instant);
}
