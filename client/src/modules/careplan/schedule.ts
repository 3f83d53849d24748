// A plan's week as the caregivers will work it: daily items every day, weekly items on their preferred weekdays
// (or spread evenly over the week when none are chosen), monthly items apart. Pure, so it is tested on its own.

export interface ScheduleLine {
  kind: 'ITEM' | 'DEVICE';
  code: string;
  name: string;
  times: number;
  per: 'DAY' | 'WEEK' | 'MONTH';
  /** Preferred weekdays, 1 = Monday … 7 = Sunday. */
  days: readonly number[];
  timeOfDay: string | null;
  /** Standard minutes of one service. */
  minutes: number;
}

export interface Visit {
  code: string;
  name: string;
  /** Services of the item that day. */
  count: number;
  timeOfDay: string | null;
  /** Minutes of service that day: count × standard minutes. */
  minutes: number;
}

export interface WeekSchedule {
  /** Index 0 = Monday … 6 = Sunday; each day's visits by time of day (untimed last), then code. */
  days: Visit[][];
  minutesPerDay: number[];
  /** Items given a few times a month: not tied to a weekday. */
  monthly: ScheduleLine[];
}

/**
 * How many services of a weekly item fall on each weekday (index 0 = Monday). Chosen days share the times in turn
 * (three times on two chosen days: two on the first, one on the second); without a choice the times are spread as
 * evenly as the week allows (twice: Monday and Thursday; three times: Monday, Wednesday, Friday).
 */
export function weeklyCounts(times: number, days: readonly number[]): number[] {
  const counts = [0, 0, 0, 0, 0, 0, 0];
  const n = Math.max(0, Math.floor(times));
  const chosen = [...new Set(days.filter((d) => Number.isInteger(d) && d >= 1 && d <= 7))].sort((a, b) => a - b).map((d) => d - 1);
  if (chosen.length) {
    for (let i = 0; i < n; i++) counts[chosen[i % chosen.length]!]! += 1;
    return counts;
  }
  const whole = Math.floor(n / 7);
  const rest = n % 7;
  for (let d = 0; d < 7; d++) counts[d] = whole;
  for (let i = 0; i < rest; i++) counts[Math.floor((i * 7) / rest)]! += 1;
  return counts;
}

const byTime = (a: Visit, b: Visit) => (a.timeOfDay ?? '99:99').localeCompare(b.timeOfDay ?? '99:99') || a.code.localeCompare(b.code);

/** The week of a plan's service items; devices are rented, not visited, and are left out. */
export function weekSchedule(lines: readonly ScheduleLine[]): WeekSchedule {
  const days: Visit[][] = [[], [], [], [], [], [], []];
  const monthly: ScheduleLine[] = [];
  for (const l of lines) {
    if (l.kind !== 'ITEM' || !(l.times >= 1)) continue;
    if (l.per === 'MONTH') {
      monthly.push(l);
      continue;
    }
    const counts = l.per === 'DAY' ? [l.times, l.times, l.times, l.times, l.times, l.times, l.times] : weeklyCounts(l.times, l.days);
    counts.forEach((count, d) => {
      if (count > 0) days[d]!.push({ code: l.code, name: l.name, count, timeOfDay: l.timeOfDay || null, minutes: count * l.minutes });
    });
  }
  for (const d of days) d.sort(byTime);
  return { days, minutesPerDay: days.map((d) => d.reduce((s, v) => s + v.minutes, 0)), monthly };
}
