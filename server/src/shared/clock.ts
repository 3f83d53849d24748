// Time helpers. Rules take `now` as a fact; only use cases read the clock, through this module.

export const ZONE = 'Asia/Shanghai';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** The calendar date (YYYY-MM-DD) of an instant in Asia/Shanghai. */
export function localDate(instant: Date): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}
