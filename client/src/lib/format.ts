// Dates and times as the people using Changhu read them: all in Asia/Shanghai, whatever the device's zone.
export const ZONE = 'Asia/Shanghai';

/** Today's calendar date (YYYY-MM-DD) in Asia/Shanghai; the server judges "future" dates by the same day. */
export function todayInShanghai(now: Date = new Date()): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** An instant from the API (ISO 8601, UTC) as date and time in Asia/Shanghai; seconds for the audit trail. */
export function formatDateTime(iso: string, language: string, options: { seconds?: boolean } = {}): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'zh-CN', {
    timeZone: ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    ...(options.seconds ? { second: '2-digit' } : {}),
    hourCycle: 'h23',
  }).format(d);
}

/** The instant a calendar day (YYYY-MM-DD) begins in Asia/Shanghai, which keeps no daylight saving time. */
export function startOfDayInShanghai(day: string, plusDays = 0): string {
  return new Date(Date.parse(`${day}T00:00:00+08:00`) + plusDays * 86_400_000).toISOString();
}

/** Whole years between a birth date and a day, both YYYY-MM-DD; string compare works on that form. */
export function ageOn(birthDate: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) < birthDate.slice(5) ? years - 1 : years;
}
