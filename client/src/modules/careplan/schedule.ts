// A plan's week as the caregivers will work it: daily items every day, weekly items on their preferred weekdays
// (or spread evenly over the week when none are chosen, each placed where the week is lightest), monthly items
// apart. Pure, so it is tested on its own.

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
  const load = [0, 0, 0, 0, 0, 0, 0];
  const monthly: ScheduleLine[] = [];
  const place = (l: ScheduleLine, counts: readonly number[]) =>
    counts.forEach((count, d) => {
      if (count <= 0) return;
      days[d]!.push({ code: l.code, name: l.name, count, timeOfDay: l.timeOfDay || null, minutes: count * l.minutes });
      load[d]! += count * l.minutes;
    });
  const loose: ScheduleLine[] = [];
  for (const l of lines) {
    if (l.kind !== 'ITEM' || !(l.times >= 1)) continue;
    if (l.per === 'MONTH') monthly.push(l);
    else if (l.per === 'DAY') place(l, [l.times, l.times, l.times, l.times, l.times, l.times, l.times]);
    else if (l.days.length) place(l, weeklyCounts(l.times, l.days));
    else loose.push(l);
  }
  // Weekly items without chosen days: the longest first, each at the rotation of its even spread that leaves the
  // week most even (least sum of squared daily minutes), so that ten once-a-week items do not all fall on Monday.
  loose.sort((a, b) => b.times * b.minutes - a.times * a.minutes || a.code.localeCompare(b.code));
  for (const l of loose) {
    const spread = weeklyCounts(l.times, []);
    let best: number[] = spread;
    let bestScore = Infinity;
    for (let r = 0; r < 7; r++) {
      const counts = spread.map((_, d) => spread[(d - r + 7) % 7]!);
      const score = counts.reduce((s, c, d) => s + (load[d]! + c * l.minutes) ** 2, 0);
      if (score < bestScore) [best, bestScore] = [counts, score];
    }
    place(l, best);
  }
  for (const d of days) d.sort(byTime);
  return { days, minutesPerDay: load, monthly };
}
