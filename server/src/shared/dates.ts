// Calendar arithmetic on YYYY-MM-DD days (UTC midnight stands for the day): pure, shared by every module.

export const toDate = (d: string) => new Date(d + 'T00:00:00Z');
export const fromDate = (d: Date) => d.toISOString().slice(0, 10);

export function addDays(date: string, days: number): string {
  const d = toDate(date);
  d.setUTCDate(d.getUTCDate() + days);
  return fromDate(d);
}

/** Adds calendar months; the 31st of a shorter month becomes its last day. */
export function addMonths(date: string, months: number): string {
  const d = toDate(date);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return fromDate(d);
}


/** A calendar month as YYYY-MM (01 to 12). */
export const isMonth = (s: string) => /^\d{4}-(0[1-9]|1[0-2])$/.test(s);
