// Stays, as pure functions: the billable days of a month from the stays in institutional or hospital care
// (admission day counts, discharge day does not, days of leave do not), and the checks of an imported list of
// in-patient stays (for R02). No ORM, no clock.
import { addDays } from '../shared/dates.ts';
import { monthOf } from '../careplan/careplan.rules.ts';

export interface StayFacts {
  admittedOn: string;
  dischargedOn: string | null;
  leaves: { from: string; to: string }[];
}

/** The days of `month` (YYYY-MM) a beneficiary was present: in care, not on leave. Each day counted once. */
export function billableDays(stays: readonly StayFacts[], month: string): string[] {
  const { first, last } = monthOf(`${month}-01`);
  const days = new Set<string>();
  for (const s of stays) {
    const from = s.admittedOn > first ? s.admittedOn : first;
    // The discharge day is not a day of care; an open stay runs to the month's end.
    const to = s.dischargedOn === null ? last : addDays(s.dischargedOn, -1) < last ? addDays(s.dischargedOn, -1) : last;
    for (let d = from; d <= to; d = addDays(d, 1)) {
      if (!s.leaves.some((l) => l.from <= d && d <= l.to)) days.add(d);
    }
  }
  return [...days].sort();
}

export interface StayProblem {
  field: string;
  reason: string;
  message: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (d: string) => DATE.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d;

/** Checks the dates of a stay (and its leaves); `today` bounds admission. */
export function checkStayDates(s: { admittedOn: string; dischargedOn?: string | null; leaves?: { from: string; to: string }[] }, today: string): StayProblem[] {
  const out: StayProblem[] = [];
  if (!isDate(s.admittedOn)) out.push({ field: 'admittedOn', reason: 'DATE', message: 'YYYY-MM-DD' });
  else if (s.admittedOn > today) out.push({ field: 'admittedOn', reason: 'FUTURE', message: 'Not after today' });
  if (s.dischargedOn != null) {
    if (!isDate(s.dischargedOn)) out.push({ field: 'dischargedOn', reason: 'DATE', message: 'YYYY-MM-DD' });
    else if (isDate(s.admittedOn) && s.dischargedOn < s.admittedOn) out.push({ field: 'dischargedOn', reason: 'BEFORE_ADMISSION', message: 'Not before the admission' });
  }
  (s.leaves ?? []).forEach((l, i) => {
    if (!isDate(l.from) || !isDate(l.to) || l.to < l.from) out.push({ field: `leaves.${i}`, reason: 'DATE', message: 'A leave runs from a day to a later (or the same) day' });
    else if (l.from < s.admittedOn || (s.dischargedOn && l.to > s.dischargedOn)) out.push({ field: `leaves.${i}`, reason: 'OUTSIDE_STAY', message: 'A leave lies within the stay' });
  });
  return out;
}
