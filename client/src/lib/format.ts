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

/** Whole days from one calendar day to another (negative when `to` is earlier); days carry no zone, so UTC is exact. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * An instant as the value of an `<input type="datetime-local">` (YYYY-MM-DDTHH:mm) in Asia/Shanghai. The input
 * itself knows no zone; reading and writing it through these two keeps it in Beijing time on any device.
 */
export function toShanghaiInput(instant: Date | string): string {
  const d = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(d.getTime())) return '';
  // Beijing keeps no daylight saving time: UTC+8 all year.
  return new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16);
}

/** The instant (ISO, UTC) of a datetime-local value read as Beijing time; null when empty or malformed. */
export function fromShanghaiInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null;
  const t = Date.parse(`${value.length === 16 ? value + ':00' : value}+08:00`);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

/** File sizes as people read them. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** The time of day (HH:mm) of an instant, in Asia/Shanghai, e.g. for "saved at 14:05". */
export function formatClock(instant: number | string | Date): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(instant));
}
