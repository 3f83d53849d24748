// The settlement dashboard's figures as its charts and tables lay them out: the range of months (by default the six
// ending last month, Beijing time), every month and every claim state given a row (the query names only those with
// claims), deductions told apart by who made them (the audit, or the fund office's review), and the totals. The
// server computes every figure; this only arranges them. Pure, with explicit extensions: the unit tests import it.
import { todayInShanghai } from '../../lib/format.ts';

/** As many months as the query accepts at once. */
export const MAX_MONTHS = 36;
/** Months the page shows when none are chosen. */
export const DEFAULT_MONTHS = 6;
/** Agencies the chart shows by name; the table lists them all. */
export const TOP_AGENCIES = 10;

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
export const isMonth = (s: string | null | undefined): s is string => !!s && MONTH.test(s);

/** The month `n` months after a month (YYYY-MM); before it when `n` is negative. */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const i = y * 12 + (m - 1) + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

/** Months from `from` to `to`, both included (none when `to` is before `from`). */
export function monthsOf(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to && out.length <= MAX_MONTHS; m = addMonths(m, 1)) out.push(m);
  return out;
}

/** The six months ending last month in Asia/Shanghai: settled months, the current one still open. */
export function defaultRange(now: Date = new Date()): { from: string; to: string } {
  const to = addMonths(todayInShanghai(now).slice(0, 7), -1);
  return { from: addMonths(to, -(DEFAULT_MONTHS - 1)), to };
}

export interface MonthFigures {
  month: string;
  claims: number;
  late: number;
  fundFen: number;
  approvedFundFen: number;
  depositFen: number;
  payableFen: number;
  paidFen: number;
}

/** Every month of the range, those without claims as zeros, so the chart's axis and the table have no gaps. */
export function everyMonth(rows: readonly MonthFigures[], from: string, to: string): MonthFigures[] {
  const by = new Map(rows.map((r) => [r.month, r]));
  return monthsOf(from, to).map((month) => by.get(month) ?? { month, claims: 0, late: 0, fundFen: 0, approvedFundFen: 0, depositFen: 0, payableFen: 0, paidFen: 0 });
}

/** A row per claim state in workflow order, none left out. */
export function everyState<S extends string>(rows: readonly { state: S; claims: number; late: number }[], states: readonly S[]): { state: S; claims: number; late: number }[] {
  return states.map((state) => rows.find((r) => r.state === state) ?? { state, claims: 0, late: 0 });
}

const REVIEW = 'REVIEW:';

/** Who took a deduction off: the audit (a rule's code, or OVER_PLAN) or the review (`REVIEW:` and its reason). */
export function deductionOf(reason: string): { kind: 'audit' | 'review'; code: string } {
  return reason.startsWith(REVIEW) ? { kind: 'review', code: reason.slice(REVIEW.length) } : { kind: 'audit', code: reason };
}

/** The sum of a figure over rows (fen or counts: whole numbers, so no drift). */
export const total = <T>(rows: readonly T[], pick: (r: T) => number): number => rows.reduce((n, r) => n + pick(r), 0);

/** Fen as yuan for a chart's axis and bars; tables and tooltips format the fen themselves. */
export const fenToYuan = (fen: number): number => fen / 100;
